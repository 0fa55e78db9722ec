// `CMD ['npm', 'start']`: JSON has no single-quoted strings, so Docker falls back to shell form and
// the shell is asked to run a program literally called `['npm',`.
import type { TextEdit } from 'vscode-languageserver-types';
import type { Rule } from '../rule';
import { execText, replace } from '../ruleHelpers';
import { isJsonStringArray, parseJsonArray } from '../model/model';

export const rule: Rule = {
  id: 'json-single-quotes',
  defaultSeverity: 'warning',
  title: {
    en: 'Exec form (JSON array) written with single quotes',
    'zh-cn': 'exec 形式（JSON 数组）用了单引号',
  },
  messages: {
    single: {
      en: "JSON strings need double quotes. With single quotes Docker does not see a JSON array: it runs the text through `/bin/sh -c` instead, and the shell looks for a program named like `['…',`, so the container fails to start.",
      'zh-cn': 'JSON 字符串必须用双引号。用了单引号，Docker 就认不出这是 JSON 数组，转而用 `/bin/sh -c` 执行这段文字，shell 会去找名叫 `[\'…\',` 的程序，容器因此无法启动。',
    },
  },
  fixes: {
    doubleQuotes: { en: 'Use double quotes', 'zh-cn': '改用双引号' },
  },
  check(model, report) {
    for (const info of model.bracketed) {
      const exec = execText(model, info);
      if (!exec) { continue; }
      const region = exec.text.text.slice(exec.start);
      const trimmed = region.trim();
      if (!trimmed.startsWith('[') || !trimmed.endsWith(']') || !trimmed.includes("'")) { continue; }
      if (parseJsonArray(trimmed) !== undefined) { continue; }
      const converted = region.replace(/'/g, '"');
      if (!isJsonStringArray(converted)) { continue; }
      const edits: TextEdit[] = [];
      for (const m of region.matchAll(/'/g)) {
        const at = exec.start + (m.index ?? 0);
        edits.push(replace(exec.text.rangeOf(at, at + 1), '"'));
      }
      const lead = region.length - region.trimStart().length;
      report({
        range: exec.text.rangeOf(exec.start + lead, exec.start + lead + trimmed.length),
        message: 'single',
        fixes: [{ title: 'doubleQuotes', edits, preferred: true }],
      });
    }
  },
};
