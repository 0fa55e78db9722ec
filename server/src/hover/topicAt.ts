// Which hover topic sits under the cursor: an instruction keyword, one of its flags (or a
// --mount type), a parser directive, or a heredoc marker.
import type { Instruction, Onbuild, ParserDirective } from 'dockerfile-ast';
import { Position, Range } from 'vscode-languageserver-types';

export interface TopicHit { topic: string; range: Range }

/** ADD shares these flags with COPY, so it shares their texts too. */
const ADD_FLAGS_SHARED_WITH_COPY = new Set(['chown', 'chmod', 'link', 'parents', 'exclude']);

export function contains(range: Range, p: Position): boolean {
  if (p.line < range.start.line || p.line > range.end.line) { return false; }
  if (p.line === range.start.line && p.character < range.start.character) { return false; }
  if (p.line === range.end.line && p.character > range.end.character) { return false; }
  return true;
}

/**
 * `directives` are the document's parser directives, `lineText` returns one line of the document, and
 * `instruction` is the instruction under the cursor (hover finds it by binary search on its index).
 */
export function topicAt(directives: readonly ParserDirective[], lineText: (line: number) => string, position: Position, instruction: Instruction | undefined): TopicHit | undefined {
  for (const directive of directives) {
    const r = directive.getRange();
    if (contains(r, position)) {
      return { topic: `directive.${directive.getName().toLowerCase()}`, range: r };
    }
  }
  if (!instruction) { return undefined; }
  const keyword = instruction.getKeyword().toLowerCase();
  if (contains(instruction.getInstructionRange(), position)) {
    return { topic: keyword, range: instruction.getInstructionRange() };
  }
  if (keyword === 'onbuild') {
    // `ONBUILD COPY --from=…`: the trigger is an instruction of its own, with its own topics.
    const trigger = (instruction as Onbuild).getTriggerInstruction();
    return trigger ? topicAt([], lineText, position, trigger) : undefined;
  }
  const flags = 'getFlags' in instruction ? (instruction as unknown as { getFlags(): import('dockerfile-ast').Flag[] }).getFlags() : [];
  for (const flag of flags) {
    if (!contains(flag.getRange(), position)) { continue; }
    const name = flag.getName().toLowerCase();
    const owner = keyword === 'add' && ADD_FLAGS_SHARED_WITH_COPY.has(name) ? 'copy' : keyword;
    if (keyword === 'run' && name === 'mount') {
      // `--mount` itself: the overview of mounts; its options: the page of that mount type (bind by default).
      const nameEnd = flag.getNameRange().end;
      const value = flag.getValueRange();
      if (!value || position.line < value.start.line || (position.line === value.start.line && position.character <= nameEnd.character)) {
        return { topic: 'run.mount', range: { start: flag.getRange().start, end: nameEnd } };
      }
      const type = flag.getOptions().find((o) => o.getName() === 'type')?.getValue();
      return { topic: `run.mount.${(type || 'bind').toLowerCase()}`, range: value };
    }
    return { topic: `${owner}.${name}`, range: flag.getRange() };
  }
  const heredoc = heredocMarkerAt(lineText, instruction, position);
  if (heredoc) { return { topic: 'heredoc', range: heredoc }; }
  return undefined;
}

/** `<<EOF`, `<<-EOF`, `<<"EOF"` on the instruction's first line. */
function heredocMarkerAt(lineText: (line: number) => string, instruction: Instruction, position: Position): Range | undefined {
  if (position.line !== instruction.getRange().start.line) { return undefined; }
  const text = lineText(position.line);
  const re = /<<-?(["']?)[A-Za-z_][A-Za-z0-9_]*\1/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (position.character >= m.index && position.character <= m.index + m[0].length) {
      return { start: { line: position.line, character: m.index }, end: { line: position.line, character: m.index + m[0].length } };
    }
  }
  return undefined;
}
