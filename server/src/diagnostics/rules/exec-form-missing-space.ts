// `ENTRYPOINT["/src/hello"]`: Docker splits the instruction word from its arguments at the first
// blank, so without one it reads a single unknown word. Explain that, not "unknown instruction".
import { ValidationCode } from 'dockerfile-utils';
import type { Rule } from '../rule';
import { gluedBracket, insert } from '../ruleHelpers';

export const rule: Rule = {
  id: 'exec-form-missing-space',
  defaultSeverity: 'error',
  suppressesSyntax: [ValidationCode.UNKNOWN_INSTRUCTION],
  title: {
    en: 'A space is missing between the instruction and `[`',
    'zh-cn': '指令和 `[` 之间缺少空格',
  },
  messages: {
    glued: {
      en: 'Put a space between `{keyword}` and `[`. Docker splits an instruction from its arguments at the first blank, so it reads `{written}` as one word and stops the build with "unknown instruction".',
      'zh-cn': '`{keyword}` 和 `[` 之间要有空格。Docker 以第一个空白把指令和参数分开，所以会把 `{written}` 当成一个词，并以“unknown instruction（未知指令）”终止构建。',
    },
  },
  fixes: {
    space: { en: 'Insert a space after {keyword}', 'zh-cn': '在 {keyword} 后插入空格' },
  },
  check(model, report) {
    // A glued bracket is in the instruction word, so the instruction is among the bracketed ones.
    for (const info of model.bracketed) {
      const glued = gluedBracket(info);
      if (!glued) { continue; }
      const range = info.ins.getInstructionRange();
      const at = { line: range.start.line, character: range.start.character + glued.keyword.length };
      report({
        range,
        message: 'glued',
        params: { keyword: glued.keyword, written: glued.written },
        fixes: [{ title: 'space', params: { keyword: glued.keyword }, edits: [insert(at, ' ')], preferred: true }],
      });
    }
  },
};
