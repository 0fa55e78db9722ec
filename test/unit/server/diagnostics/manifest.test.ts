// The settings UI knows every rule: package.json lists each rule id under dockerLearning.diagnostics.rules,
// with its description in both nls files; the client's rule-page strings have their Chinese.
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../../../server/src/diagnostics/rules/index';
import { RULE_SETTINGS } from '../../../../server/src/diagnostics/rule';
import { ROOT } from './support';

const json = (f: string) => JSON.parse(fs.readFileSync(path.join(ROOT, f), 'utf8')) as Record<string, unknown>;

describe('manifest entries for the rules', () => {
  const pkg = json('package.json') as { contributes: { configuration: { properties: Record<string, { properties?: Record<string, { enum: string[]; markdownDescription: string }>; additionalProperties?: boolean }> } | { properties: Record<string, never> }[]; commands: { command: string; title: string }[] } };
  const conf = pkg.contributes.configuration;
  const props = (Array.isArray(conf) ? conf[0].properties : conf.properties) as Record<string, { properties?: Record<string, { enum: string[]; markdownDescription: string }>; additionalProperties?: boolean; markdownDescription?: string }>;
  const setting = props['dockerLearning.diagnostics.rules'];
  const nlsEn = json('package.nls.json') as Record<string, string>;
  const nlsZh = json('package.nls.zh-cn.json') as Record<string, string>;

  it('declares dockerLearning.diagnostics.rules with exactly the rules the server has', () => {
    assert.ok(setting, 'the setting exists');
    assert.deepStrictEqual(Object.keys(setting.properties ?? {}).sort(), RULES.map((r) => r.id).sort());
    assert.strictEqual(setting.additionalProperties, false, 'a misspelt rule id is flagged in settings.json');
    for (const [id, p] of Object.entries(setting.properties ?? {})) {
      assert.deepStrictEqual([...p.enum].sort(), [...RULE_SETTINGS].sort(), id);
    }
  });

  it('describes the setting and every rule in English and Chinese', () => {
    const keys = [setting.markdownDescription!, ...Object.values(setting.properties ?? {}).map((p) => p.markdownDescription)].map((k) => k.replace(/^%|%$/g, ''));
    for (const key of keys) {
      assert.ok(nlsEn[key], `package.nls.json: ${key}`);
      assert.match(nlsZh[key] ?? '', /[\u4e00-\u9fff]/, `package.nls.zh-cn.json: ${key}`);
    }
  });

  it('contributes the Show Dockerfile Rules command, titled in both languages', () => {
    const cmd = pkg.contributes.commands.find((c) => c.command === 'dockerLearning.showRules');
    assert.ok(cmd);
    const key = cmd.title.replace(/^%|%$/g, '');
    assert.ok(nlsEn[key] && /[\u4e00-\u9fff]/.test(nlsZh[key] ?? ''));
  });

  it('has Chinese for every vscode.l10n.t string of the rule pages client', () => {
    const source = fs.readFileSync(path.join(ROOT, 'client', 'src', 'rulePages.ts'), 'utf8');
    const bundle = json('l10n/bundle.l10n.zh-cn.json') as Record<string, string>;
    const strings = [...source.matchAll(/l10n\.t\('((?:[^'\\]|\\.)*)'/g)].map((m) => m[1]);
    assert.ok(strings.length >= 2);
    for (const s of strings) { assert.ok(bundle[s], `l10n/bundle.l10n.zh-cn.json: ${s}`); }
  });
});
