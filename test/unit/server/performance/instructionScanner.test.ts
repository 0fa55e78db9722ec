// The fast scan the rules read (server/src/documents/instructionScanner.ts) must find exactly the
// instructions, comments and directives dockerfile-ast finds — on the fixture corpus (also with CRLF line
// ends), on large generated files and on thousands of generated and mutated documents. Where it declines
// (a heredoc candidate, a lone \r) the caller parses with dockerfile-ast; the test also counts that it
// declines rarely, so the fast path is what actually runs.
import * as assert from 'node:assert';
import * as path from 'node:path';
import { DockerfileParser } from 'dockerfile-ast';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DockerfileLanguageServiceFactory } from 'dockerfile-language-service';
import { ParsedDocument } from '../../../../server/src/documents/parsedDocument';
import { computeDiagnostics } from '../../../../server/src/diagnostics/computeDiagnostics';
import { ChunkedSyntaxValidator } from '../../../../server/src/incremental/chunkedValidation';
import { scanDockerfile, scannedLineSpans, DockerfileLike } from '../../../../server/src/documents/instructionScanner';
import { dockerfileCorpus } from '../../../support/dockerfileCorpus';
import { generateDocument, rng, Rng } from '../../../fuzz/dockerfileGenerator';
import { textDelta } from '../../../../server/src/documents/textDelta';
import { bigDockerfile } from '../../../support/bigDockerfile';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..', '..');

function shape(d: DockerfileLike): unknown {
  return {
    escape: d.getEscapeCharacter(),
    directives: d.getDirectives().map((x) => [x.getName(), x.getValue(), x.getRange()]),
    instructions: d.getInstructions().map((i) => [i.getRange(), i.getInstructionRange(), i.getInstruction(), i.getKeyword()]),
    comments: d.getComments().map((c) => [c.getRange(), c.getContent()]),
  };
}

/**
 * What the scan answers without building ranges (scannedLineSpans, startLine/startCharacter: read on every
 * keystroke by the chunk pass and the rules model) = the lines and start of each instruction's range.
 * Called before anything builds the ranges, which the scan then keeps.
 */
function positionsAgree(tree: DockerfileLike, what: string): void {
  const spans = scannedLineSpans(tree);
  assert.ok(spans, `${what}: a scan has line spans`);
  const instructions = tree.getInstructions();
  const starts = instructions.map((i) => [i.startLine!(), i.startCharacter!()]);
  assert.deepStrictEqual(
    { first: [...spans.first], last: [...spans.last], starts },
    { first: instructions.map((i) => i.getRange().start.line), last: instructions.map((i) => i.getRange().end.line), starts: instructions.map((i) => [i.getRange().start.line, i.getRange().start.character]) },
    `${what}: line spans and starts without ranges`);
}

/** Compares when the scan answers; returns whether it did. */
function same(text: string, what: string): boolean {
  const scanned = scanDockerfile(text);
  if (!scanned) { return false; }
  positionsAgree(scanned, what);
  assert.deepStrictEqual(shape(scanned), shape(DockerfileParser.parse(text)), what);
  return true;
}

describe('instruction scanner = dockerfile-ast boundaries', function () {
  this.timeout(120_000);

  it('on every fixture, with LF and CRLF line ends', () => {
    const corpus = dockerfileCorpus(ROOT, ['test/fixtures', 'sample', 'test/grammar']);
    assert.ok(corpus.length > 50, `corpus found (${corpus.length})`);
    let answered = 0;
    for (const [i, text] of corpus.entries()) {
      if (same(text, `fixture #${i}`)) { answered++; }
      same(text.replace(/\r?\n/g, '\r\n'), `fixture #${i} (CRLF)`);
    }
    // Heredoc fixtures are left to dockerfile-ast; everything else must take the fast path.
    assert.ok(answered >= corpus.length * 0.8, `scanned ${answered} of ${corpus.length} fixtures`);
  });

  it('on large generated files', () => {
    for (const blocks of [10, 500, 3000]) { assert.ok(same(bigDockerfile(blocks), `${blocks} blocks`), `${blocks} blocks scanned`); }
  });

  it('on escape-character edge cases', () => {
    const cases = [
      'RU\\\nN echo', 'RUN\\ \n echo', 'RUN \\ \n echo', 'RUN a \\\n\n# c\n  b\nCMD x', 'R\\ x', 'RUN a\\', 'RUN a \\  ', '\uFEFFFROM x',
      '\uFEFF# escape=`\nRUN a `\n b', '# escape=`\n# syntax=x\n\nRUN a \\\nCMD b', '#escape=`\r\nRUN a `\r\n b\r\n', 'RUN a \\\\\nb', 'RUN \\#x\nCMD',
      'R\\\n#x\nUN a', '  \t RUN a  \n\t# c  \nCMD [ "a" ]  ', '# only\n# comments', '', '\n\n', 'RUN a \\ # x\n b', 'FROM a\\\n', 'ONBUILD RUN a \\\n b',
      '# directive=1\n   # escape = `\nRUN a `\nb', 'RUN a`\nb', 'R#UN a', 'RUN\t\\\t\n\tx',
    ];
    let answered = 0;
    for (const text of cases) { if (same(text, JSON.stringify(text))) { answered++; } }
    assert.strictEqual(answered, cases.length, 'none of these needs dockerfile-ast');
  });

  it('on 4,000 generated and mutated documents (seeded)', () => {
    const corpus = dockerfileCorpus(ROOT, ['test/fixtures', 'sample']);
    const seed = 20261127;
    const r = rng(seed);
    let answered = 0;
    for (let i = 0; i < 4000; i++) {
      const text = generateDocument(r, corpus);
      if (same(text, `generated #${i} (seed ${seed})`)) { answered++; }
    }
    assert.ok(answered > 1000, `scanned ${answered} of 4000 generated documents`);
  });
});

describe('diagnostics from the fast scan = diagnostics from dockerfile-ast', function () {
  this.timeout(120_000);
  const service = DockerfileLanguageServiceFactory.createLanguageService();
  const diagnose = (text: string, viaAst: boolean): string => {
    const doc = new ParsedDocument(TextDocument.create('file:///w/Dockerfile', 'dockerfile', 1, text));
    if (viaAst) { void doc.dockerfile; } // parsed first: the rules then read dockerfile-ast's tree
    const logs: string[] = [];
    const result = computeDiagnostics(doc, { service, language: 'en', log: (m) => logs.push(m), readFile: () => undefined, incremental: new ChunkedSyntaxValidator(service, { minLines: 0, chunkLines: 8 }) });
    return JSON.stringify(result);
  };

  it('on the fixture corpus and 1,000 generated documents', () => {
    const corpus = dockerfileCorpus(ROOT, ['test/fixtures', 'sample']);
    const r = rng(7);
    const docs = [...corpus, ...Array.from({ length: 1000 }, () => generateDocument(r, corpus))];
    let compared = 0;
    for (const [i, text] of docs.entries()) {
      if (!scanDockerfile(text)) { continue; }
      assert.strictEqual(diagnose(text, false), diagnose(text, true), `document #${i}`);
      compared++;
    }
    assert.ok(compared > 500, `${compared} documents compared`);
  });
});

describe('incremental instruction scan = a full scan of the new text', function () {
  this.timeout(120_000);
  const EDITS: ((l: string) => string)[] = [
    (l) => `${l} `, (l) => `${l}\\`, (l) => `${l} \\`, (l) => l.replace(/\s*\\\s*$/, ''), (l) => `# ${l}`, () => '', (l) => l.replace(/^\s*\S+/, 'RUN'),
    (l) => `  ${l}`, () => '#', () => '   ', (l) => `${l}\n# inserted comment`, (l) => `${l}\nRUN a \\`, () => 'ONBUILD RUN <<EOF', (l) => l.slice(0, Math.floor(l.length / 2)),
  ];

  /** Replaces lines [at, at+count) and returns the new text and the delta. */
  function editText(lines: string[], r: Rng): void {
    const at = Math.floor(r() * lines.length);
    if (r() < 0.75) { lines[at] = EDITS[Math.floor(r() * EDITS.length)](lines[at] ?? ''); } else { lines.splice(at, 1 + Math.floor(r() * 3)); }
  }

  /** With `consume`, each scan takes the previous one apart (ScanBase.consume, as the validation worker does). */
  function check(texts: string[], what: string, consume = false): number {
    let incremental = 0;
    let previousText = texts[0];
    let tree = scanDockerfile(previousText);
    for (let v = 1; v < texts.length; v++) {
      const text = texts[v];
      const base = tree ? { text: previousText, tree, delta: textDelta(previousText, text), consume } : undefined;
      const next = scanDockerfile(text, base);
      const full = scanDockerfile(text);
      assert.strictEqual(next === undefined, full === undefined, `${what}, version ${v}: both decline or both answer`);
      if (next && full) {
        positionsAgree(next, `${what}, version ${v}`);
        assert.deepStrictEqual(shape(next), shape(full), `${what}, version ${v}`);
        if (base) { incremental++; }
      }
      previousText = text; tree = next;
    }
    return incremental;
  }

  for (const consume of [false, true]) {
    const how = consume ? ', consuming the previous scan' : '';
    it(`over edit sequences on the fixtures (LF and CRLF) and on a large file${how}`, () => {
      const r = rng(21);
      let incremental = 0;
      const sources = [...dockerfileCorpus(ROOT, ['test/fixtures', 'sample']), bigDockerfile(120)];
      for (const [i, source] of sources.entries()) {
        for (const eol of ['\n', '\r\n']) {
          const lines = source.split('\n');
          const texts = [lines.join(eol)];
          for (let k = 0; k < 12; k++) { editText(lines, r); texts.push(lines.join(eol)); }
          incremental += check(texts, `source #${i} (${JSON.stringify(eol)})`, consume);
        }
      }
      assert.ok(incremental > 500, `${incremental} versions scanned incrementally`);
    });

    it(`over edit sequences on generated documents${how}`, () => {
      const corpus = dockerfileCorpus(ROOT, ['test/fixtures', 'sample']);
      const r = rng(22);
      for (let i = 0; i < 600; i++) {
        const lines = generateDocument(r, corpus).split('\n');
        const texts = [lines.join('\n')];
        for (let k = 0; k < 4; k++) { editText(lines, r); texts.push(lines.join('\n')); }
        check(texts, `generated #${i}`, consume);
      }
    });
  }

  it('consuming the previous scan makes no new instruction objects and no new list for a keystroke', () => {
    const text = bigDockerfile(200);
    const tree = scanDockerfile(text)!;
    const before = tree.getInstructions();
    const objects = new Set(before);
    const middle = text.indexOf('\n', text.length >> 1);
    const next = scanDockerfile(`${text.slice(0, middle)} ${text.slice(middle)}`, { text, tree, delta: { start: middle, end: middle, text: ' ' }, consume: true })!;
    const after = next.getInstructions();
    assert.strictEqual(after, before, 'the previous list is the new scan\'s');
    const made = after.filter((i) => !objects.has(i)).length;
    assert.ok(made <= 2, `${made} of ${after.length} instructions made anew`);
  });
});
