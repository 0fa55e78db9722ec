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
/** Each instruction's flags as BuildKit knows them today (plus the ones it rejects, for the garbage matrix). */
export const FLAGS: Record<string, string[]> = {
  FROM: ['--platform'], RUN: ['--mount', '--network', '--security', '--device'],
  COPY: ['--from', '--chown', '--chmod', '--link', '--parents', '--exclude'],
  ADD: ['--chown', '--chmod', '--link', '--checksum', '--keep-git-dir', '--exclude', '--unpack'],
  HEALTHCHECK: ['--interval', '--timeout', '--start-period', '--start-interval', '--retries'],
};
/** Every flag any instruction has, plus malformed ones: the matrix puts each of them on every instruction. */
export const ALL_FLAGS = [...new Set(Object.values(FLAGS).flat()), '--', '-', '--=', '---from', '--FROM', '--Platform', '--\0', '--\uD800'];
const MOUNT_VALUES = ['type=cache,target=/x', 'type=', 'type=secret,id=', 'type=bind,from=$X', 'type=tmpfs,size=-1', 'type=ssh,required=maybe',
  'type=cache,sharing=', 'type=cache,target=/x,type=bind', 'target', 'type=cache,id=${A:-${B}},target=/${C', ',,,'];
export const GARBAGE = ['', '=', '==', ...MOUNT_VALUES, '1s', '-1', 'abc',
  '${X:-', '${', '$', '$$', '${X:?err}', '${X/a/b}', '"', "'", '[', ']', '["a"', '["a",]', '[[[]]]', '["\\', '{"a":1}', '\\', '`', '\u201c', '\u2018',
  '\0', 'a\0b', '\uD800', '\uDFFF', '\uDC00\uD800', 'x\uD83D', '\uDE00x', '\uFFFF', '\uFEFF',
  '<<EOF', '<<-"EOF"', "<<'EOF'", '<<', '<<EOF <<EOF2', 'AS', 'as', 'x:y:z', '80/tcpp', '65536', '0', 'root:root', '🐳', '\t', ' \\',
  '\r', 'sha256:', 'linux/amd64,linux/arm64', 'http://[::1', '#', '# escape=`'];
export const DIRECTIVES = ['# syntax=docker/dockerfile:1', '# escape=`', '# escape=\\', '# check=skip=all', '# check=error=true', '#escape=x', '# syntax=',
  '#  ESCAPE = `', '# Syntax = x', '# escape=', '# escape=\\\\', '# check=skip=', '#syntax=\0', '# escape=\uD800', '#\tescape=`', ' # escape=`'];

function flag(r: Rng, keyword: string): string {
  const own = FLAGS[keyword] ?? [];
  const name = own.length && r() < 0.8 ? pick(r, own) : pick(r, ALL_FLAGS);
  const roll = r();
  return roll < 0.1 ? name : roll < 0.15 ? `${name}=${pick(r, GARBAGE)}=${pick(r, GARBAGE)}` : `${name}=${pick(r, GARBAGE)}`;
}

function randomLine(r: Rng): string {
  const kw = pick(r, INSTRUCTIONS);
  const keyword = r() < 0.2 ? kw.toLowerCase() : kw;
  const parts = r() < 0.05 ? ['ONBUILD', keyword] : [keyword];
  for (let i = int(r, 3); i > 0; i--) { parts.push(flag(r, kw)); }
  for (let i = int(r, 5); i > 0; i--) { parts.push(r() < 0.5 ? pick(r, GARBAGE) : `arg${int(r, 100)}`); }
  return parts.join(r() < 0.9 ? ' ' : '');
}

/** `RUN <<EOF` and friends, sometimes never closed, sometimes closed by the wrong word. */
function heredoc(r: Rng): string[] {
  const names = ['EOF', 'EOT', 'END', 'E\0F', 'x\uD800'];
  const name = pick(r, names);
  const opener = pick(r, [`<<${name}`, `<<-${name}`, `<<"${name}"`, `<<'${name}'`, `<<${name} <<${pick(r, names)}`, `<<${name} ${pick(r, GARBAGE)}`]);
  const lines = [`${pick(r, ['RUN', 'COPY', 'run', 'ADD', 'CMD'])} ${r() < 0.3 ? flag(r, 'RUN') + ' ' : ''}${opener}${r() < 0.3 ? ' /dst' : ''}`];
  for (let i = int(r, 6); i > 0; i--) { lines.push(r() < 0.2 ? pick(r, DIRECTIVES) : r() < 0.3 ? randomLine(r) : `echo ${pick(r, GARBAGE)}`); }
  const end = r();
  if (end < 0.4) { lines.push(r() < 0.5 ? name : `\t${name}`); } else if (end < 0.6) { lines.push(`${name}x`); } // else: unterminated
  return lines;
}

/** Exec-form JSON, from valid to unterminated, nested, with bad escapes. */
function json(r: Rng): string {
  const element = (): string => pick(r, ['"a"', '"b c"', "'x'", '"\\"', '"\\u12"', '"\\uD800"', '1', 'null', '[]', '{}', '"', '', '"a" "b"', '\u201ca\u201d', '"\0"']);
  const items = Array.from({ length: int(r, 6) }, element);
  const body = `[${items.join(pick(r, [', ', ',', ' ', ',,']))}${pick(r, [']', ']', '', ',', '",', '] extra', ']]'])}`;
  return `${pick(r, ['CMD', 'ENTRYPOINT', 'SHELL', 'RUN', 'VOLUME', 'HEALTHCHECK CMD', 'ONBUILD CMD', 'COPY', 'ADD'])} ${body}`;
}

function randomText(r: Rng): string {
  const lines: string[] = [];
  if (r() < 0.3) { lines.push(pick(r, DIRECTIVES)); }
  for (let i = int(r, 25) + 1; i > 0; i--) {
    const roll = r();
    if (roll < 0.08) { lines.push(pick(r, DIRECTIVES)); }
    else if (roll < 0.13) { lines.push(`# comment ${pick(r, GARBAGE)}`); }
    else if (roll < 0.17) { lines.push(''); }
    else if (roll < 0.24) { lines.push(`${randomLine(r)} ${r() < 0.8 ? '\\' : '`'}`); }
    else if (roll < 0.3) { lines.push(...heredoc(r)); }
    else if (roll < 0.36) { lines.push(json(r)); }
    else { lines.push(randomLine(r)); }
  }
  return lines.join(r() < 0.1 ? '\r\n' : r() < 0.02 ? '\r' : '\n');
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
    switch (int(r, 9)) {
      case 0: lines.splice(at, 1); break;
      case 1: lines.splice(at, 0, randomLine(r)); break;
      case 2: lines.splice(at, 0, lines[int(r, lines.length)] ?? ''); break;
      case 3: { const l = lines[at] ?? ''; const c = int(r, l.length + 1); lines[at] = l.slice(0, c) + pick(r, GARBAGE) + l.slice(c); break; }
      case 4: { const l = lines[at] ?? ''; lines[at] = l.slice(0, int(r, l.length + 1)); break; }
      case 5: lines.splice(at, 0, ...heredoc(r)); break;
      case 6: lines.splice(at, 0, json(r)); break;
      // A character that splits a surrogate pair, or a NUL, in the middle of a line.
      case 7: { const l = lines[at] ?? ''; const c = int(r, l.length + 1); lines[at] = l.slice(0, c) + pick(r, ['\0', '\uD83D', '\uDC33', '\r']) + l.slice(c); break; }
      default: lines.splice(at, 0, pick(r, DIRECTIVES));
    }
  }
  return lines.join('\n');
}

/**
 * Every instruction with every flag (its own, the other instructions', malformed ones) and every garbage
 * value: one document per instruction and flag, one line per value, half of them as ONBUILD triggers.
 */
export function flagMatrixDocuments(): string[] {
  const docs: string[] = [];
  for (const keyword of INSTRUCTIONS) {
    for (const name of ALL_FLAGS) {
      const lines = ['FROM alpine:3.20 AS base'];
      GARBAGE.forEach((value, i) => {
        const prefix = i % 2 ? 'ONBUILD ' : '';
        lines.push(`${prefix}${keyword} ${name}=${value} ${GARBAGE[(i * 7) % GARBAGE.length]} arg`);
      });
      lines.push(`${keyword} ${name}`, `${keyword} ${name}= ${name}=`, `${keyword.toLowerCase()} ${name.toUpperCase()}=x \\`, `  ${name}=y`);
      docs.push(lines.join('\n'));
    }
  }
  return docs;
}

/** The few huge or pathological documents every run includes once. */
export function extremeDocuments(): { name: string; text: string }[] {
  return [
    { name: '1 MB single line', text: `FROM alpine:3.20\nRUN echo ${'x'.repeat(1024 * 1024)}\n` },
    { name: '5,000 continuation lines', text: `FROM alpine:3.20\nRUN true \\\n${'  && echo step \\\n'.repeat(5000)}  && true\n` },
    { name: 'unterminated heredoc', text: 'FROM alpine:3.20\nRUN <<EOF\necho a\n\necho b\n' },
    { name: 'unterminated heredoc, 5,000 lines', text: `FROM alpine:3.20\nCOPY <<EOF <<EOF2 /dst\n${'line\n'.repeat(5000)}` },
    { name: 'unterminated JSON', text: 'FROM alpine:3.20\nCMD ["a", "b\nENTRYPOINT [' },
    { name: 'unterminated JSON, 100 KB', text: `FROM alpine:3.20\nCMD ["${'a'.repeat(100_000)}` },
    { name: 'huge JSON array', text: `FROM alpine:3.20\nCMD [${Array.from({ length: 20000 }, (_, i) => `"a${i}"`).join(', ')}]\n` },
    { name: '20,000 variables on one line', text: `FROM alpine:3.20\nARG A=1\nRUN echo ${'${A}$A'.repeat(10_000)}\n` },
    { name: '2,000 stages', text: Array.from({ length: 2000 }, (_, i) => `FROM ${i ? `s${i - 1}` : 'alpine'} AS s${i}\nCOPY --from=s${Math.max(0, i - 1)} /a /a`).join('\n') },
    { name: '10,000 comment lines', text: `${'# comment\n'.repeat(10_000)}FROM alpine:3.20\n` },
    { name: 'empty', text: '' },
    { name: 'only NULs', text: '\0\0\0\0' },
    { name: 'lone surrogates', text: 'FROM \uD800alpine\nRUN echo \uDFFF\nCOPY --from=\uDC00\uD800 a b\n\uD83D' },
    { name: 'directives everywhere', text: `${DIRECTIVES.join('\n')}\nFROM alpine:3.20\n${DIRECTIVES.join('\n')}\nRUN a \\\n${DIRECTIVES.join(' \\\n')}\nRUN <<EOF\n${DIRECTIVES.join('\n')}\nEOF\n` },
  ];
}

export function generateDocument(r: Rng, corpus: readonly string[]): string {
  const roll = r();
  if (roll < 0.05) { return randomBytes(r); }
  if (roll < 0.45 && corpus.length) { return mutate(r, pick(r, corpus)); }
  if (roll < 0.6) { return mutate(r, randomText(r)); }
  return randomText(r);
}
