// `RUN apt-get update` on its own line is cached as a layer: a later `RUN apt-get install` (changed
// next week) reuses the old package lists and fails or installs stale versions.
import type { Rule } from '../rule';
import { packageCommands } from '../packageCommands';

const USES_LISTS = new Set(['install', 'upgrade', 'dist-upgrade', 'full-upgrade', 'build-dep', 'source', 'reinstall']);

export const rule: Rule = {
  id: 'apt-get-update-alone',
  defaultSeverity: 'warning',
  title: {
    en: '`apt-get update` without an install in the same RUN',
    'zh-cn': '`apt-get update` 没有和安装命令写在同一条 RUN 里',
  },
  messages: {
    alone: {
      en: '`apt-get update` is alone in this RUN. Docker caches each RUN as a layer, so when you later change the `apt-get install` line, the update is not run again and the install works from old package lists (packages "not found", or outdated versions). Put them in one RUN: `apt-get update && apt-get install -y …`.',
      'zh-cn': '这条 RUN 里只有 `apt-get update`。Docker 会把每条 RUN 缓存为一个镜像层，以后修改 `apt-get install` 那一行时，update 不会重新执行，安装用的还是旧的软件包列表（报“找不到软件包”，或装到过时的版本）。请把它们写进同一条 RUN：`apt-get update && apt-get install -y …`。',
    },
  },
  check(model, report) {
    for (const info of model.ofKeyword('RUN')) {
      const commands = packageCommands(model, info, 'apt');
      const update = commands.find((c) => c.sub?.value === 'update');
      if (!update || commands.some((c) => c.sub && USES_LISTS.has(c.sub.value))) { continue; }
      report({ range: update.range, message: 'alone' });
    }
  },
};
