// Hover's index reads the fast scan and parses with dockerfile-ast only the instructions a hover looks at
// (hover/documentIndex.ts). Differential check against hovers answered from dockerfile-ast's whole tree:
// every line of the fixture corpus (LF and CRLF) and of generated documents at several columns, and along
// random edits of documents kept like the server's (each version's scan redoing only the edit).
import * as assert from 'node:assert';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ParsedDocument } from '../../../../server/src/documents/parsedDocument';
import { computeHover } from '../../../../server/src/hover/computeHover';
import { documentIndex } from '../../../../server/src/hover/documentIndex';
import { indexEveryDocumentThroughTheScan } from '../../../support/hoverIndex';
import { generateDocument, rng } from '../../../fuzz/dockerfileGenerator';
import { dockerfileCorpus } from '../../../support/dockerfileCorpus';
import { alongRandomEdits } from '../../../support/randomEdits';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..', '..');
const COLUMNS = [0, 1, 3, 5, 7, 10, 14, 19, 25, 32, 45];

function wholeTree(text: string): ParsedDocument {
  const doc = new ParsedDocument(TextDocument.create('file:///w/Dockerfile', 'dockerfile', 1, text));
  void doc.dockerfile;
  return doc;
}

/** Every hover of `doc` equals the one from the whole tree of `text`; returns how many were not null. */
function sameHovers(doc: ParsedDocument, text: string, what: string, lines?: number[]): number {
  const reference = wholeTree(text);
  let answered = 0;
  for (const line of lines ?? [...Array(reference.lineCount).keys()]) {
    const chars = [...COLUMNS, reference.lineText(line).length - 1];
    for (const language of ['en', 'zh-cn'] as const) {
      for (const character of chars) {
        const expected = computeHover(reference, { line, character }, language);
        assert.deepStrictEqual(computeHover(doc, { line, character }, language), expected, `${what}, ${line}:${character} ${language}`);
        if (expected) { answered++; }
      }
    }
  }
  return answered;
}

describe('hover reads the fast scan and parses only the instructions it looks at', () => {
  indexEveryDocumentThroughTheScan();

  it('answers exactly as from the whole tree on every fixture (LF and CRLF), without parsing the whole file', function () {
    this.timeout(120_000);
    let answered = 0; let scanned = 0;
    for (const text of dockerfileCorpus(ROOT, ['test/fixtures', 'test/grammar', 'sample'])) {
      for (const variant of [text, text.replace(/\r?\n/g, '\r\n')]) {
        const doc = new ParsedDocument(TextDocument.create('file:///w/Dockerfile', 'dockerfile', 1, variant));
        answered += sameHovers(doc, variant, variant.slice(0, 300));
        if (!doc.isParsed) { scanned++; }
      }
    }
    assert.ok(answered > 5000, `${answered} hovers compared`);
    assert.ok(scanned > 100, `${scanned} documents answered without the whole tree (heredocs go to dockerfile-ast)`);
  });

  it('answers exactly as from the whole tree on generated documents', function () {
    this.timeout(120_000);
    const corpus = dockerfileCorpus(ROOT, ['test/fixtures']);
    const r = rng(71);
    let answered = 0;
    for (let n = 0; n < 60; n++) {
      const text = generateDocument(r, corpus);
      answered += sameHovers(new ParsedDocument(TextDocument.create('file:///w/Dockerfile', 'dockerfile', 1, text)), text, `document ${n}: ${text.slice(0, 300)}`);
    }
    assert.ok(answered > 1000, `${answered} hovers compared`);
  });

  it('keeps only the last few instructions parsed on their own (each holds a line table as long as the file up to it)', () => {
    const lines = ['FROM alpine:3.20', 'ENV A=1'];
    for (let i = 0; i < 400; i++) { lines.push(`RUN echo ${i} $A`, `COPY f${i} /f${i}`); }
    const text = lines.join('\n');
    const doc = new ParsedDocument(TextDocument.create('file:///w/Dockerfile', 'dockerfile', 1, text));
    const reference = wholeTree(text);
    const index = documentIndex(doc);
    for (let line = 2; line < lines.length; line += 3) {
      assert.deepStrictEqual(computeHover(doc, { line, character: 1 }, 'en'), computeHover(reference, { line, character: 1 }, 'en'), `line ${line}`);
    }
    assert.ok(index.ast.size <= 32, `${index.ast.size} kept`);
    // Asked again, an instruction no longer kept is parsed again, with the same answer.
    assert.deepStrictEqual(computeHover(doc, { line: 2, character: 1 }, 'en'), computeHover(reference, { line: 2, character: 1 }, 'en'));
    assert.strictEqual(doc.isParsed, false, 'nothing parsed the whole file');
  });

  it('answers exactly as from the whole tree after every random edit, each version scanning only the edit', function () {
    this.timeout(120_000);
    const corpus = dockerfileCorpus(ROOT, ['test/fixtures']);
    const r = rng(43);
    const pieces = ['RUN --mount=type=cache,target=/x,from=b echo $A \\\n  && y', '\n', ' ', '# c\n', 'FROM a:1 AS b\n', 'ENV A=1 B="2 ${A}"', 'ARG A=3\n', 'CMD ["x"]\n', 'COPY --from=b /a /b\n', '\\', '', 'x', '"', '$', '${A:-z}'];
    let versions = 0;
    alongRandomEdits(r, corpus, pieces, (doc) => { documentIndex(doc); }, (doc, text, what) => {
      // The lines around the edit and a few elsewhere (the big documents have thousands of lines).
      const lines = text.split('\n').length;
      const sample = [...new Set([0, 1, 2, lines - 1, ...Array.from({ length: 12 }, () => Math.floor(r() * lines))])].filter((l) => l < lines);
      sameHovers(doc, text, what, sample);
      if (!doc.isParsed) { versions++; }
    });
    assert.ok(versions > 400, `${versions} versions answered without the whole tree`);
  });
});
