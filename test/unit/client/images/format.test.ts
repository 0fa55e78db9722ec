import * as assert from 'node:assert';
import { humanSize, plainTranslate, relativeAge, shortId } from '../../../../client/src/images/model/format';

describe('images/format', () => {
  it('prints sizes like docker image ls (decimal units, 3 significant digits)', () => {
    assert.strictEqual(humanSize(0), '0B');
    assert.strictEqual(humanSize(3), '3B');
    assert.strictEqual(humanSize(65536), '65.5kB');
    assert.strictEqual(humanSize(1982680), '1.98MB');
    assert.strictEqual(humanSize(142_000_000), '142MB');
    assert.strictEqual(humanSize(999_999), '1MB', 'rounding up to 1000 moves to the next unit');
    assert.strictEqual(humanSize(1_500_000_000), '1.5GB');
    assert.strictEqual(humanSize(-1), '?');
  });

  it('says how old an image is in English and Chinese', () => {
    const now = 1_700_000_000;
    assert.strictEqual(relativeAge(now - 2 * 86400, now, 'en'), '2 days ago');
    assert.strictEqual(relativeAge(now - 2 * 86400, now, 'zh-cn'), '2天前');
    assert.strictEqual(relativeAge(now - 90, now, 'en'), '1 minute ago');
    assert.strictEqual(relativeAge(now - 3 * 3600, now, 'en'), '3 hours ago');
    assert.strictEqual(relativeAge(now - 60 * 86400, now, 'en'), '2 months ago');
    assert.strictEqual(relativeAge(now - 800 * 86400, now, 'en'), '2 years ago');
    assert.strictEqual(relativeAge(now + 100, now, 'en'), '0 seconds ago', 'a clock skew never shows the future');
  });

  it('shortens ids like the CLI and fills placeholders', () => {
    assert.strictEqual(shortId('sha256:2be6b52ab65b311997c90a41b3c8f6d088485155f3053f99258232fb827d5707'), '2be6b52ab65b');
    assert.strictEqual(plainTranslate('{0} of {1}, {2}', 'a', 2), 'a of 2, {2}');
  });
});
