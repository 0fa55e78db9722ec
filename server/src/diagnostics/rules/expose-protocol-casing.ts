// `EXPOSE 80/TCP`: Docker accepts it, but the protocol's documented spelling is lowercase.
import type { Rule } from '../rule';
import { exposeSpecs } from '../exposeSpec';
import { replace } from '../ruleHelpers';

export const rule: Rule = {
  id: 'expose-protocol-casing',
  defaultSeverity: 'warning',
  buildkitCheck: 'ExposeProtoCasing',
  title: {
    en: 'EXPOSE protocol not in lowercase',
    'zh-cn': 'EXPOSE 的协议不是小写',
  },
  messages: {
    casing: {
      en: 'Write the protocol in lowercase: `{expected}`. Docker accepts `{raw}`, but protocols are documented and shown in lowercase (`docker ps`, `docker port`), and tools that compare port specifications as text will not match `{raw}`.',
      'zh-cn': '协议请用小写：`{expected}`。Docker 能接受 `{raw}`，但协议在文档中以及 `docker ps`、`docker port` 的输出里都是小写，把端口写法当文本比较的工具会匹配不上 `{raw}`。',
    },
  },
  fixes: {
    lower: { en: 'Change to {expected}', 'zh-cn': '改为 {expected}' },
  },
  check(model, report) {
    for (const spec of exposeSpecs(model)) {
      if (spec.protocol === undefined || spec.protocol === spec.protocol.toLowerCase()) { continue; }
      if (!['tcp', 'udp', 'sctp'].includes(spec.protocol.toLowerCase())) { continue; }
      const expected = spec.raw.toLowerCase();
      report({ range: spec.range, message: 'casing', params: { raw: spec.raw, expected }, fixes: [{ title: 'lower', params: { expected }, edits: [replace(spec.range, expected)], preferred: true }] });
    }
  },
};
