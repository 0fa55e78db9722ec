// The incremental syntax validation must report exactly what dockerfile-utils reports on the whole text.
// Chunks are forced tiny here (every instruction its own chunk, no minimum size) so every boundary,
// context piece and line shift is exercised on the fixture corpus, on generated large files and on
// thousands of generated/mutated documents from the fuzz generator.
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { DockerfileLanguageServiceFactory } from 'dockerfile-language-service';
import { ChunkedSyntaxValidator, ChunkOptions } from '../../../../server/src/incremental/chunkedValidation';
import { scanDockerfile, type DockerfileLike } from '../../../../server/src/documents/instructionScanner';
import { textDelta } from '../../../../server/src/documents/textDelta';
import { DockerfileParser } from 'dockerfile-ast';
import { validateSyntax } from '../../../../server/src/diagnostics/syntaxValidation';
import { VALIDATOR_SETTINGS } from '../../../../server/src/diagnostics/validatorSettings';
import { generateDocument, rng } from '../../../fuzz/dockerfileGenerator';
import { bigDockerfile } from '../../../support/bigDockerfile';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..', '..');
const service = DockerfileLanguageServiceFactory.createLanguageService();

function fixtures(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  const walk = (dir: string): void => {
    if (!fs.existsSync(dir)) { return; }
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) { walk(p); } else if (/Dockerfile|\.dockerfile$/i.test(e.name)) { out.push({ name: path.relative(ROOT, p), text: fs.readFileSync(p, 'utf8') }); }
    }
  };
  for (const d of ['test/fixtures', 'sample', 'test/grammar']) { walk(path.join(ROOT, d)); }
  return out;
}

const key = (d: Diagnostic): string => JSON.stringify([d.range, d.code, d.severity, d.message, d.tags ?? null]);
const sorted = (ds: Diagnostic[]): string[] => ds.map(key).sort();

/** Both ways of finding chunks: the validator's own line scan, and the exact instruction scan the server passes. */
function assertSame(text: string, validator: ChunkedSyntaxValidator, what: string, viaTree?: ChunkedSyntaxValidator): void {
  let reference: string[];
  try {
    reference = sorted(validateSyntax(text, service, 'en'));
  } catch {
    // dockerfile-utils itself fails on this text (stack overflow in variable resolution): the chunked
    // validation must still answer, losing only the chunks it fails on.
    validateSyntax(text, service, 'en', validator);
    validateSyntax(text, service, 'en', viaTree ?? new ChunkedSyntaxValidator(service, validatorOptions(validator)), { tree: scanDockerfile(text) ?? DockerfileParser.parse(text), lines: text.split('\n') });
    assert.ok(validator.failures.length > 0, `${what}: the failure is recorded`);
    referenceFailures++;
    return;
  }
  assert.deepStrictEqual(sorted(validateSyntax(text, service, 'en', validator)), reference, what);
  const tree = scanDockerfile(text) ?? DockerfileParser.parse(text);
  const other = viaTree ?? new ChunkedSyntaxValidator(service, validatorOptions(validator));
  assert.deepStrictEqual(sorted(validateSyntax(text, service, 'en', other, { tree, lines: text.split('\n') })), reference, `${what} (chunks from the instruction scan)`);
}

let referenceFailures = 0;
const validatorOptions = (v: ChunkedSyntaxValidator): ChunkOptions => (v as unknown as { options: ChunkOptions }).options;

describe('incremental syntax validation = dockerfile-utils on the whole text', function () {
  this.timeout(120_000);
  const tiny = { minLines: 0, chunkLines: 1 };

  it('on every fixture', () => {
    const list = fixtures();
    assert.ok(list.length > 10, 'fixtures found');
    for (const { name, text } of list) {
      assertSame(text, new ChunkedSyntaxValidator(service, tiny), name);
      assertSame(text.replace(/\n/g, '\r\n'), new ChunkedSyntaxValidator(service, tiny), `${name} (CRLF)`);
    }
  });

  it('on a large generated file, with the default chunking and with tiny chunks', () => {
    const text = bigDockerfile(300);
    assertSame(text, new ChunkedSyntaxValidator(service), 'default chunks');
    assertSame(text, new ChunkedSyntaxValidator(service, tiny), 'tiny chunks');
    assertSame(text, new ChunkedSyntaxValidator(service, { minLines: 0, chunkLines: 7 }), '7-line chunks');
  });

  it('after edits, reusing cached chunks (same line, inserted and removed lines, a changed declaration)', () => {
    const v = new ChunkedSyntaxValidator(service);
    const vt = new ChunkedSyntaxValidator(service);
    const lines = bigDockerfile(300).split('\n');
    assertSame(lines.join('\n'), v, 'first', vt);
    const mid = Math.floor(lines.length / 2);
    const edits: ((ls: string[]) => void)[] = [
      (ls) => { ls[mid] = `${ls[mid]} `; },
      (ls) => { ls.splice(mid, 0, 'RUN echo inserted ${VERSION}', 'EXPOSE 70000'); },
      (ls) => { ls.splice(mid + 5, 3); },
      (ls) => { ls.splice(20, 0, 'ENV PORT0=99999'); },
      (ls) => { ls.splice(10, 0, 'FROM scratch AS early'); },
    ];
    for (const [i, edit] of edits.entries()) {
      edit(lines);
      assertSame(lines.join('\n'), v, `edit ${i}`, vt);
    }
    lines[mid] = `${lines[mid]}  `;
    v.validate(lines.join('\n'));
    assert.ok(v.lastValidated <= 2, `an edit inside one instruction revalidates its chunk only (${v.lastValidated} of ${v.lastChunks})`);
    const text = lines.join('\n');
    vt.validate(text, scanDockerfile(text), lines);
    assert.ok(vt.lastChunks > 20 && vt.lastValidated <= 2, `the same through the instruction scan (${vt.lastValidated} of ${vt.lastChunks})`);
  });

  it('as the validation worker runs it: each scan consumes the last, and a chunk keeps its result only while its text and context are the same', () => {
    // The worker's scans shift the previous scan's instructions in place (ScanBase.consume): a segment then
    // stays the same object, and a chunk whose text and context segments are the same keeps last pass's
    // result without building its context. Edits that change a later chunk's context but not its text must
    // still revalidate it: an ARG's value (a port that becomes invalid), a FROM line, leading blanks.
    const lines = bigDockerfile(300).split('\n');
    // A port declared at the top of a stage, used at its end (~100 lines further: another chunk).
    const stageStart = lines.indexOf('FROM', 10) + 1;
    const stageEnd = lines.findIndex((l, i) => i > stageStart && l.startsWith('FROM'));
    lines.splice(stageEnd, 0, 'EXPOSE ${MYPORT}');
    lines.splice(stageStart, 0, 'ARG MYPORT=80');
    const validator = new ChunkedSyntaxValidator(service);
    let text = lines.join('\n');
    let tree: DockerfileLike = scanDockerfile(text)!;
    let problems = 0;
    const step = (what: string): void => {
      const next = lines.join('\n');
      const scanned = scanDockerfile(next, { text, tree, delta: textDelta(text, next), consume: true });
      tree = scanned ?? DockerfileParser.parse(next);
      // dockerfile-utils' own answers (validateSyntax leaves out the port problems our rules report).
      const got = sorted(validator.validate(next, tree, next.split('\n')));
      assert.deepStrictEqual(got, sorted(service.validate(next, VALIDATOR_SETTINGS) as Diagnostic[]), what);
      problems = got.length;
      text = next;
    };
    step('first');
    const mid = lines.length >> 1;
    lines[mid] = `${lines[mid]} `;
    step('a space typed');
    assert.ok(validator.lastKept >= validator.lastChunks - 2 && validator.lastValidated <= 1, `a keystroke: ${validator.lastKept} of ${validator.lastChunks} chunks kept, ${validator.lastValidated} validated`);
    const before = problems;
    const portArg = lines.indexOf('ARG MYPORT=80');
    lines[portArg] = 'ARG MYPORT=abc';
    step('an ARG value changed (same lines): the port becomes invalid');
    assert.ok(problems > before, `the invalid port is reported where it is used (${before} → ${problems} problems)`);
    const from = lines.findIndex((l, i) => i > mid && l.startsWith('FROM ${BASE} AS s'));
    lines[from] = lines[from].replace('FROM ${BASE}', 'FROM ${VERSION}');
    step('a FROM changed (same lines)');
    lines[from] = `  ${lines[from]}`;
    step('blanks before a FROM');
    lines[portArg] = `# ${lines[portArg]}`;
    step('a declaration commented out');
    lines[mid + 3] = `${lines[mid + 3]}\n# dockerfile-utils: ignore`;
    step('a line added');
    assert.ok(validator.lastKept > 0, 'chunks before the added line kept');
    // The results by text are kept across passes: only what a pass replaced goes, so they stay as many as the chunks.
    const cached = (validator as unknown as { cache: Map<string, unknown> }).cache.size;
    assert.ok(cached <= validator.lastChunks + 2, `${cached} results cached for ${validator.lastChunks} chunks`);
  });

  it('on 3,000 generated and mutated documents (fuzz generator)', () => {
    const corpus = fixtures().map((f) => f.text);
    const r = rng(20240611);
    for (let i = 0; i < 3000; i++) {
      const text = generateDocument(r, corpus);
      assertSame(text, new ChunkedSyntaxValidator(service, tiny), `document #${i}:\n${text.slice(0, 2000)}`);
    }
    // Some generated garbage makes dockerfile-utils overflow its stack; those are checked for isolation only.
    assert.ok(referenceFailures < 300, `${referenceFailures} documents dockerfile-utils itself failed on`);
  });
});
