// A build has no keyboard: apt-get asks "Do you want to continue? [Y/n]", reads end-of-input and aborts.
import type { Rule } from '../rule';
import { afterSub, PackageCommand, packageCommands } from '../packageCommands';

const PROMPTING = new Set(['install', 'upgrade', 'dist-upgrade', 'full-upgrade', 'reinstall', 'build-dep', 'remove', 'purge', 'autoremove']);

function assumesYes(cmd: PackageCommand): boolean {
  if (cmd.options.some((o) => o === '--yes' || o === '--assume-yes' || o === '--force-yes' || /^-[a-zA-Z]*y[a-zA-Z]*$/.test(o))) { return true; }
  // -qq (quiet level 2) implies -y.
  if (cmd.options.some((o) => /^-[a-zA-Z]*q[a-zA-Z]*q/.test(o) || o === '-q=2' || o === '--quiet=2')) { return true; }
  return cmd.configValues.some((v) => /^APT::Get::Assume-Yes=(true|1|yes)$/i.test(v));
}

export const rule: Rule = {
  id: 'apt-get-install-yes',
  defaultSeverity: 'warning',
  title: {
    en: '`apt-get install` without `-y`',
    'zh-cn': '`apt-get install` 没有加 `-y`',
  },
  messages: {
    noYes: {
      en: '`{command}` will ask "Do you want to continue? [Y/n]", but nobody can answer during `docker build`: apt-get reads no input and aborts, and the build fails. Add `-y` to answer yes automatically.',
      'zh-cn': '`{command}` 会询问“Do you want to continue? [Y/n]”（是否继续），可 `docker build` 构建镜像的过程中没人能回答：apt-get 读不到输入就会中止，构建随之失败。加上 `-y` 让它自动回答“是”。',
    },
  },
  fixes: {
    addYes: { en: 'Add -y', 'zh-cn': '加上 -y' },
  },
  check(model, report) {
    for (const info of model.ofKeyword('RUN')) {
      for (const cmd of packageCommands(model, info, 'apt')) {
        if (!cmd.sub || !PROMPTING.has(cmd.sub.value) || assumesYes(cmd)) { continue; }
        // `yes | apt-get install …` answers through the pipe.
        if (cmd.command.before === '|') { continue; }
        report({
          range: cmd.range,
          message: 'noYes',
          params: { command: `${cmd.program.value} ${cmd.sub.value}` },
          fixes: [{ title: 'addYes', edits: [{ range: afterSub(cmd), newText: ' -y' }], preferred: true }],
        });
      }
    }
  },
};
