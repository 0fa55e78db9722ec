// `COPY --from=builer`: no stage has that name, so Docker looks for an *image* called builer on a
// registry. `--from=3` past the stages there are: the build stops.
import type { Rule } from '../rule';
import { copyFromValues, didYouMean, replace } from '../ruleHelpers';

export const rule: Rule = {
  id: 'copy-from-unknown-stage',
  defaultSeverity: 'warning',
  title: {
    en: '`COPY --from` naming a build stage that does not exist (yet)',
    'zh-cn': '`COPY --from` 指向不存在（或尚未定义）的构建阶段',
  },
  messages: {
    unknown: {
      en: 'No build stage is named `{name}`, so Docker treats `{name}` as an image and tries to pull it from a registry. If you meant a stage of this Dockerfile, use the name after its `AS`.',
      'zh-cn': '没有名为 `{name}` 的构建阶段，所以 Docker 会把 `{name}` 当作镜像，尝试从镜像仓库拉取。如果你指的是本文件里的某个构建阶段，请使用它 `AS` 后面的名字。',
    },
    typo: {
      en: 'No build stage is named `{name}` — did you mean `{suggestion}`? As written, Docker treats `{name}` as an image and tries to pull it from a registry.',
      'zh-cn': '没有名为 `{name}` 的构建阶段——你是不是想写 `{suggestion}`？照现在的写法，Docker 会把 `{name}` 当作镜像，尝试从镜像仓库拉取。',
    },
    later: {
      en: 'The stage `{name}` is defined after this one (line {line}). BuildKit accepts it, but the file reads backwards and the legacy builder fails. Define the stage you copy from first.',
      'zh-cn': '构建阶段 `{name}` 定义在这一阶段之后（第 {line} 行）。BuildKit 能接受，但读起来顺序颠倒，旧版构建器还会失败。请把被复制的阶段写在前面。',
    },
    index: {
      en: '`--from={index}` refers to stage number {index}, but only {count} build stage(s) come before this one (numbered from 0). Docker stops with "index out of bounds". Prefer naming the stage with `AS` and using that name.',
      'zh-cn': '`--from={index}` 指第 {index} 号构建阶段，但这一阶段之前只有 {count} 个构建阶段（从 0 开始编号）。Docker 会以“index out of bounds”报错停止。更好的做法是用 `AS` 给阶段起名，再用名字引用。',
    },
  },
  fixes: {
    rename: { en: 'Change to {suggestion}', 'zh-cn': '改为 {suggestion}' },
  },
  check(model, report) {
    for (const { stage, value, range } of copyFromValues(model)) {
      if (value.includes('$')) { continue; }
      if (/^\d+$/.test(value)) {
        // Its own index is copy-from-own-stage's business.
        if (Number(value) > stage.index) {
          report({ range, message: 'index', params: { index: value, count: String(stage.index) }, severity: 'error' });
        }
        continue;
      }
      const target = model.stageNamed(value);
      if (target === stage) { continue; }
      if (target) {
        if (target.index > stage.index) {
          report({ range, message: 'later', params: { name: value, line: String(target.fromInfo.ins.getRange().start.line + 1) } });
        }
        continue;
      }
      if (/[:/@.]/.test(value)) { continue; }
      const earlier = model.stages.slice(0, stage.index).map((s) => s.nameRaw).filter((n): n is string => !!n);
      const suggestion = didYouMean(value, earlier);
      if (suggestion) {
        report({ range, message: 'typo', params: { name: value, suggestion }, fixes: [{ title: 'rename', params: { suggestion }, edits: [replace(range, suggestion)], preferred: true }] });
      } else {
        report({ range, message: 'unknown', params: { name: value } });
      }
    }
  },
};
