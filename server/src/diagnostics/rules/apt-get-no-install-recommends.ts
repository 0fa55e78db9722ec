// apt installs "recommended" packages too by default: often tens or hundreds of megabytes the image
// never uses.
import type { Rule } from '../rule';
import { afterSub, packageCommands } from '../packageCommands';

export const rule: Rule = {
  id: 'apt-get-no-install-recommends',
  defaultSeverity: 'information',
  title: {
    en: '`apt-get install` without `--no-install-recommends`',
    'zh-cn': '`apt-get install` 没有加 `--no-install-recommends`',
  },
  messages: {
    recommends: {
      en: 'By default apt also installs every package the ones you asked for "recommend" — often many megabytes your image never uses. Add `--no-install-recommends` to install only what you listed (and what it strictly depends on).',
      'zh-cn': 'apt 默认还会把所请求软件包“推荐”的其他包一起装上——往往是镜像根本用不到的大量内容。加上 `--no-install-recommends`，就只安装你列出的包（以及它们必需的依赖）。',
    },
  },
  fixes: {
    add: { en: 'Add --no-install-recommends', 'zh-cn': '加上 --no-install-recommends' },
  },
  check(model, report) {
    for (const info of model.ofKeyword('RUN')) {
      if (info.stage && !model.inFinalImage(info.stage)) { continue; }
      for (const cmd of packageCommands(model, info, 'apt')) {
        if (cmd.sub?.value !== 'install') { continue; }
        if (cmd.options.includes('--no-install-recommends')) { continue; }
        if (cmd.configValues.some((v) => /^APT::Install-Recommends=(false|0|no)$/i.test(v))) { continue; }
        report({
          range: cmd.range,
          message: 'recommends',
          fixes: [{ title: 'add', edits: [{ range: afterSub(cmd), newText: ' --no-install-recommends' }], preferred: true }],
        });
      }
    }
  },
};
