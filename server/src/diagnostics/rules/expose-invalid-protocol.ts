// EXPOSE knows three protocols: tcp (the default), udp and sctp.
import type { Rule } from '../rule';
import { exposeSpecs } from '../exposeSpec';

export const rule: Rule = {
  id: 'expose-invalid-protocol',
  defaultSeverity: 'error',
  title: {
    en: 'EXPOSE with an unknown protocol',
    'zh-cn': 'EXPOSE 的协议无效',
  },
  messages: {
    invalid: {
      en: '`{protocol}` is not a protocol Docker knows. Use `tcp` (the default, so `{port}` alone means `{port}/tcp`), `udp` or `sctp`. Docker stops the build at this line ("Invalid proto"). Application protocols such as http are not meant here: HTTP runs over tcp.',
      'zh-cn': 'Docker 不认识 `{protocol}` 这个协议。请用 `tcp`（默认值，只写 `{port}` 就等于 `{port}/tcp`）、`udp` 或 `sctp`。Docker 执行到这一行时会报“Invalid proto”并停止构建。这里说的不是 http 这类应用层协议：HTTP 跑在 tcp 上。',
    },
  },
  check(model, report) {
    for (const spec of exposeSpecs(model)) {
      if (spec.protocol === undefined) { continue; }
      if (!['tcp', 'udp', 'sctp'].includes(spec.protocol.toLowerCase())) {
        report({ range: spec.range, message: 'invalid', params: { protocol: spec.protocol, port: spec.port } });
      }
    }
  },
};
