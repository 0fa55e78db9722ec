// `COPY . .` before any WORKDIR copies into the base image's working directory — often `/`, sometimes
// something else — so where the files land is invisible in the Dockerfile.
import type { Rule } from '../rule';
import { copyArgs, isAbsoluteOrUnknown } from '../ruleHelpers';

export const rule: Rule = {
  id: 'copy-relative-destination',
  defaultSeverity: 'warning',
  title: {
    en: 'Relative COPY/ADD destination before any WORKDIR',
    'zh-cn': '在设置 WORKDIR 之前，COPY/ADD 用了相对的目标路径',
  },
  messages: {
    relative: {
      en: 'The destination `{dest}` is relative, and no WORKDIR is set yet in this build stage: the files go to the base image\'s working directory (often `/`, which mixes them with system folders) and you cannot tell from this file. Set `WORKDIR /app` (or similar) first, or copy to an absolute path.',
      'zh-cn': '目标路径 `{dest}` 是相对路径，而这个构建阶段还没有设置 WORKDIR：文件会落到基础镜像的工作目录里（常常是 `/`，会和系统目录混在一起），从这个文件里也看不出来。请先写 `WORKDIR /app`（或类似目录），或者改用绝对路径。',
    },
  },
  check(model, report) {
    for (const stage of model.stages) {
      if (stage.root === 'scratch') { continue; }
      if (stage.inheritsWorkdir) { continue; }
      let known = false;
      for (const info of stage.instructions) {
        if (info.keyword === 'WORKDIR') { known = true; continue; }
        if (known || (info.keyword !== 'COPY' && info.keyword !== 'ADD')) { continue; }
        const { dest, sources, form } = copyArgs(model, info);
        if (!dest || (form !== 'heredoc' && sources.length === 0)) { continue; }
        if (isAbsoluteOrUnknown(dest.value.replace(/^["']/, ''))) { continue; }
        report({ range: dest.range, message: 'relative', params: { dest: dest.value } });
      }
    }
  },
};
