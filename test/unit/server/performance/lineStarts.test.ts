// The scan of an edited version shifts the previous version's line starts instead of reading the whole
// text again (documents/lineStarts.ts): checked against a fresh computation on random texts and edits.
import * as assert from 'node:assert';
import { computeLineStarts, hasLoneCarriageReturn, patchLines, shiftLineStarts } from '../../../../server/src/documents/lineStarts';
import { rng } from '../../../fuzz/dockerfileGenerator';

describe('line starts shifted past an edit', () => {
  it('equal the line starts computed afresh (\\n and \\r\\n texts, inserts, deletes, replacements at any offset)', () => {
    const r = rng(11);
    const pieces = ['', 'a', '\n', '\r\n', 'RUN x \\\n  y\n', '\n\n\n', 'abc\ndef', ' \r\n\r\n '];
    let checked = 0;
    for (let n = 0; n < 3000; n++) {
      const parts: string[] = [];
      for (let k = Math.floor(r() * 12); k > 0; k--) { parts.push(pieces[Math.floor(r() * pieces.length)]); }
      const before = parts.join('');
      const start = Math.floor(r() * (before.length + 1));
      const end = Math.min(before.length, start + Math.floor(r() * 6));
      const text = pieces[Math.floor(r() * pieces.length)];
      const after = before.slice(0, start) + text + before.slice(end);
      // The scan shifts only where neither version has a lone \r (it leaves those to dockerfile-ast).
      if (hasLoneCarriageReturn(before) || hasLoneCarriageReturn(after)) { continue; }
      assert.deepStrictEqual([...shiftLineStarts(computeLineStarts(before), { start, end, text })], [...computeLineStarts(after)],
        `${JSON.stringify(before)} with ${start}..${end} replaced by ${JSON.stringify(text)}`);
      checked++;
    }
    assert.ok(checked > 1500, `${checked} edits checked`);
  });

  it('the lines the worker patches from the last version equal split(\'\\n\') of the new text (any replacement; the old text without a lone \\r)', () => {
    const r = rng(12);
    const pieces = ['', 'a', '\n', '\r\n', 'RUN x \\\n  y\n', '\n\n\n', 'abc\ndef', ' \r\n\r\n ', '\r'];
    let checked = 0;
    for (let n = 0; n < 3000; n++) {
      const parts: string[] = [];
      for (let k = Math.floor(r() * 12); k > 0; k--) { parts.push(pieces[Math.floor(r() * pieces.length)]); }
      const before = parts.join('');
      // The worker patches only after a scan, which declines texts with a lone \r; the new text may hold one.
      if (hasLoneCarriageReturn(before)) { continue; }
      const start = Math.floor(r() * (before.length + 1));
      const end = Math.min(before.length, start + Math.floor(r() * 8));
      const text = pieces[Math.floor(r() * pieces.length)];
      const after = before.slice(0, start) + text + before.slice(end);
      assert.deepStrictEqual(patchLines(before.split('\n'), before, computeLineStarts(before), { start, end, text }), after.split('\n'),
        `${JSON.stringify(before)} with ${start}..${end} replaced by ${JSON.stringify(text)}`);
      // Consuming the old list (the worker): the same lines, in that very list.
      const old = before.split('\n');
      const patched = patchLines(old, before, computeLineStarts(before), { start, end, text }, true);
      assert.deepStrictEqual(patched, after.split('\n'), `consumed: ${JSON.stringify(before)} with ${start}..${end} replaced by ${JSON.stringify(text)}`);
      if (old.length === patched.length) { assert.strictEqual(patched, old, 'patched in place'); }
      checked++;
    }
    assert.ok(checked > 1500, `${checked} edits checked`);
  });

  it('patches in a paste of 300,000 lines (more than a call\'s arguments may hold) and removes it again', () => {
    const before = 'FROM alpine\nRUN a\nRUN b\n';
    const paste = 'RUN x\n'.repeat(300_000);
    const start = before.indexOf('RUN b');
    const after = before.slice(0, start) + paste + before.slice(start);
    const patched = patchLines(before.split('\n'), before, computeLineStarts(before), { start, end: start, text: paste });
    assert.strictEqual(patched.length, after.split('\n').length);
    assert.deepStrictEqual(patched.slice(0, 3), after.split('\n').slice(0, 3));
    assert.deepStrictEqual(patched.slice(-3), after.split('\n').slice(-3));
    const back = patchLines(patched, after, computeLineStarts(after), { start, end: start + paste.length, text: '' });
    assert.deepStrictEqual(back, before.split('\n'));
  });
});
