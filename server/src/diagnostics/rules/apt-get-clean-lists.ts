// `apt-get update` downloads package lists to /var/lib/apt/lists (tens of megabytes). Unless the same
// RUN removes them, they are frozen into the layer forever — deleting them in a later RUN saves nothing.
import type { Rule } from '../rule';
import { cacheMountCovers, packageCommands, removesPath } from '../packageCommands';
import { insert } from '../ruleHelpers';

export const rule: Rule = {
  id: 'apt-get-clean-lists',
  defaultSeverity: 'information',
  title: {
    en: 'Package lists left in the image after `apt-get install`',
    'zh-cn': '`apt-get install` 之后没有删除软件包列表',
  },
  messages: {
    lists: {
      en: 'The package lists that `apt-get update` downloaded stay in this layer (/var/lib/apt/lists, often 20–50 MB). Remove them at the end of the same RUN with `rm -rf /var/lib/apt/lists/*` — a later RUN cannot make the layer smaller.',
      'zh-cn': '`apt-get update` 下载的软件包列表会留在这个镜像层里（/var/lib/apt/lists，常有 20–50 MB）。请在同一条 RUN 的末尾用 `rm -rf /var/lib/apt/lists/*` 删掉——在后面的 RUN 里再删，镜像层也不会变小。',
    },
  },
  fixes: {
    remove: { en: 'Remove the lists at the end of this RUN', 'zh-cn': '在这条 RUN 末尾删除软件包列表' },
  },
  check(model, report) {
    for (const info of model.ofKeyword('RUN')) {
      if (info.stage && !model.inFinalImage(info.stage)) { continue; }
      const install = packageCommands(model, info, 'apt').find((c) => c.sub?.value === 'install');
      if (!install) { continue; }
      if (removesPath(model, info, '/var/lib/apt/lists') || cacheMountCovers(model, info, '/var/lib/apt/lists')) { continue; }
      const shell = model.shellOf(info)!;
      let edit;
      const lastPart = shell.parts[shell.parts.length - 1];
      const script = lastPart.script;
      const lastCommand = script.commands[script.commands.length - 1];
      if (shell.form === 'shell' && script.commentAt === undefined && lastCommand?.after === undefined) {
        edit = insert(info.ins.getRange().end, ` ${model.escape}\n    && rm -rf /var/lib/apt/lists/*`);
      } else if (shell.form === 'heredoc' && lastPart.heredoc) {
        const end = lastPart.text.positionAt(lastPart.text.text.length);
        const indent = /^[ \t]*/.exec(model.lines[end.line] ?? '')?.[0] ?? '';
        edit = insert(end, `\n${indent}rm -rf /var/lib/apt/lists/*`);
      }
      report({
        range: install.range,
        message: 'lists',
        fixes: edit ? [{ title: 'remove', edits: [edit] }] : undefined,
      });
    }
  },
};
