// An ARG before the first FROM exists for the FROM lines only. Inside a stage it is empty until the
// stage says `ARG NAME` again — the most common surprise with build arguments.
import type { Rule } from '../rule';
import { casedLike, insert } from '../ruleHelpers';

export const rule: Rule = {
  id: 'global-arg-not-in-stage',
  defaultSeverity: 'warning',
  buildkitCheck: 'UndefinedVar',
  title: {
    en: 'Build argument declared only before FROM, used inside a stage',
    'zh-cn': '只在 FROM 之前声明的构建参数，在构建阶段里被使用',
  },
  messages: {
    redeclare: {
      en: '`{name}` is declared with ARG before the first FROM (line {line}), which makes it available to FROM lines only. Inside this build stage it is empty until you declare it again: add `ARG {name}` (without a value, it takes the value from above) after this stage\'s FROM.',
      'zh-cn': '`{name}` 是在第一条 FROM 之前用 ARG 声明的（第 {line} 行），这样的构建参数只能在 FROM 行里使用。在这个构建阶段里，除非再次声明，它的值是空的：请在本阶段的 FROM 之后加上 `ARG {name}`（不写值，就会沿用上面的值）。',
    },
  },
  fixes: {
    redeclare: { en: 'Add ARG {name} to this stage', 'zh-cn': '在本阶段加上 ARG {name}' },
  },
  check(model, report) {
    for (const ref of model.variableRefs) {
      if (ref.status !== 'global-only' || ref.context === 'from' || !ref.info.stage) { continue; }
      const stage = ref.info.stage;
      const global = model.globalArgs.get(ref.name)!;
      const at = { line: stage.fromInfo.ins.getRange().end.line + 1, character: 0 };
      const keyword = casedLike(stage.fromInfo.ins.getInstruction(), 'ARG');
      report({
        range: ref.range,
        message: 'redeclare',
        params: { name: ref.name, line: String(global.info.ins.getRange().start.line + 1) },
        fixes: [{ title: 'redeclare', params: { name: ref.name }, edits: [insert(at, `${keyword} ${ref.name}\n`)], preferred: true }],
      });
    }
  },
};
