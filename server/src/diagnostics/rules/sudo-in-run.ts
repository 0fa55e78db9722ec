// RUN already runs as root unless USER changed it; sudo is usually not even installed in an image, and
// where it is, it hides which user really owns the files.
import type { Rule } from '../rule';
import { runCommands } from '../packageCommands';

export const rule: Rule = {
  id: 'sudo-in-run',
  defaultSeverity: 'warning',
  title: {
    en: '`sudo` in RUN',
    'zh-cn': 'RUN 里用了 `sudo`',
  },
  messages: {
    sudo: {
      en: 'RUN commands already run as root unless a USER instruction changed that, and most base images do not even contain sudo ("sudo: not found"). Drop `sudo`; if you switched to another user, switch back with `USER root` for this step, then return to your user.',
      'zh-cn': 'RUN 里的命令默认就以 root 身份执行（除非前面用 USER 换了用户），而且大多数基础镜像里根本没有 sudo（会报“sudo: not found”）。去掉 `sudo` 即可；如果前面已切换到别的用户，就用 `USER root` 切回来执行这一步，再切回你的用户。',
    },
  },
  check(model, report) {
    for (const info of model.ofKeyword('RUN')) {
      if (!model.rawIncludes(info, 'sudo') && !model.rawIncludes(info, 'doas')) { continue; }
      for (const { part, command, resolved } of runCommands(model, info)) {
        if (!resolved?.viaSudo) { continue; }
        const sudo = command.words.find((w) => /(^|\/)(sudo|doas)$/.test(w.value));
        if (!sudo) { continue; }
        report({ range: part.text.rangeOf(sudo.start, sudo.end), message: 'sudo' });
      }
    }
  },
};
