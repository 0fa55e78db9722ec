// Semantic tokens are kept per instruction text and only changed instructions are parsed again
// (features/semanticTokens.ts). Differential check against tokens computed from dockerfile-ast's whole
// tree: on the fixture corpus (LF and CRLF), and along random edits of documents kept like the server's.
import * as assert from 'node:assert';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ParsedDocument, ParsedDocumentCache } from '../../../../server/src/documents/parsedDocument';
import { ChunkedTextDocument } from '../../../../server/src/documents/chunkedTextDocument';
import { computeSemanticTokens, computeSemanticTokensFromTree } from '../../../../server/src/features/semanticTokens';
import { rng } from '../../../fuzz/dockerfileGenerator';
import { dockerfileCorpus } from '../../../support/dockerfileCorpus';
import { alongRandomEdits } from '../../../support/randomEdits';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..', '..');

function fromWholeTree(text: string): number[] {
  return computeSemanticTokensFromTree(new ParsedDocument(TextDocument.create('file:///w/Dockerfile', 'dockerfile', 1, text))).data;
}

describe('semantic tokens are computed per changed instruction', () => {
  it('equal the whole tree\'s on every fixture, with LF and CRLF line ends, also after an edit reusing the rest', () => {
    let reused = 0;
    for (const text of dockerfileCorpus(ROOT, ['test/fixtures', 'test/grammar', 'sample'])) {
      for (const variant of [text, text.replace(/\r?\n/g, '\r\n')]) {
        const document = new ChunkedTextDocument('file:///w/Dockerfile', 'dockerfile', 1, variant);
        const cache = new ParsedDocumentCache();
        assert.deepStrictEqual(computeSemanticTokens(cache.get(document)).data, fromWholeTree(variant), variant.slice(0, 400));
        // A new last line: every other instruction's tokens come from the first answer.
        document.update([{ range: { start: { line: document.lineCount, character: 0 }, end: { line: document.lineCount, character: 0 } }, text: '\nLABEL x="1"' }], 2);
        const doc = cache.get(document);
        assert.deepStrictEqual(computeSemanticTokens(doc).data, fromWholeTree(document.getText()), `after an edit: ${variant.slice(0, 400)}`);
        if (!doc.isParsed) { reused++; }
      }
    }
    assert.ok(reused > 80, `${reused} edited documents answered without the whole tree (heredocs go to dockerfile-ast)`);
  });

  it('equal the whole tree\'s after every random edit, parsing only what changed', () => {
    const corpus = dockerfileCorpus(ROOT, ['test/fixtures']);
    const r = rng(37);
    const pieces = ['RUN --mount=type=cache,target=/x echo $A \\\n  && y', '\n', ' ', '# c\n', 'FROM a:1 AS b\n', 'ENV A=1 B="2 3"', '\\', 'MAINTAINER me\n', '', 'x', '"', '$'];
    let versions = 0;
    alongRandomEdits(r, corpus, pieces, (doc) => { computeSemanticTokens(doc); }, (doc, text, what) => {
      assert.deepStrictEqual(computeSemanticTokens(doc).data, fromWholeTree(text), what);
      if (!doc.isParsed) { versions++; }
    });
    assert.ok(versions > 400, `${versions} versions answered without the whole tree`);
  });
});
