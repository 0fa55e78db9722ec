// Each rule has a page (server/docs/rules/<language>/<id>.md, bundled at build time). A diagnostic's
// codeDescription.href points at it with our own URI scheme; the VS Code client shows it as Markdown
// after fetching it with the `dockerLearning/rulePage` request. Any other client can do the same.
import pages from 'docs:rules';
import type { Language } from '../i18n/language';
import { RULES } from './rules/index';
import { formatText } from './rule';

export const RULE_PAGE_SCHEME = 'docker-learning-rule';
export const RULE_PAGE_REQUEST = 'dockerLearning/rulePage';
/** The page listing every rule. */
export const RULE_INDEX_ID = 'index';

export interface RulePageParams {
  /** `docker-learning-rule:/zh-cn/apt-get-install-yes.md`, as found in codeDescription.href. */
  uri?: string;
  id?: string;
  language?: string;
}

export interface RulePage { id: string; language: Language; markdown: string }

export function rulePageUri(id: string, language: Language): string {
  return `${RULE_PAGE_SCHEME}:/${language}/${id}.md`;
}

/** Page ids that exist (for tests). */
export function rulePageIds(): string[] { return Object.keys(pages).sort(); }
export function rulePageLanguages(id: string): string[] { return Object.keys(pages[id] ?? {}); }

export function rulePageMarkdown(id: string, language: Language): string | undefined {
  if (id === RULE_INDEX_ID) { return ruleIndexMarkdown(language); }
  const entry = pages[id];
  return entry?.[language] ?? entry?.en;
}

/** Answers the custom request; null for an unknown page. */
export function answerRulePage(params: RulePageParams, fallback: Language): RulePage | null {
  let id = params.id;
  let language: string | undefined = params.language;
  if (params.uri) {
    const m = /^[a-z-]+:\/*(?:([a-z-]+)\/)?([a-z0-9-]+)(?:\.md)?(?:[?#].*)?$/i.exec(params.uri);
    if (!m) { return null; }
    language = m[1] ?? language;
    id = m[2];
  }
  const lang: Language = language === 'zh-cn' || language === 'en' ? language : fallback;
  if (!id) { return null; }
  const markdown = rulePageMarkdown(id, lang);
  return markdown === undefined ? null : { id, language: lang, markdown };
}

function ruleIndexMarkdown(language: Language): string {
  const zh = language === 'zh-cn';
  const severity: Record<string, string> = zh
    ? { error: '错误', warning: '警告', information: '提示' }
    : { error: 'error', warning: 'warning', information: 'information' };
  const lines = [
    zh ? '# Docker 学习助手：Dockerfile 检查规则' : '# Docker Learning: Dockerfile rules',
    '',
    zh
      ? '每条规则都可以在设置 `dockerLearning.diagnostics.rules` 中调整级别（`off`、`information`、`warning`、`error`），也可以在指令上一行写 `# docker-learning-ignore <规则>` 单独忽略。对应 BuildKit 检查的规则，也遵守 `# check=skip=…` 指令。'
      : 'Every rule\'s level can be changed in the `dockerLearning.diagnostics.rules` setting (`off`, `information`, `warning`, `error`), or silenced for one instruction with `# docker-learning-ignore <rule>` on the line above. Rules that match a BuildKit check also honour `# check=skip=…`.',
    '',
    zh ? '| 规则 | 检查什么 | 默认级别 | BuildKit 检查 |' : '| Rule | What it checks | Default | BuildKit check |',
    '|---|---|---|---|',
  ];
  for (const rule of RULES) {
    lines.push(`| [${rule.id}](./${rule.id}.md) | ${formatText(rule.title[language], undefined).replace(/\|/g, '\\|')} | ${severity[rule.defaultSeverity]} | ${rule.buildkitCheck ?? ''} |`);
  }
  return `${lines.join('\n')}\n`;
}
