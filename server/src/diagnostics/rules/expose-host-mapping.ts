// `EXPOSE 8080:80`: which host port to use is decided when the container is started (`docker run -p`),
// never in the image.
import type { Rule } from '../rule';
import { exposeSpecs } from '../exposeSpec';
import { replace } from '../ruleHelpers';

export const rule: Rule = {
  id: 'expose-host-mapping',
  defaultSeverity: 'warning',
  buildkitCheck: 'ExposeInvalidFormat',
  title: {
    en: 'EXPOSE with a host:container port mapping',
    'zh-cn': 'EXPOSE 写了“主机端口:容器端口”映射',
  },
  messages: {
    mapping: {
      en: 'EXPOSE only documents which port the container listens on; it cannot publish it on the host. `{raw}` mixes in a host part, which Docker ignores. Write `EXPOSE {port}` and choose the host port when you start the container: `docker run -p {host}:{port} …`.',
      'zh-cn': 'EXPOSE 只是说明容器在哪个端口监听，并不能把端口发布到主机上。`{raw}` 里带了主机部分，Docker 会忽略它。请写 `EXPOSE {port}`，在启动容器时再决定主机端口：`docker run -p {host}:{port} …`。',
    },
  },
  fixes: {
    containerOnly: { en: 'Keep only the container port: {port}', 'zh-cn': '只保留容器端口：{port}' },
  },
  check(model, report) {
    for (const spec of exposeSpecs(model)) {
      if (!spec.hostPart) { continue; }
      const port = spec.port + (spec.protocol !== undefined ? `/${spec.protocol}` : '');
      const host = spec.hostPart.slice(0, -1).split(':').pop() || spec.port;
      report({
        range: spec.range,
        message: 'mapping',
        params: { raw: spec.raw, port, host },
        fixes: spec.port ? [{ title: 'containerOnly', params: { port }, edits: [replace(spec.range, port)], preferred: true }] : undefined,
      });
    }
  },
};
