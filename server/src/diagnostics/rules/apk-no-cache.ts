// Alpine's apk keeps its package index in /var/cache/apk unless told not to; in an image that is dead
// weight frozen into the layer.
import type { Rule } from '../rule';
import { afterSub, cacheMountCovers, packageCommands, removesPath } from '../packageCommands';

export const rule: Rule = {
  id: 'apk-no-cache',
  defaultSeverity: 'information',
  title: {
    en: '`apk add` without `--no-cache`',
    'zh-cn': '`apk add` 没有加 `--no-cache`',
  },
  messages: {
    cache: {
      en: '`apk add` keeps the downloaded package index in /var/cache/apk, and this layer keeps it in the image for good. `apk add --no-cache …` fetches the index, installs and leaves nothing behind (no separate `apk update` needed).',
      'zh-cn': '`apk add` 会把下载的软件包索引留在 /var/cache/apk，这个镜像层会把它永久保存在镜像里。用 `apk add --no-cache …`：下载索引、安装，然后什么也不留下（也不再需要单独的 `apk update`）。',
    },
  },
  fixes: {
    add: { en: 'Add --no-cache', 'zh-cn': '加上 --no-cache' },
  },
  check(model, report) {
    for (const info of model.ofKeyword('RUN')) {
      if (info.stage && !model.inFinalImage(info.stage)) { continue; }
      for (const cmd of packageCommands(model, info, 'apk')) {
        if (cmd.sub?.value !== 'add' || cmd.options.includes('--no-cache')) { continue; }
        if (removesPath(model, info, '/var/cache/apk') || cacheMountCovers(model, info, '/var/cache/apk') || cacheMountCovers(model, info, '/etc/apk/cache')) { continue; }
        report({
          range: cmd.range,
          message: 'cache',
          fixes: [{ title: 'add', edits: [{ range: afterSub(cmd), newText: ' --no-cache' }], preferred: true }],
        });
      }
    }
  },
};
