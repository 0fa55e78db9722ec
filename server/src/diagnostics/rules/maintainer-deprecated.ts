// MAINTAINER was replaced by labels, which `docker inspect` and registries understand.
import type { Rule } from '../rule';
import { casedLike, replace } from '../ruleHelpers';

export const rule: Rule = {
  id: 'maintainer-deprecated',
  defaultSeverity: 'warning',
  buildkitCheck: 'MaintainerDeprecated',
  title: {
    en: 'MAINTAINER is deprecated',
    'zh-cn': 'MAINTAINER 已弃用',
  },
  messages: {
    deprecated: {
      en: 'MAINTAINER is deprecated. Record the author as a label instead: `LABEL org.opencontainers.image.authors="…"` — labels are what `docker inspect`, registries and other tools read.',
      'zh-cn': 'MAINTAINER 已被弃用。请改用标签记录作者：`LABEL org.opencontainers.image.authors="…"`——`docker inspect`、镜像仓库和其他工具读取的都是标签。',
    },
  },
  fixes: {
    label: { en: 'Replace with LABEL org.opencontainers.image.authors', 'zh-cn': '替换为 LABEL org.opencontainers.image.authors' },
  },
  check(model, report) {
    for (const info of model.ofKeyword('MAINTAINER')) {
      if (info.keyword !== 'MAINTAINER') { continue; }
      const value = model.argumentsText(info).text.trim();
      const range = info.ins.getRange();
      // A value already in double quotes is kept as written; anything else is quoted for LABEL.
      const quoted = /^"(?:[^"\\]|\\.)*"$/.test(value) ? value : `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
      const label = `${casedLike(info.ins.getInstruction(), 'LABEL')} org.opencontainers.image.authors=${quoted}`;
      report({
        range: info.ins.getInstructionRange(),
        message: 'deprecated',
        deprecated: true,
        fixes: value ? [{ title: 'label', edits: [replace(range, label)], preferred: true }] : undefined,
      });
    }
  },
};
