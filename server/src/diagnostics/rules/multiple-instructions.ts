// A build stage keeps only its last CMD, ENTRYPOINT and HEALTHCHECK: earlier ones are dead code that
// makes the reader believe the container does something it does not.
import type { Rule } from '../rule';
import type { InstructionInfo } from '../model/model';

const SINGLE = ['CMD', 'ENTRYPOINT', 'HEALTHCHECK'];

export const rule: Rule = {
  id: 'multiple-instructions',
  defaultSeverity: 'warning',
  buildkitCheck: 'MultipleInstructionsDisallowed',
  title: {
    en: 'More than one CMD, ENTRYPOINT or HEALTHCHECK in a build stage',
    'zh-cn': '同一构建阶段里有多条 CMD、ENTRYPOINT 或 HEALTHCHECK',
  },
  messages: {
    overridden: {
      en: 'Only the last {keyword} of a build stage takes effect, here the one on line {line}; this one is ignored. To run several commands, combine them in one {keyword} or in a start script.',
      'zh-cn': '一个构建阶段只有最后一条 {keyword} 生效（这里是第 {line} 行那条），这一条会被忽略。想运行多条命令，就把它们合并到一条 {keyword} 里，或写进启动脚本。',
    },
  },
  check(model, report) {
    for (const stage of model.stages) {
      const byKeyword = new Map<string, InstructionInfo[]>();
      for (const info of stage.instructions) {
        if (SINGLE.includes(info.keyword)) { (byKeyword.get(info.keyword) ?? byKeyword.set(info.keyword, []).get(info.keyword)!).push(info); }
      }
      for (const [keyword, list] of byKeyword) {
        const last = list[list.length - 1];
        for (const info of list.slice(0, -1)) {
          report({
            range: info.ins.getRange(),
            message: 'overridden',
            params: { keyword, line: String(last.ins.getRange().start.line + 1) },
            unnecessary: true,
          });
        }
      }
    }
  },
};
