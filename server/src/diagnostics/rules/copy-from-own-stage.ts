// A stage cannot copy from itself: its files do not exist yet while it is being built.
import type { Rule } from '../rule';
import { copyFromValues } from '../ruleHelpers';

export const rule: Rule = {
  id: 'copy-from-own-stage',
  defaultSeverity: 'error',
  title: {
    en: '`COPY --from` naming the stage it is in',
    'zh-cn': '`COPY --from` 指向了自己所在的构建阶段',
  },
  messages: {
    own: {
      en: '`--from={name}` names the build stage this COPY is in. A stage cannot copy from itself — it is still being built. Copy from an earlier stage, or use a plain `COPY` (from the build context) or `RUN cp` inside the stage.',
      'zh-cn': '`--from={name}` 指的就是这条 COPY 所在的构建阶段。一个阶段不能从自己复制——它还在构建中。请从前面的阶段复制，或者在本阶段里用普通的 `COPY`（从构建上下文复制）或 `RUN cp`。',
    },
  },
  check(model, report) {
    for (const { stage, value, range } of copyFromValues(model)) {
      const own = /^\d+$/.test(value) ? Number(value) === stage.index : model.stageNamed(value) === stage;
      if (own) { report({ range, message: 'own', params: { name: value } }); }
    }
  },
};
