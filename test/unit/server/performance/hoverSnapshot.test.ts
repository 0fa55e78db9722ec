// A hover on a version not indexed yet may answer from the previous version's index (hover/hoverSnapshot.ts).
// Differential check: whenever the previous index is used, the answer must be exactly what a fresh index
// of the new text gives, on the fixture corpus with many kinds of one-line edits at every hover line.
import * as assert from 'node:assert';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ParsedDocument, ParsedDocumentCache } from '../../../../server/src/documents/parsedDocument';
import { computeHover } from '../../../../server/src/hover/computeHover';
import { hoverSnapshot } from '../../../../server/src/hover/hoverSnapshot';
import { documentIndex, INDEX_KEY } from '../../../../server/src/hover/documentIndex';
import { indexEveryDocumentThroughTheScan } from '../../../support/hoverIndex';
import { rng } from '../../../fuzz/dockerfileGenerator';
import { dockerfileCorpus } from '../../../support/dockerfileCorpus';
import { collectGarbage } from '../../../support/gc';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..', '..');

function corpus(): string[] {
  return dockerfileCorpus(ROOT, ['test/fixtures', 'test/grammar']);
}

const EDITS: ((line: string) => string)[] = [
  (l) => `${l} `, (l) => `${l}x`, (l) => l.replace(/\S+$/, 'changed'), (l) => l.replace(/\s*\\\s*$/, ''), (l) => `${l} \\`,
  (l) => l.replace(/^\s*\S+/, 'ENV'), (l) => l.replace(/^\s*\S+/, 'FROM'), (l) => `${l} --from=build`, (l) => `${l} <<EOF`,
  (l) => `# ${l}`, () => '', (l) => l.replace(/\$\{?\w+\}?/, '$OTHER'), (l) => l.replace(/\S/, ''),
];

function hoverValue(doc: ParsedDocument, line: number, character: number): string {
  return JSON.stringify(computeHover(doc, { line, character }, 'en'));
}

describe('hover answers from the previous index only when the edit cannot change it', () => {
  indexEveryDocumentThroughTheScan();

  it('gives exactly the fresh index\'s answer whenever it reuses the previous one (fixtures × one-line edits)', function () {
    this.timeout(120_000);
    const r = rng(5);
    let reused = 0; let checked = 0;
    for (const text of corpus()) {
      const lines = text.split('\n');
      if (lines.length > 200) { continue; }
      for (let k = 0; k < 6; k++) {
        const edited = [...lines];
        const at = Math.floor(r() * lines.length);
        edited[at] = EDITS[Math.floor(r() * EDITS.length)](lines[at]);
        const document = TextDocument.create('file:///w/Dockerfile', 'dockerfile', 1, text);
        const cache = new ParsedDocumentCache();
        void documentIndex(cache.get(document));
        TextDocument.update(document, [{ text: edited.join('\n') }], 2);
        const current = cache.get(document);
        const fresh = new ParsedDocument(TextDocument.create('file:///w/Dockerfile', 'dockerfile', 2, edited.join('\n')));
        for (let line = 0; line < lines.length; line++) {
          const used = hoverSnapshot(current, cache.lastDerived(document, INDEX_KEY), line);
          if (used === current) { continue; }
          reused++;
          for (const character of [0, 1, 4, 8, 14, 22]) {
            checked++;
            assert.strictEqual(hoverValue(used, line, character), hoverValue(fresh, line, character),
              `line ${line}:${character} after editing line ${at} to ${JSON.stringify(edited[at])}:\n${text.slice(0, 1500)}`);
          }
        }
      }
    }
    assert.ok(reused > 50 && checked > 300, `the previous index was used (${reused} hovers, ${checked} positions checked)`);
  });

  it('reuses it for a hover away from an edit inside a RUN, and not on the edited instruction or after an ENV edit', () => {
    const text = ['FROM alpine:3.20', 'ENV A=1', 'RUN echo one \\', '    && echo two', 'COPY a /a', 'CMD ["sh"]', ''].join('\n');
    const document = TextDocument.create('file:///w/Dockerfile', 'dockerfile', 1, text);
    const cache = new ParsedDocumentCache();
    const base = cache.get(document);
    void documentIndex(base);
    TextDocument.update(document, [{ text: text.replace('echo two', 'echo three') }], 2);
    const v2 = cache.get(document);
    assert.strictEqual(hoverSnapshot(v2, cache.lastDerived(document, INDEX_KEY), 4), base, 'COPY, below the edited RUN');
    assert.strictEqual(hoverSnapshot(v2, cache.lastDerived(document, INDEX_KEY), 2), v2, 'the edited RUN itself');
    assert.strictEqual(cache.parses, 0, 'nothing parsed the whole file');
    TextDocument.update(document, [{ text: text.replace('A=1', 'A=2') }], 3);
    const v3 = cache.get(document);
    assert.strictEqual(hoverSnapshot(v3, cache.lastDerived(document, INDEX_KEY), 4), v3, 'an ENV edit changes variable hovers');
  });

  it('keeps no older indexed version alive: each hover that needs a new index leaves only the newest', async () => {
    // Each version that was asked its distance to the newest indexed one kept that one, which kept the one
    // before it…: every indexed version and its text stayed reachable (with whole trees: 6.6 MB more per
    // version at 25k lines).
    const lines = ['FROM alpine:3.20', 'ENV A=1'];
    for (let i = 0; i < 40; i++) { lines.push(`RUN echo ${i} \\`, `    && echo done ${i}`, `COPY f${i} /f${i}`); }
    const document = TextDocument.create('file:///w/Dockerfile', 'dockerfile', 1, lines.join('\n'));
    const cache = new ParsedDocumentCache();
    void documentIndex(cache.get(document));
    const first = new WeakRef(cache.lastDerived(document, INDEX_KEY)!);
    for (let v = 2; v < 12; v++) {
      // An edit inside one RUN; a hover elsewhere answers from the newest index (and asks the distance to
      // it), a hover on the edited RUN indexes this version.
      const at = 3 + 3 * v;
      lines[at] = `${lines[at]} x`;
      TextDocument.update(document, [{ text: lines.join('\n') }], v);
      const current = cache.get(document);
      assert.strictEqual(hoverSnapshot(current, cache.lastDerived(document, INDEX_KEY), at + 10), cache.lastDerived(document, INDEX_KEY), `version ${v}: a hover away from the edit`);
      void documentIndex(hoverSnapshot(current, cache.lastDerived(document, INDEX_KEY), at));
    }
    assert.strictEqual(cache.lastDerived(document, INDEX_KEY), cache.get(document), 'the newest version is the indexed one');
    assert.strictEqual(cache.parses, 0, 'nothing parsed the whole file');
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
    assert.strictEqual(first.deref(), undefined, 'the first indexed version is still reachable from the newest');
  });
});
