// `.dockerignore` decides what is sent to the builder. A COPY of an excluded path fails with
// "not found" although the file is right there in the folder.
import * as path from 'node:path';
import type { Rule } from '../rule';
import { copyArgs, flagOf } from '../ruleHelpers';
import { excludedBy } from '../dockerignore';

export const rule: Rule = {
  id: 'copy-ignored-file',
  defaultSeverity: 'warning',
  buildkitCheck: 'CopyIgnoredFile',
  title: {
    en: 'COPY/ADD of a path that .dockerignore excludes',
    'zh-cn': 'COPY/ADD 的路径被 .dockerignore 排除了',
  },
  messages: {
    ignored: {
      en: '`{source}` is excluded from the build context by `{pattern}` ({file}, line {line}), so Docker never receives it and {keyword} fails with "not found" — even though the file is in your folder. Remove it from the ignore file, or add an exception such as `!{source}` below that line.',
      'zh-cn': '`{source}` 被 `{pattern}`（{file} 第 {line} 行）排除在构建上下文之外，Docker 根本收不到它，{keyword} 会报“not found”——哪怕文件就在你的文件夹里。请把它从忽略文件中去掉，或在那一行下面加上例外规则，比如 `!{source}`。',
    },
  },
  check(model, report) {
    const ignore = model.dockerignore;
    if (!ignore) { return; }
    for (const info of model.ofKeyword('COPY', 'ADD')) {
      if ((info.keyword !== 'COPY' && info.keyword !== 'ADD') || flagOf(model, info, 'from')) { continue; }
      const { sources, form } = copyArgs(model, info);
      if (form === 'heredoc') { continue; }
      for (const source of sources) {
        const value = source.value;
        if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) || /^git@/.test(value) || /[$*?[]/.test(value)) { continue; }
        const pattern = excludedBy(ignore, value);
        if (!pattern) { continue; }
        report({
          range: source.range,
          message: 'ignored',
          params: { source: value, pattern: pattern.text, file: path.basename(ignore.file), line: String(pattern.line + 1), keyword: info.keyword },
        });
      }
    }
  },
};
