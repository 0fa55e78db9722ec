// An empty line after a `\` continues the instruction — or, in older Dockerfiles, silently ended it.
// Docker deprecates it; a blank line inside a heredoc, on the other hand, is content.
import type { Rule } from '../rule';

export const rule: Rule = {
  id: 'empty-continuation-line',
  defaultSeverity: 'warning',
  buildkitCheck: 'NoEmptyContinuation',
  title: {
    en: 'Empty line inside a continued instruction',
    'zh-cn': '续行的指令中间有空行',
  },
  messages: {
    empty: {
      en: 'This empty line is inside a continued instruction (the line above ends with `{escape}`). Docker skips it and carries on, which makes the instruction look finished when it is not; empty continuation lines are deprecated and will become an error. Remove the line.',
      'zh-cn': '这个空行位于一条续行的指令中间（上面一行以 `{escape}` 结尾）。Docker 会跳过它继续读下去，看上去指令已经结束了，其实没有；续行中的空行已被弃用，将来会变成错误。请删掉这一行。',
    },
  },
  fixes: {
    remove: { en: 'Remove the empty line', 'zh-cn': '删除空行' },
  },
  check(model, report) {
    for (const info of model.instructions) {
      const last = model.lastLineOf(info);
      for (let l = model.firstLineOf(info) + 1; l < last; l++) {
        const text = model.lines[l] ?? '';
        if (/\S/.test(text) || model.heredocBodyLines.has(l)) { continue; }
        report({
          range: { start: { line: l, character: 0 }, end: { line: l, character: text.replace(/\r$/, '').length } },
          message: 'empty',
          params: { escape: model.escape },
          fixes: [{ title: 'remove', edits: [{ range: { start: { line: l, character: 0 }, end: { line: l + 1, character: 0 } }, newText: '' }], preferred: true }],
        });
      }
    }
  },
};
