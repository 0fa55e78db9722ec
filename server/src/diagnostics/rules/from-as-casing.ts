// `FROM node:20 as build`: Docker does not mind, but the file is easier to scan when AS is written
// like the instruction it belongs to.
import type { Rule } from '../rule';
import { casedLike, replace } from '../ruleHelpers';

export const rule: Rule = {
  id: 'from-as-casing',
  defaultSeverity: 'warning',
  buildkitCheck: 'FromAsCasing',
  title: {
    en: '`AS` in FROM cased differently from `FROM`',
    'zh-cn': 'FROM 里的 `AS` 和 `FROM` 大小写不一致',
  },
  messages: {
    casing: {
      en: '`{as}` does not match the casing of `{from}`. Docker accepts both, but keywords written alike stand out from image and stage names; write `{expected}`.',
      'zh-cn': '`{as}` 和 `{from}` 的大小写不一致。Docker 两种都接受，但关键字写法一致，才能和镜像名、阶段名区分开；请写成 `{expected}`。',
    },
  },
  fixes: {
    casing: { en: 'Change to {expected}', 'zh-cn': '改为 {expected}' },
  },
  check(model, report) {
    for (const stage of model.stages) {
      const written = stage.fromInfo.ins.getInstruction();
      const upper = written === written.toUpperCase();
      const lower = written === written.toLowerCase();
      if (!upper && !lower) { continue; }
      const asWord = stage.from.as;
      if (stage.from.count !== 3 || !asWord || asWord.value.toLowerCase() !== 'as') { continue; }
      const as = asWord.value;
      const expected = casedLike(written, 'AS');
      if (as === expected) { continue; }
      report({
        range: asWord.range,
        message: 'casing',
        params: { as, from: written, expected },
        fixes: [{ title: 'casing', params: { expected }, edits: [replace(asWord.range, expected)], preferred: true }],
      });
    }
  },
};
