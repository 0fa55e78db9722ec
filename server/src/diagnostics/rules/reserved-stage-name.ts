// `scratch` already means "the empty image" and `context` names build contexts: a stage by that name
// is either ignored or shadows them.
import type { Rule } from '../rule';

const RESERVED = new Set(['scratch', 'context']);

export const rule: Rule = {
  id: 'reserved-stage-name',
  defaultSeverity: 'warning',
  buildkitCheck: 'ReservedStageName',
  title: {
    en: 'Build stage named with a reserved word',
    'zh-cn': '构建阶段用了保留字作名字',
  },
  messages: {
    reserved: {
      en: '`{name}` is reserved: `scratch` already means the empty image and `context` refers to build contexts, so `FROM {name}` or `--from={name}` would not mean this stage. Choose another name, such as `base` or `build`.',
      'zh-cn': '`{name}` 是保留字：`scratch` 已经表示空镜像，`context` 表示构建上下文，所以 `FROM {name}` 或 `--from={name}` 指的并不是这个阶段。请换个名字，比如 `base` 或 `build`。',
    },
  },
  check(model, report) {
    for (const stage of model.stages) {
      if (stage.name && stage.nameRange && RESERVED.has(stage.name)) {
        report({ range: stage.nameRange, message: 'reserved', params: { name: stage.nameRaw ?? stage.name } });
      }
    }
  },
};
