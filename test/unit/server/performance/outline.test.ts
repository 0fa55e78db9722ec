// Symbols and folding ranges come from the fast instruction scan (features/outline.ts), redone only
// around an edit. Differential check against the answers computed from dockerfile-ast's whole tree: on
// the fixture corpus (LF and CRLF), and along random edits of open documents kept like the server keeps them.
import * as assert from 'node:assert';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ParsedDocument } from '../../../../server/src/documents/parsedDocument';
import { computeFoldingRanges, computeSymbols, configureFolding } from '../../../../server/src/features/outline';
import { rng } from '../../../fuzz/dockerfileGenerator';
import { dockerfileCorpus } from '../../../support/dockerfileCorpus';
import { alongRandomEdits } from '../../../support/randomEdits';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..', '..');

function fromWholeTree(text: string): { symbols: unknown; folding: unknown } {
  const doc = new ParsedDocument(TextDocument.create('file:///w/Dockerfile', 'dockerfile', 1, text));
  void doc.dockerfile;
  return { symbols: computeSymbols(doc), folding: computeFoldingRanges(doc) };
}

describe('symbols and folding come from the fast scan', () => {
  before(() => configureFolding({}));

  it('equal the whole tree\'s on every fixture, with LF and CRLF line ends', () => {
    let scanned = 0;
    for (const text of dockerfileCorpus(ROOT, ['test/fixtures', 'test/grammar', 'sample'])) {
      for (const variant of [text, text.replace(/\r?\n/g, '\r\n')]) {
        const doc = new ParsedDocument(TextDocument.create('file:///w/Dockerfile', 'dockerfile', 1, variant));
        const actual = { symbols: computeSymbols(doc), folding: computeFoldingRanges(doc) };
        if (!doc.isParsed) { scanned++; }
        assert.deepStrictEqual(actual, fromWholeTree(variant), variant.slice(0, 400));
      }
    }
    assert.ok(scanned > 80, `${scanned} documents answered from the scan (heredocs go to dockerfile-ast)`);
  });

  it('equal the whole tree\'s after every random edit of an open document (the scan redoes only the edit)', () => {
    const corpus = dockerfileCorpus(ROOT, ['test/fixtures']);
    const r = rng(31);
    const pieces = ['RUN x \\\n  && y', '\n', ' ', '# c\n', 'FROM a AS b\n', 'ENV A=1', '\\', 'MAINTAINER me\n', '', 'x'];
    let incremental = 0;
    alongRandomEdits(r, corpus, pieces, (doc) => { computeSymbols(doc); }, (doc, text, what) => {
      if (doc.previousScanned) { incremental++; }
      const actual = { symbols: computeSymbols(doc), folding: computeFoldingRanges(doc) };
      assert.deepStrictEqual(actual, fromWholeTree(text), what);
    });
    assert.ok(incremental > 400, `${incremental} versions scanned from the previous one`);
  });
});
