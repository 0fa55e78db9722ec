// Each RUN starts a fresh shell in the WORKDIR: a `cd` lasts until the end of that RUN only.
import type { Rule } from '../rule';
import { runCommands } from '../packageCommands';

export const rule: Rule = {
  id: 'cd-in-run',
  defaultSeverity: 'information',
  title: {
    en: '`cd` in RUN (use WORKDIR)',
    'zh-cn': 'RUN 里用了 `cd`（应该用 WORKDIR）',
  },
  messages: {
    only: {
      en: 'This RUN only changes directory, and that has no effect: every RUN starts a new shell in the working directory, so the `cd` is forgotten when the RUN ends. To change the directory for the following instructions, use `WORKDIR {dir}`.',
      'zh-cn': '这条 RUN 只是切换了目录，而这不会产生任何效果：每条 RUN 都在工作目录里开一个新的 shell，RUN 结束时 `cd` 就被忘掉了。想让后面的指令都在那个目录里执行，请用 `WORKDIR {dir}`。',
    },
    combined: {
      en: '`cd` only lasts until the end of this RUN; the next instruction starts in the working directory again. If the following instructions should also work in {dir}, say so once with `WORKDIR {dir}` — it is clearer and the directory is created if missing.',
      'zh-cn': '`cd` 只在这条 RUN 结束前有效，下一条指令又会回到工作目录。如果后面的指令也要在 {dir} 里执行，请用一次 `WORKDIR {dir}` 写明——更清楚，目录不存在时还会自动创建。',
    },
  },
  check(model, report) {
    for (const info of model.ofKeyword('RUN')) {
      if (!model.rawIncludes(info, 'cd')) { continue; }
      const commands = runCommands(model, info);
      const cds = commands.filter(({ command, resolved }) => resolved?.name === 'cd' && command.before !== '(');
      if (cds.length === 0) { continue; }
      const only = cds.length === commands.length;
      for (const { part, command, resolved } of cds) {
        const word = command.words[resolved!.index];
        const dir = command.words[resolved!.index + 1]?.value ?? '~';
        report({
          range: part.text.rangeOf(word.start, command.words[command.words.length - 1].end),
          message: only ? 'only' : 'combined',
          params: { dir },
          severity: only ? 'warning' : 'information',
        });
      }
    }
  },
};
