// Two RUNs in a row make two image layers (and two cache entries). Commands that belong together read
// better and weigh less in one RUN joined with `&&` — a file removed in a later layer still takes
// space in the earlier one.
import type { Position } from 'vscode-languageserver-types';
import type { Rule } from '../rule';
import { Slot, type DockerfileModel, type InstructionInfo } from '../model/model';
import { replace } from '../ruleHelpers';

export const rule: Rule = {
  id: 'chain-run',
  defaultSeverity: 'information',
  title: {
    en: 'Consecutive RUN instructions that could be one',
    'zh-cn': '连续的 RUN 指令可以合并成一条',
  },
  messages: {
    chain: {
      en: 'This RUN follows another RUN. Every RUN adds a layer to the image; commands that belong together can share one RUN, joined with `&&` — files deleted in a later layer still take space in the layer that created them.',
      'zh-cn': '这条 RUN 紧跟在另一条 RUN 后面。每条 RUN 都会给镜像加一个镜像层；相关的命令可以用 `&&` 连起来放进同一条 RUN——在后面镜像层里删掉的文件，仍然占着创建它的那个镜像层的空间。',
    },
  },
  fixes: {
    chain: { en: 'Join with the RUN above using &&', 'zh-cn': '用 && 并入上一条 RUN' },
  },
  check(model, report) {
    for (const stage of model.stages) {
      let previous: InstructionInfo | undefined;
      for (const info of stage.instructions) {
        const chainable = isChainable(model, info);
        if (chainable && previous) {
          const edit = joinEdit(model, previous, info);
          report({
            range: info.ins.getInstructionRange(),
            message: 'chain',
            fixes: edit ? [{ title: 'chain', edits: [edit] }] : undefined,
          });
        }
        previous = chainable ? info : undefined;
      }
    }
  },
};

/** A plain shell-form RUN: no flags (a --mount applies to one RUN only), no heredoc, no shell comment. */
function isChainable(model: DockerfileModel, info: InstructionInfo): boolean {
  // Depends on the instruction's own text only: kept with it from version to version.
  return info.keyword === 'RUN' && model.memo(info, Slot.chainable, computeChainable);
}

function computeChainable(model: DockerfileModel, info: InstructionInfo): boolean {
  // Decided on the joined text where possible: parsing the shell of every RUN is the costly part.
  const text = model.argumentsText(info).text.trim();
  if (text === '' || text.startsWith('--') || text.startsWith('[') || model.heredocsOf(info).length > 0) { return false; }
  // `a;` or `a &` at the end would turn into `a; && b`.
  if (/(^|[^&])[;&]$/.test(text)) { return false; }
  if (!text.includes('#')) { return true; }
  const script = model.shellOf(info)?.parts[0]?.script;
  return script !== undefined && script.commentAt === undefined && script.commands[script.commands.length - 1]?.after === undefined;
}

function joinEdit(model: DockerfileModel, first: InstructionInfo, second: InstructionInfo) {
  const end = first.ins.getRange().end;
  const args = model.argumentsText(second);
  const start: Position = args.positionAt(args.text.length - args.text.trimStart().length);
  // Comment lines between the two RUNs stay, inside the continuation (Docker drops them there).
  const kept: string[] = [];
  for (let l = end.line + 1; l < second.ins.getRange().start.line; l++) {
    const t = (model.lines[l] ?? '').trim();
    if (t.startsWith('#')) { kept.push(`    ${t}\n`); }
  }
  return replace({ start: end, end: start }, ` && ${model.escape}\n${kept.join('')}    `);
}
