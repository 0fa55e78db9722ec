// `CMD [["npm", "start"]]` or `CMD ["sleep", 10]`: valid JSON, but Docker only accepts an array of
// strings and stops the build at parse time.
import type { Rule } from '../rule';
import { execText } from '../ruleHelpers';
import { parseJsonArray } from '../model/model';

export const rule: Rule = {
  id: 'json-array-not-strings',
  defaultSeverity: 'error',
  title: {
    en: 'Exec form (JSON array) with something other than strings',
    'zh-cn': 'exec 形式（JSON 数组）里有非字符串的元素',
  },
  messages: {
    nested: {
      en: 'The exec form is one flat list of strings, but this array has another array inside it. Docker refuses the Dockerfile ("arrays must be comprised of strings only"): remove the inner brackets.',
      'zh-cn': 'exec 形式是一层由字符串组成的列表，这里却在数组里又套了一个数组。Docker 会拒绝这个 Dockerfile，镜像构建不了（“arrays must be comprised of strings only”）：去掉里面那层方括号。',
    },
    notString: {
      en: 'Every element of the exec form must be a string in double quotes, but `{value}` is not. Docker refuses the Dockerfile ("arrays must be comprised of strings only"): write it as "{value}".',
      'zh-cn': 'exec 形式的每个元素都必须是带双引号的字符串，`{value}` 却不是。Docker 会拒绝这个 Dockerfile，镜像构建不了（“arrays must be comprised of strings only”）：请写成 "{value}"。',
    },
  },
  check(model, report) {
    for (const info of model.bracketed) {
      const exec = execText(model, info);
      if (!exec) { continue; }
      const region = exec.text.text.slice(exec.start);
      const array = parseJsonArray(region);
      if (!array) { continue; }
      const bad = array.find((e) => typeof e !== 'string');
      if (bad === undefined) { continue; }
      const lead = region.length - region.trimStart().length;
      const range = exec.text.rangeOf(exec.start + lead, exec.start + region.trimEnd().length);
      if (Array.isArray(bad) || (bad !== null && typeof bad === 'object')) {
        report({ range, message: 'nested' });
      } else {
        report({ range, message: 'notString', params: { value: String(bad) } });
      }
    }
  },
};
