// Both languages, enforced: every vscode.l10n.t('…') literal in the client has a Simplified Chinese
// entry in l10n/bundle.l10n.zh-cn.json with the same {0} placeholders, and every %key% in
// package.json exists in package.nls.json and package.nls.zh-cn.json.
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) { sourceFiles(p, out); } else if (/\.ts$/.test(e.name)) { out.push(p); }
  }
  return out;
}

function unescape(body: string): string {
  return body.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)/g, (_, c: string) => {
    if (c[0] === 'u' && c.length > 1) { return String.fromCodePoint(parseInt(c.replace(/[u{}]/g, ''), 16)); }
    if (c[0] === 'x' && c.length === 3) { return String.fromCharCode(parseInt(c.slice(1), 16)); }
    return ({ n: '\n', t: '\t', r: '\r' } as Record<string, string>)[c] ?? c;
  });
}

/** Every string literal passed first to l10n.t(…), with the file it is in. */
export function l10nLiterals(files: string[]): { text: string; file: string }[] {
  const out: { text: string; file: string }[] = [];
  const re = /\bl10n\.t\(\s*(?:'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\$]|\\.)*)`)/g;
  for (const file of files) {
    const src = fs.readFileSync(file, 'utf8');
    for (const m of src.matchAll(re)) { out.push({ text: unescape(m[1] ?? m[2] ?? m[3]), file: path.relative(ROOT, file) }); }
  }
  return out;
}

const placeholders = (s: string) => [...new Set(s.match(/\{\d+\}/g) ?? [])].sort();

describe('l10n: every string in English and Simplified Chinese', () => {
  const bundle = JSON.parse(fs.readFileSync(path.join(ROOT, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
  const literals = l10nLiterals(sourceFiles(path.join(ROOT, 'client', 'src')));

  it('finds the l10n.t strings of the client', () => {
    assert.ok(literals.length > 50, `only ${literals.length} l10n.t strings found: is the extractor broken?`);
  });

  it('has a zh-cn translation for every vscode.l10n.t string', () => {
    const missing = [...new Set(literals.filter((l) => !(l.text in bundle)).map((l) => `${l.file}: ${JSON.stringify(l.text)}`))];
    assert.deepStrictEqual(missing, [], `add these to l10n/bundle.l10n.zh-cn.json`);
  });

  it('keeps the same placeholders in each translation', () => {
    const wrong = [...new Set(literals.map((l) => l.text))].filter((t) => t in bundle && placeholders(t).join() !== placeholders(bundle[t]).join());
    assert.deepStrictEqual(wrong, []);
  });

  it('translates into Chinese (no entry copied unchanged from English)', () => {
    const untranslated = Object.entries(bundle).filter(([en, zh]) => zh === en && /[A-Za-z]{2,}/.test(en)).map(([en]) => en);
    assert.deepStrictEqual(untranslated, []);
  });

  it('has every %key% of package.json in both nls files', () => {
    const manifest = fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8');
    const keys = [...new Set([...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]))];
    assert.ok(keys.length > 10);
    for (const file of ['package.nls.json', 'package.nls.zh-cn.json']) {
      const nls = JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as Record<string, string>;
      assert.deepStrictEqual(keys.filter((k) => !(k in nls)), [], `missing in ${file}`);
    }
  });

  it('has the same keys in package.nls.json and package.nls.zh-cn.json', () => {
    const en = Object.keys(JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8'))).sort();
    const zh = Object.keys(JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.zh-cn.json'), 'utf8'))).sort();
    assert.deepStrictEqual(zh, en);
  });
});
