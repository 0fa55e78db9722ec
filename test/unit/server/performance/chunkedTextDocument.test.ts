// The server's open documents (documents/chunkedTextDocument.ts) must behave exactly like
// vscode-languageserver-textdocument's: every random edit below is applied to both, and text, ranges,
// positions and line counts are compared. Small chunks make edits cross chunk boundaries all the time.
import * as assert from 'node:assert';
import { TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { ChunkedTextDocument } from '../../../../server/src/documents/chunkedTextDocument';
import { applyDelta, composeAll, textDelta } from '../../../../server/src/documents/textDelta';
import { ParsedDocument } from '../../../../server/src/documents/parsedDocument';
import { rng } from '../../../fuzz/dockerfileGenerator';

const PIECES = ['a', 'RUN x', ' ', '\n', '\r\n', '\r', '\\\n', 'ENV A=1\n', '', 'xyz\r\nFROM b\n', 'é', '\t'];

function randomText(r: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) { s += PIECES[Math.floor(r() * PIECES.length)]; }
  return s;
}

function randomPosition(r: () => number, doc: TextDocument): { line: number; character: number } {
  // Sometimes outside the document or past a line's end: both must clamp alike.
  const line = Math.floor(r() * (doc.lineCount + 2)) - (r() < 0.05 ? 2 : 0);
  return { line, character: Math.floor(r() * 12) - (r() < 0.05 ? 3 : 0) };
}

/** Edits name lines of the document (the library's line table breaks on lines past the end; see below). */
function randomEditPosition(r: () => number, doc: TextDocument): { line: number; character: number } {
  return { line: Math.floor(r() * doc.lineCount), character: Math.floor(r() * 12) };
}

function randomChange(r: () => number, doc: TextDocument): TextDocumentContentChangeEvent {
  if (r() < 0.03) { return { text: randomText(r, Math.floor(r() * 30)) }; }
  const a = randomEditPosition(r, doc);
  const b = r() < 0.5 ? a : randomEditPosition(r, doc);
  return { range: { start: a, end: b }, text: randomText(r, Math.floor(r() * 4)) };
}

function assertSame(ours: ChunkedTextDocument, theirs: TextDocument, r: () => number, what: string): void {
  assert.strictEqual(ours.getText(), theirs.getText(), `text ${what}`);
  assert.strictEqual(ours.lineCount, theirs.lineCount, `line count ${what}`);
  assert.strictEqual(ours.version, theirs.version);
  for (let k = 0; k < 6; k++) {
    const p = randomPosition(r, theirs);
    const q = randomPosition(r, theirs);
    assert.strictEqual(ours.offsetAt(p), theirs.offsetAt(p), `offsetAt ${JSON.stringify(p)} ${what}`);
    const o = Math.floor(r() * (theirs.getText().length + 4)) - 2;
    assert.deepStrictEqual(ours.positionAt(o), theirs.positionAt(o), `positionAt ${o} ${what}`);
    assert.strictEqual(ours.getText({ start: p, end: q }), theirs.getText({ start: p, end: q }), `getText(range) ${JSON.stringify([p, q])} ${what}`);
    assert.deepStrictEqual(ours.getLineRange(p.line), theirs.getLineRange(p.line), `getLineRange ${p.line} ${what}`);
    assert.strictEqual(ours.getEOLCharacters(p.line), theirs.getEOLCharacters(p.line), `getEOLCharacters ${p.line} ${what}`);
  }
}

describe('the server keeps open documents in chunks, like vscode-languageserver-textdocument', () => {
  it('gives the same text, positions, ranges and line counts after every random edit', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const r = rng(seed);
      const initial = randomText(r, Math.floor(r() * 200));
      const ours = new ChunkedTextDocument('file:///w/Dockerfile', 'dockerfile', 1, initial, 16);
      const theirs = TextDocument.create('file:///w/Dockerfile', 'dockerfile', 1, initial);
      for (let v = 2; v < 120; v++) {
        // Sometimes several changes at once (multi-cursor), each on the text the previous one left.
        const changes: TextDocumentContentChangeEvent[] = [];
        const count = r() < 0.15 ? 3 : 1;
        for (let c = 0; c < count; c++) {
          const change = randomChange(r, theirs);
          changes.push(change);
          TextDocument.update(theirs, [change], v);
        }
        ours.update(changes, v);
        // Half the time nobody reads the whole text before the next edit (the chunks are not joined).
        if (r() < 0.5) { assertSame(ours, theirs, r, `seed ${seed}, version ${v}`); }
      }
      assertSame(ours, theirs, r, `seed ${seed}, end`);
    }
  });

  it('takes an edit that names lines past the end as an edit at the end, and keeps a sound line table', () => {
    const ours = new ChunkedTextDocument('file:///w/Dockerfile', 'dockerfile', 1, 'FROM a\nRUN b', 4);
    const theirs = TextDocument.create('file:///w/Dockerfile', 'dockerfile', 1, 'FROM a\nRUN b');
    const change = { range: { start: { line: 5, character: 1 }, end: { line: 7, character: 0 } }, text: '\nRUN c' };
    ours.update([change], 2);
    TextDocument.update(theirs, [change], 2);
    assert.strictEqual(ours.getText(), theirs.getText(), 'same text');
    const fresh = TextDocument.create('file:///w/Dockerfile', 'dockerfile', 2, theirs.getText());
    assert.strictEqual(ours.lineCount, fresh.lineCount);
    for (let line = 0; line < 4; line++) { assert.deepStrictEqual(ours.getLineRange(line), fresh.getLineRange(line), `line ${line}`); }
  });

  it('keeps each version readable after later edits, and the changes between any two kept versions', () => {
    const r = rng(7);
    const doc = new ChunkedTextDocument('file:///w/Dockerfile', 'dockerfile', 1, randomText(r, 300), 32);
    const mirror = TextDocument.create('file:///w/Dockerfile', 'dockerfile', 1, doc.getText());
    const versions = new Map<number, { text: string; snapshot: ReturnType<ChunkedTextDocument['snapshot']> }>([[1, { text: doc.getText(), snapshot: doc.snapshot() }]]);
    for (let v = 2; v <= 60; v++) {
      const change = randomChange(r, mirror);
      TextDocument.update(mirror, [change], v);
      doc.update([change], v);
      versions.set(v, { text: mirror.getText(), snapshot: doc.snapshot() });
    }
    for (const [v, { text, snapshot }] of versions) {
      assert.strictEqual(snapshot.text(), text, `version ${v} read after the document moved on`);
      assert.strictEqual(snapshot.length, text.length);
    }
    for (const [from, to] of [[1, 60], [5, 6], [10, 40], [60, 60]]) {
      const deltas = doc.deltasBetween(from, to);
      assert.ok(deltas, `changes ${from} → ${to} are kept`);
      const base = versions.get(from)!.text;
      assert.strictEqual(deltas.reduce(applyDelta, base), versions.get(to)!.text, `applying ${from} → ${to}`);
      assert.strictEqual(applyDelta(base, composeAll(base, deltas)), versions.get(to)!.text, `composed ${from} → ${to}`);
    }
    assert.strictEqual(doc.deltasBetween(0, 60), undefined, 'an unknown version has no history');
  });

  it('composes any sequence of deltas into one that gives the same text', () => {
    const r = rng(11);
    for (let n = 0; n < 300; n++) {
      const base = randomText(r, 1 + Math.floor(r() * 40));
      let text = base;
      const deltas = [];
      for (let k = 0, m = 1 + Math.floor(r() * 6); k < m; k++) {
        const a = Math.floor(r() * (text.length + 1));
        const b = Math.min(text.length, a + Math.floor(r() * 5));
        const d = { start: a, end: b, text: randomText(r, Math.floor(r() * 3)) };
        deltas.push(d);
        text = applyDelta(text, d);
      }
      const composed = composeAll(base, deltas);
      assert.strictEqual(applyDelta(base, composed), text, JSON.stringify({ base, deltas }));
      // Extending an earlier composition by the rest gives the same.
      const half = Math.floor(deltas.length / 2);
      if (half > 0) { assert.strictEqual(applyDelta(base, composeAll(base, deltas.slice(half), composeAll(base, deltas.slice(0, half)))), text); }
    }
    assert.deepStrictEqual(composeAll('abc', []), textDelta('abc', 'abc'), 'no change is the empty delta at the end, as textDelta says');
  });

  it('tells a parse how far an earlier parsed version is without joining the new text', () => {
    const doc = new ChunkedTextDocument('file:///w/Dockerfile', 'dockerfile', 1, 'FROM alpine\nRUN echo one\nRUN echo two\n'.repeat(2000), 64);
    const base = new ParsedDocument(doc);
    void base.text;
    let previous = base;
    for (let v = 2; v <= 30; v++) {
      doc.update([{ range: { start: { line: 1000, character: 3 }, end: { line: 1000, character: 3 } }, text: 'x' }], v);
      const current = new ParsedDocument(doc);
      current.sinceBase = previous.sinceBase;
      const delta = current.deltaFrom(base);
      assert.deepStrictEqual({ start: delta.start, end: delta.end }, { start: base.lineStarts[1000] + 3, end: base.lineStarts[1000] + 3 });
      assert.strictEqual(delta.text, 'x'.repeat(v - 1));
      previous = current;
    }
    // Nothing read the whole text of the newest versions: the snapshot still holds chunks only.
    assert.strictEqual((previous as unknown as { textValue?: string }).textValue, undefined, 'the newest version was never joined');
  });
});
