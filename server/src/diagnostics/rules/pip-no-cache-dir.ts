// pip keeps every wheel it downloaded in ~/.cache/pip; inside an image that cache is never used again.
import type { Rule } from '../rule';
import { afterSub, cacheMountCovers, packageCommands } from '../packageCommands';
import { resolveCommand } from '../model/shell';

export const rule: Rule = {
  id: 'pip-no-cache-dir',
  defaultSeverity: 'information',
  title: {
    en: '`pip install` without `--no-cache-dir`',
    'zh-cn': '`pip install` 没有加 `--no-cache-dir`',
  },
  messages: {
    cache: {
      en: '`pip install` saves a copy of every downloaded package in /root/.cache/pip, and this layer keeps that copy in the image although nothing will use it. Add `--no-cache-dir` (or set `ENV PIP_NO_CACHE_DIR=1`).',
      'zh-cn': '`pip install` 会把下载的每个包另存一份到 /root/.cache/pip，这个镜像层会把这些副本留在镜像里，而它们再也用不到。加上 `--no-cache-dir`（或设置 `ENV PIP_NO_CACHE_DIR=1`）。',
    },
  },
  fixes: {
    add: { en: 'Add --no-cache-dir', 'zh-cn': '加上 --no-cache-dir' },
  },
  check(model, report) {
    for (const info of model.ofKeyword('RUN')) {
      if (!info.stage || !model.inFinalImage(info.stage)) { continue; }
      // definedAtEnd starts from the parent's variables, so this covers the whole lineage.
      if (info.stage.definedAtEnd.has('PIP_NO_CACHE_DIR')) { continue; }
      if (cacheMountCovers(model, info, '/root/.cache/pip')) { continue; }
      for (const cmd of packageCommands(model, info, 'pip')) {
        if (cmd.sub?.value !== 'install' || cmd.options.includes('--no-cache-dir')) { continue; }
        const resolved = resolveCommand(cmd.command);
        const assignments = cmd.command.words.slice(0, resolved?.index ?? 0).map((w) => w.value);
        if (assignments.some((a) => a.startsWith('PIP_NO_CACHE_DIR='))) { continue; }
        report({
          range: cmd.range,
          message: 'cache',
          fixes: [{ title: 'add', edits: [{ range: afterSub(cmd), newText: ' --no-cache-dir' }], preferred: true }],
        });
      }
    }
  },
};
