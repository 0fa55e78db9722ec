// A relative WORKDIR is resolved against whatever working directory the base image happened to set,
// which the Dockerfile does not show.
import type { Rule } from '../rule';
import { insert, isAbsoluteOrUnknown } from '../ruleHelpers';

export const rule: Rule = {
  id: 'workdir-relative',
  defaultSeverity: 'warning',
  buildkitCheck: 'WorkdirRelativePath',
  title: {
    en: 'Relative WORKDIR with no absolute WORKDIR before it',
    'zh-cn': '相对路径的 WORKDIR 之前没有绝对路径的 WORKDIR',
  },
  messages: {
    relative: {
      en: '`WORKDIR {path}` is relative, and this build stage has not set a working directory yet, so it depends on the base image\'s working directory — which you cannot see here and which may change with the next image version. Use an absolute path such as `/{path}`.',
      'zh-cn': '`WORKDIR {path}` 是相对路径，而这个构建阶段之前还没有设置过工作目录，所以结果取决于基础镜像的工作目录——这在 Dockerfile 里看不到，基础镜像换个版本还可能变。请使用绝对路径，比如 `/{path}`。',
    },
  },
  fixes: {
    absolute: { en: 'Make it absolute: /{path}', 'zh-cn': '改成绝对路径：/{path}' },
  },
  check(model, report) {
    for (const stage of model.stages) {
      let known = stage.inheritsWorkdir;
      for (const info of stage.instructions) {
        if (info.keyword !== 'WORKDIR') { continue; }
        const arg = model.argumentsOf(info)[0];
        if (!arg) { continue; }
        const path = arg.value;
        if (!known && path !== '' && !isAbsoluteOrUnknown(path)) {
          const clean = path.replace(/^\.\/?/, '');
          report({
            range: arg.range,
            message: 'relative',
            params: { path: clean || path },
            // `~` is not expanded by Docker; where it was meant to point is not mechanical to guess.
            fixes: clean === path && /^[A-Za-z0-9_.-]/.test(path) && !arg.raw.startsWith('"') ? [{ title: 'absolute', params: { path }, edits: [insert(arg.range.start, '/')], preferred: true }] : undefined,
          });
        }
        known = true;
      }
    }
  },
};
