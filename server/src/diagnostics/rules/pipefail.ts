// `RUN curl … | tar -x`: a pipeline's exit status is the last command's. If curl fails, tar may still
// succeed on empty input and the build carries on with a broken layer.
import type { Rule } from '../rule';
import type { DockerfileModel, InstructionInfo, ShellPart, StageInfo } from '../model/model';
import { jsonStrings } from '../ruleHelpers';
import { resolveCommand } from '../model/shell';

export const rule: Rule = {
  id: 'pipefail',
  defaultSeverity: 'information',
  title: {
    en: 'A pipe in RUN without `pipefail`',
    'zh-cn': 'RUN 里用了管道却没有设置 `pipefail`',
  },
  messages: {
    pipe: {
      en: 'A pipeline succeeds when its last command succeeds: if the command before `|` fails (a download, say), the build goes on with broken results. Make failures count with `set -o pipefail && …` (supported by bash and Alpine\'s sh, not by Debian\'s dash), or for the whole stage with `SHELL ["/bin/bash", "-o", "pipefail", "-c"]`.',
      'zh-cn': '管道的成败只看最后一条命令：`|` 前面的命令（比如下载）失败了，构建照样继续，结果却是坏的。用 `set -o pipefail && …` 让失败生效（bash 和 Alpine 的 sh 支持，Debian 的 dash 不支持），或者用 `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` 对整个构建阶段生效。',
    },
  },
  check(model, report) {
    // The SHELL in force is tracked while walking each stage once (a child stage starts with its parent's).
    const shellAtEnd = new Map<StageInfo, string[] | undefined>();
    for (const stage of model.stages) {
      let shell = stage.parent ? shellAtEnd.get(stage.parent) : undefined;
      for (const info of stage.instructions) {
        if (info.keyword === 'SHELL') { shell = jsonStrings(model, info)?.map((a) => a.value); continue; }
        if (info.keyword !== 'RUN' || !model.rawIncludes(info, '|')) { continue; }
        if (shell && (shell.includes('pipefail') || !/(^|\/)(ba|a|da|z)?sh$/.test(shell[0] ?? ''))) { continue; }
        const pipe = unguardedPipe(model, info);
        if (pipe) { report({ range: pipe.part.text.rangeOf(pipe.offset, pipe.offset + 1), message: 'pipe' }); }
      }
      shellAtEnd.set(stage, shell);
    }
  },
};

/** The first `|` of a RUN that runs before any `set -o pipefail` in the same script. */
function unguardedPipe(model: DockerfileModel, info: InstructionInfo): { part: ShellPart; offset: number } | undefined {
  const shell = model.shellOf(info);
  if (!shell) { return undefined; }
  for (const part of shell.parts) {
    const script = part.script;
    if (script.pipes.length === 0) { continue; }
    let pipefailFrom = Infinity;
    for (const command of script.commands) {
      if (resolveCommand(command)?.name === 'set' && command.words.some((w) => w.value === 'pipefail')) {
        pipefailFrom = Math.min(pipefailFrom, command.words[command.words.length - 1].end);
      }
    }
    const pipe = script.pipes.find((p) => p < pipefailFrom);
    if (pipe !== undefined) { return { part, offset: pipe }; }
  }
  return undefined;
}
