// `ENV NAME value` (no `=`): the old form sets one variable to the whole rest of the line, so
// `ENV A 1 B 2` gives A the value "1 B 2". `NAME=value` says exactly what is meant.
import type { Rule } from '../rule';
import { replace } from '../ruleHelpers';

export const rule: Rule = {
  id: 'env-legacy-format',
  defaultSeverity: 'warning',
  buildkitCheck: 'LegacyKeyValueFormat',
  title: {
    en: 'Legacy `ENV key value` / `LABEL key value` form',
    'zh-cn': '旧式的 `ENV key value` / `LABEL key value` 写法',
  },
  messages: {
    legacy: {
      en: 'Write `{keyword} {name}=value`. In the old form without `=`, everything after the name is one value: `{keyword} A 1 B 2` sets A to "1 B 2" instead of setting two variables. The old form is deprecated.',
      'zh-cn': '请写成 `{keyword} {name}=value`。不带 `=` 的旧写法会把名字后面的所有内容都当成一个值：`{keyword} A 1 B 2` 会把 A 设为“1 B 2”，而不是设置两个环境变量。旧写法已被弃用。',
    },
  },
  fixes: {
    equals: { en: 'Change to {name}={value}', 'zh-cn': '改为 {name}={value}' },
  },
  check(model, report) {
    for (const info of model.ofKeyword('ENV', 'LABEL')) {
      if (info.keyword !== 'ENV' && info.keyword !== 'LABEL') { continue; }
      const properties = model.propertiesOf(info);
      if (properties.length !== 1) { continue; }
      const p = properties[0];
      // Ranges are computed on demand: only for the legacy form (every ENV is looked at on every keystroke).
      if (p.equals || p.value === null) { continue; }
      const valueRange = p.valueRange;
      if (!valueRange) { continue; }
      const raw = model.textAt(valueRange);
      let value: string | undefined;
      if (raw.includes('\n')) {
        value = undefined;
      } else if (!/\s/.test(raw)) {
        value = raw;
      } else if (!/["'\\]/.test(raw)) {
        value = `"${raw}"`;
      }
      report({
        range: p.range,
        message: 'legacy',
        params: { keyword: info.ins.getInstruction(), name: p.name },
        fixes: value !== undefined ? [{ title: 'equals', params: { name: p.name, value }, edits: [replace(p.range, `${p.name}=${value}`)], preferred: true }] : undefined,
      });
    }
  },
};
