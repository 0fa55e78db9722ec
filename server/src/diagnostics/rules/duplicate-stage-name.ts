// Two stages with one name: `--from=name` and `--target name` can only mean one of them.
import type { Rule } from '../rule';

export const rule: Rule = {
  id: 'duplicate-stage-name',
  defaultSeverity: 'error',
  buildkitCheck: 'DuplicateStageName',
  title: {
    en: 'Two build stages with the same name',
    'zh-cn': '两个构建阶段同名',
  },
  messages: {
    duplicate: {
      en: 'A build stage named `{name}` already exists (line {line}; names are compared ignoring case). `COPY --from={name}` and `docker build --target {name}` could not tell them apart, so Docker refuses the Dockerfile. Give this stage another name.',
      'zh-cn': '已经有一个名为 `{name}` 的构建阶段了（第 {line} 行；比较名称时不区分大小写）。`COPY --from={name}` 和 `docker build --target {name}` 无法区分它们，所以 Docker 会拒绝这个 Dockerfile。请给这个阶段换个名字。',
    },
  },
  check(model, report) {
    const seen = new Map<string, number>();
    for (const stage of model.stages) {
      if (!stage.name || !stage.nameRange) { continue; }
      const first = seen.get(stage.name);
      if (first !== undefined) {
        report({ range: stage.nameRange, message: 'duplicate', params: { name: stage.nameRaw ?? stage.name, line: String(first + 1) } });
      } else {
        seen.set(stage.name, stage.fromInfo.ins.getRange().start.line);
      }
    }
  },
};
