// Every rule speaks both languages: messages and fix titles in English and Simplified Chinese with the
// same placeholders, a page per language that explains it, and a link to that page on each diagnostic.
import * as assert from 'node:assert';
import { RULES } from '../../../../server/src/diagnostics/rules/index';
import { answerRulePage, rulePageIds, rulePageLanguages, rulePageMarkdown } from '../../../../server/src/diagnostics/rulePages';
import { LANGUAGES } from '../../../../server/src/i18n/language';
import { diagnose } from './support';

const placeholders = (t: string) => [...t.matchAll(/\{([A-Za-z]+)\}/g)].map((m) => m[1]).sort();
const HAN = /[\u4e00-\u9fff]/;
/** The course's words, so a Chinese reader meets the terms of their lessons. */
const COURSE_TERMS = ['镜像', '容器', '镜像层', '构建阶段', '基础镜像', '环境变量', '构建参数', '构建上下文'];
/** Chinese text with code spans and quoted English error messages taken out. */
const prose = (t: string) => t.replace(/`[^`]*`/g, '').replace(/“[^”]*”/g, '').replace(/"[^"]*"/g, '');

describe('rule texts and pages', () => {
  it('rule ids are unique, kebab-case, and every rule has a title in both languages', () => {
    const ids = RULES.map((r) => r.id);
    assert.strictEqual(new Set(ids).size, ids.length);
    for (const r of RULES) {
      assert.match(r.id, /^[a-z]+(-[a-z]+)*$/);
      assert.ok(r.title.en && HAN.test(r.title['zh-cn']), `${r.id} title`);
    }
  });

  for (const rule of RULES) {
    describe(rule.id, () => {
      it('has every message in English and Chinese with the same placeholders', () => {
        assert.ok(Object.keys(rule.messages).length > 0);
        for (const [key, text] of Object.entries(rule.messages)) {
          assert.ok(text.en.length > 40, `${key}: English says what and why`);
          assert.match(text['zh-cn'], HAN, `${key}: Chinese is written in Chinese`);
          assert.doesNotMatch(prose(text['zh-cn']), /\b(image|container|layer|stage|build arg\w*|environment variable|context)\b/i, `${key}: no untranslated course term`);
          assert.deepStrictEqual(placeholders(text['zh-cn']), placeholders(text.en), `${key}: same placeholders`);
        }
        for (const [key, text] of Object.entries(rule.fixes ?? {})) {
          assert.match(text['zh-cn'], HAN, `fix ${key}`);
          assert.deepStrictEqual(placeholders(text['zh-cn']), placeholders(text.en), `fix ${key}: same placeholders`);
        }
      });

      it('has a page in each language that names it, shows an example and says how to turn it off', () => {
        assert.deepStrictEqual(rulePageLanguages(rule.id).sort(), [...LANGUAGES].sort());
        for (const lang of LANGUAGES) {
          const md = rulePageMarkdown(rule.id, lang) ?? '';
          assert.match(md, /^# /, `${lang}/${rule.id}.md starts with a heading`);
          assert.ok(md.includes(`\`${rule.id}\``), `${lang}/${rule.id}.md names the rule id`);
          assert.match(md, /```dockerfile\n[\s\S]+?```/, `${lang}/${rule.id}.md has a Dockerfile example`);
          assert.ok(md.includes('dockerLearning.diagnostics.rules'), `${lang}/${rule.id}.md explains the setting`);
          if (rule.buildkitCheck) { assert.ok(md.includes(rule.buildkitCheck), `${lang}/${rule.id}.md names the BuildKit check`); }
        }
        assert.match(rulePageMarkdown(rule.id, 'zh-cn') ?? '', HAN);
      });
    });
  }

  it('speaks the course\'s vocabulary across the rules', () => {
    const all = RULES.flatMap((r) => Object.values(r.messages).map((m) => m['zh-cn'])).join('\n');
    for (const term of COURSE_TERMS) { assert.ok(all.includes(term), `no Chinese message uses ${term}`); }
  });

  it('has no page without a rule', () => {
    const ids = new Set(RULES.map((r) => r.id));
    assert.deepStrictEqual(rulePageIds().filter((id) => !ids.has(id)), []);
  });

  it('answers the rulePage request by URI or by id, and lists every rule on the index page', () => {
    assert.strictEqual(answerRulePage({ uri: 'docker-learning-rule:/zh-cn/chain-run.md' }, 'en')?.language, 'zh-cn');
    assert.match(answerRulePage({ uri: 'docker-learning-rule:/zh-cn/chain-run.md' }, 'en')?.markdown ?? '', HAN);
    assert.strictEqual(answerRulePage({ id: 'chain-run' }, 'en')?.language, 'en');
    assert.strictEqual(answerRulePage({ uri: 'docker-learning-rule:/en/no-such-rule.md' }, 'en'), null);
    const index = answerRulePage({ id: 'index', language: 'zh-cn' }, 'en')?.markdown ?? '';
    for (const r of RULES) { assert.ok(index.includes(`](./${r.id}.md)`), `index links ${r.id}`); }
  });

  it('diagnostics are in Chinese when the learner reads Chinese, links included', () => {
    const [d] = diagnose('FROM alpine:3.20\nCMD node server.js\n', { language: 'zh-cn' }).filter((x) => x.code === 'exec-form-recommended');
    assert.match(String(d.message), /PID 1/);
    assert.match(String(d.message), HAN);
    assert.strictEqual(d.codeDescription?.href, 'docker-learning-rule:/zh-cn/exec-form-recommended.md');
  });
});
