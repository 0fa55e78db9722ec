// Ports are numbers from 0 to 65535 (or a range like 8000-8010); anything else stops the build.
import type { Rule } from '../rule';
import { exposeSpecs, validPort } from '../exposeSpec';

export const rule: Rule = {
  id: 'expose-invalid-port',
  defaultSeverity: 'error',
  title: {
    en: 'EXPOSE with an invalid port',
    'zh-cn': 'EXPOSE 的端口无效',
  },
  messages: {
    invalid: {
      en: '`{port}` is not a valid port. A port is a number from 0 to 65535, or a range such as `8000-8010`; Docker stops the build at this line ("Invalid containerPort").',
      'zh-cn': '`{port}` 不是有效的端口。端口是 0 到 65535 之间的数字，或者像 `8000-8010` 这样的范围；Docker 执行到这一行时会报“Invalid containerPort”并停止构建。',
    },
  },
  check(model, report) {
    for (const spec of exposeSpecs(model)) {
      if (!validPort(spec.port)) { report({ range: spec.range, message: 'invalid', params: { port: spec.port || spec.raw } }); }
    }
  },
};
