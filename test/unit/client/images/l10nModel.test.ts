// The pure image and container modules take a translator (vscode.l10n.t in the extension): their
// t('…') strings need Chinese too. (test/unit/client/l10n.test.ts checks the vscode.l10n.t calls.)
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..', '..');

describe('images and containers: translator strings of the pure modules', () => {
  for (const [view, atLeast] of [['images', 15], ['containers', 8]] as const) {
    it(`has a zh-cn entry with the same placeholders for every t(…) string of ${view}/model`, () => {
      checkModelStrings(path.join(ROOT, 'client', 'src', view, 'model'), atLeast);
    });
  }
});

function checkModelStrings(dir: string, atLeast: number): void {
  const bundle = JSON.parse(fs.readFileSync(path.join(ROOT, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
  const found: string[] = [];
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
    const src = fs.readFileSync(path.join(dir, f), 'utf8');
    for (const m of src.matchAll(/\bt\(\s*'((?:[^'\\\n]|\\.)*)'/g)) { found.push(m[1].replace(/\\(.)/g, '$1')); }
  }
  assert.ok(found.length >= atLeast, `only ${found.length} strings found in ${dir}`);
  const ph = (s: string) => [...new Set(s.match(/\{\d+\}/g) ?? [])].sort().join();
  assert.deepStrictEqual(found.filter((s) => !(s in bundle)), []);
  assert.deepStrictEqual(found.filter((s) => ph(s) !== ph(bundle[s])), []);
}
