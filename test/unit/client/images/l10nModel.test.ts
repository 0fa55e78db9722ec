// The pure image modules take a translator (vscode.l10n.t in the extension): their t('…') strings
// need Chinese too. (test/unit/client/l10n.test.ts checks the vscode.l10n.t calls.)
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..', '..');

describe('images: translator strings of the pure modules', () => {
  it('has a zh-cn entry with the same placeholders for every t(…) string', () => {
    const bundle = JSON.parse(fs.readFileSync(path.join(ROOT, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
    const dir = path.join(ROOT, 'client', 'src', 'images', 'model');
    const found: string[] = [];
    for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
      const src = fs.readFileSync(path.join(dir, f), 'utf8');
      for (const m of src.matchAll(/\bt\(\s*'((?:[^'\\\n]|\\.)*)'/g)) { found.push(m[1].replace(/\\(.)/g, '$1')); }
    }
    assert.ok(found.length >= 15, `only ${found.length} strings found`);
    const ph = (s: string) => [...new Set(s.match(/\{\d+\}/g) ?? [])].sort().join();
    assert.deepStrictEqual(found.filter((s) => !(s in bundle)), []);
    assert.deepStrictEqual(found.filter((s) => ph(s) !== ph(bundle[s])), []);
  });
});
