// CMD / ENTRYPOINT in shell form run `/bin/sh -c "…"`: the shell becomes PID 1, does not forward
// SIGTERM, and `docker stop` ends in a kill after the timeout. Exec form makes the program PID 1.
import type { Rule } from '../rule';
import { execText, replace } from '../ruleHelpers';
import { parseShell } from '../model/shell';

export const rule: Rule = {
  id: 'exec-form-recommended',
  defaultSeverity: 'warning',
  buildkitCheck: 'JSONArgsRecommended',
  title: {
    en: 'CMD or ENTRYPOINT in shell form (exec form recommended)',
    'zh-cn': 'CMD 或 ENTRYPOINT 用了 shell 形式（推荐 exec 形式）',
  },
  messages: {
    cmd: {
      en: 'CMD in shell form runs `/bin/sh -c "…"`: the shell is PID 1 in the container, not your program. `docker stop` sends SIGTERM to the shell, which does not pass it on, so your program cannot shut down cleanly and is killed after 10 seconds. Use the exec form: CMD ["program", "arg"].',
      'zh-cn': 'shell 形式的 CMD 实际执行的是 `/bin/sh -c "…"`：容器里的 1 号进程（PID 1）是 shell，而不是你的程序。`docker stop` 把 SIGTERM 信号发给 shell，shell 不会转发，程序没法正常退出，10 秒后被强制杀掉。请改用 exec 形式：CMD ["程序", "参数"]。',
    },
    entrypoint: {
      en: 'ENTRYPOINT in shell form runs `/bin/sh -c "…"`: the shell is PID 1, so `docker stop` cannot reach your program (it is killed after 10 seconds), and the CMD and any arguments given to `docker run` are ignored. Use the exec form: ENTRYPOINT ["program", "arg"].',
      'zh-cn': 'shell 形式的 ENTRYPOINT 实际执行的是 `/bin/sh -c "…"`：容器里的 1 号进程是 shell，`docker stop` 的信号到不了你的程序（10 秒后被强制杀掉），而且 CMD 和 `docker run` 后面给的参数都会被忽略。请改用 exec 形式：ENTRYPOINT ["程序", "参数"]。',
    },
  },
  fixes: {
    exec: { en: 'Convert to exec form: {json}', 'zh-cn': '改成 exec 形式：{json}' },
  },
  check(model, report) {
    for (const info of model.ofKeyword('CMD', 'ENTRYPOINT')) {
      if (info.keyword !== 'CMD' && info.keyword !== 'ENTRYPOINT') { continue; }
      const exec = execText(model, info);
      if (!exec) { continue; }
      const region = exec.text.text.slice(exec.start);
      const trimmed = region.trim();
      if (trimmed === '' || trimmed.startsWith('[') || trimmed.startsWith('\uff3b')) { continue; }
      const lead = region.length - region.trimStart().length;
      const range = exec.text.rangeOf(exec.start + lead, exec.start + lead + trimmed.length);
      const json = simpleExecForm(trimmed);
      report({
        range,
        message: info.keyword === 'CMD' ? 'cmd' : 'entrypoint',
        fixes: json ? [{ title: 'exec', params: { json }, edits: [replace(range, json)], preferred: true }] : undefined,
      });
    }
  },
};

/** The exec form of a command that needs no shell (no variables, globs, pipes, redirections, …). */
export function simpleExecForm(command: string): string | undefined {
  if (/[$`*?~{}[\]<>|&;()#\n\\]/.test(command)) { return undefined; }
  const script = parseShell(command);
  if (script.commands.length !== 1 || script.pipes.length > 0) { return undefined; }
  const words = script.commands[0].words.map((w) => w.value);
  if (words.length === 0 || /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[0])) { return undefined; }
  return `[${words.map((w) => JSON.stringify(w)).join(', ')}]`;
}
