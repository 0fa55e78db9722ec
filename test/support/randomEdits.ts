// Open documents kept as the server keeps them (chunks, one ParsedDocument per version from the cache),
// edited at random: the harness of the differential tests of features that reuse the previous version.
import { ParsedDocument, ParsedDocumentCache } from '../../server/src/documents/parsedDocument';
import { ChunkedTextDocument } from '../../server/src/documents/chunkedTextDocument';
import { generateDocument, Rng } from '../fuzz/dockerfileGenerator';
import { bigDockerfile } from './bigDockerfile';

/**
 * 25 documents (every fifth a generated large one, the others random from `corpus`), 28 edits each (a
 * random range replaced by one of `pieces`). `opened` sees each document's first version, `edited` every
 * later one, with the document's text after the edit.
 */
export function alongRandomEdits(r: Rng, corpus: readonly string[], pieces: readonly string[],
  opened: (doc: ParsedDocument) => void, edited: (doc: ParsedDocument, text: string, what: string) => void): void {
  for (let n = 0; n < 25; n++) {
    const base = n % 5 === 0 ? bigDockerfile(40) : generateDocument(r, corpus);
    const document = new ChunkedTextDocument('file:///w/Dockerfile', 'dockerfile', 1, base, 64);
    const cache = new ParsedDocumentCache();
    opened(cache.get(document));
    for (let v = 2; v < 30; v++) {
      const line = Math.floor(r() * document.lineCount);
      const start = { line, character: Math.floor(r() * 10) };
      const end = r() < 0.6 ? start : { line: Math.min(document.lineCount - 1, line + Math.floor(r() * 3)), character: Math.floor(r() * 10) };
      document.update([{ range: { start, end }, text: pieces[Math.floor(r() * pieces.length)] }], v);
      edited(cache.get(document), document.getText(), `document ${n}, version ${v}`);
    }
  }
}
