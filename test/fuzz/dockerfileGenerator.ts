// Generated and mutated Dockerfiles for fuzzing the language server. Deterministic for a seed, so
// a failure can be replayed with FUZZ_SEED=<seed>.

export type Rng = () => number;

/** mulberry32: small, fast, good enough to drive a fuzzer. */
export function rng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const int = (r: Rng, max: number): number => Math.floor(r() * max);

export const INSTRUCTIONS = ['FROM', 'RUN', 'CMD', 'LABEL', 'MAINTAINER', 'EXPOSE', 'ENV', 'ADD', 'COPY', 'ENTRYPOINT',
  'VOLUME', 'USER', 'WORKDIR', 'ARG', 'ONBUILD', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL'];
const FLAGS: Record<string, string[]> = {
  FROM: ['--platform'], RUN: ['--mount', '--network', '--security'],
  COPY: ['--from', '--chown', '--chmod', '--link', '--parents', '--exclude'],
  ADD: ['--chown', '--chmod', '--link', '--checksum', '--keep-git-dir', '--exclude'],
  HEALTHCHECK: ['--interval', '--timeout', '--start-period', '--start-interval', '--retries'],
};
const GARBAGE = ['', '=', '==', 'type=cache,target=/x', 'type=', 'type=secret,id=', 'type=bind,from=$X', '1s', '-1', 'abc',
  '${X:-', '${', '$', '"', "'", '[', ']', '["a"', '["a",]', '[[[]]]', '\\', '`', '\u201c', '\u2018', '\0', '\uD800', '\uDFFF',
  '<<EOF', '<<-"EOF"', '<<', 'AS', 'as', 'x:y:z', '80/tcpp', '65536', '0', 'root:root', '🐳', '\t', ' \\'];
const DIRECTIVES = ['# syntax=docker/dockerfile:1', '# escape=`', '# escape=\\', '# check=skip=all', '# check=error=true', '#escape=x', '# syntax='];

function randomLine(r: Rng): string {
  const kw = pick(r, INSTRUCTIONS);
  const keyword = r() < 0.2 ? kw.toLowerCase() : kw;
  const parts = [keyword];
  const flags = FLAGS[kw] ?? [];
  for (let i = int(r, 3); i > 0 && flags.length; i--) { parts.push(`${pick(r, flags)}=${pick(r, GARBAGE)}`); }
  for (let i = int(r, 5); i > 0; i--) { parts.push(r() < 0.5 ? pick(r, GARBAGE) : `arg${int(r, 100)}`); }
  return parts.join(r() < 0.9 ? ' ' : '');
}

function randomText(r: Rng): string {
  const lines: string[] = [];
  if (r() < 0.3) { lines.push(pick(r, DIRECTIVES)); }
  for (let i = int(r, 25) + 1; i > 0; i--) {
    const roll = r();
    if (roll < 0.08) { lines.push(pick(r, DIRECTIVES)); }
    else if (roll < 0.15) { lines.push(`# comment ${pick(r, GARBAGE)}`); }
    else if (roll < 0.2) { lines.push(''); }
    else if (roll < 0.27) { lines.push(`${randomLine(r)} \\`); }
    else { lines.push(randomLine(r)); }
  }
  return lines.join(r() < 0.1 ? '\r\n' : '\n');
}

function randomBytes(r: Rng): string {
  let s = '';
  for (let i = int(r, 400); i > 0; i--) { s += String.fromCharCode(int(r, r() < 0.9 ? 128 : 0x10000)); }
  return s;
}

function mutate(r: Rng, text: string): string {
  const lines = text.split('\n');
  for (let i = int(r, 6) + 1; i > 0; i--) {
    const at = int(r, lines.length + 1);
    switch (int(r, 6)) {
      case 0: lines.splice(at, 1); break;
      case 1: lines.splice(at, 0, randomLine(r)); break;
      case 2: lines.splice(at, 0, lines[int(r, lines.length)] ?? ''); break;
      case 3: { const l = lines[at] ?? ''; const c = int(r, l.length + 1); lines[at] = l.slice(0, c) + pick(r, GARBAGE) + l.slice(c); break; }
      case 4: { const l = lines[at] ?? ''; lines[at] = l.slice(0, int(r, l.length + 1)); break; }
      default: lines.splice(at, 0, pick(r, DIRECTIVES));
    }
  }
  return lines.join('\n');
}

/** The few huge or pathological documents every run includes once. */
export function extremeDocuments(): { name: string; text: string }[] {
  return [
    { name: '1 MB single line', text: `FROM alpine:3.20\nRUN echo ${'x'.repeat(1024 * 1024)}\n` },
    { name: '5,000 continuation lines', text: `FROM alpine:3.20\nRUN true \\\n${'  && echo step \\\n'.repeat(5000)}  && true\n` },
    { name: 'unterminated heredoc', text: 'FROM alpine:3.20\nRUN <<EOF\necho a\n\necho b\n' },
    { name: 'unterminated JSON', text: 'FROM alpine:3.20\nCMD ["a", "b\nENTRYPOINT [' },
    { name: 'huge JSON array', text: `FROM alpine:3.20\nCMD [${Array.from({ length: 20000 }, (_, i) => `"a${i}"`).join(', ')}]\n` },
    { name: 'empty', text: '' },
    { name: 'only NULs', text: '\0\0\0\0' },
    { name: 'lone surrogates', text: 'FROM \uD800alpine\nRUN echo \uDFFF\n' },
    { name: 'directives everywhere', text: `${DIRECTIVES.join('\n')}\nFROM alpine:3.20\n${DIRECTIVES.join('\n')}\n` },
  ];
}

export function generateDocument(r: Rng, corpus: readonly string[]): string {
  const roll = r();
  if (roll < 0.05) { return randomBytes(r); }
  if (roll < 0.45 && corpus.length) { return mutate(r, pick(r, corpus)); }
  if (roll < 0.6) { return mutate(r, randomText(r)); }
  return randomText(r);
}
