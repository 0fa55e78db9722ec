// dockerfile-ast's objects for some instructions only. The text given to the parser keeps the lines before
// the first instruction (parser directives and comments: the escape character) and the chosen
// instructions' lines; every other line is left empty. Line numbers and columns are the document's, so the
// objects are the ones a parse of the whole text would give — at the cost of those instructions only
// (a whole parse of a 25,000-line file takes ~0.6 s). Used where a feature needs dockerfile-ast's detail
// for a few instructions of a big file (features/semanticTokens.ts: only the instructions an edit changed).
import { DockerfileParser } from 'dockerfile-ast';
import type { Instruction } from 'dockerfile-ast';
import type { ParsedDocument } from './parsedDocument';
import type { InstructionLike } from './instructionScanner';

/**
 * The objects for `instructions[i]` for each i of `indices` (ascending), where `instructions` is the whole
 * list of the document's instructions (the fast scan's). Undefined when the parse does not give exactly
 * those instructions with those boundaries (the caller then parses the whole text).
 */
export function parseInstructions(doc: ParsedDocument, instructions: readonly InstructionLike[], indices: readonly number[]): Instruction[] | undefined {
  if (indices.length === 0) { return []; }
  const starts = doc.lineStarts;
  const text = doc.text;
  let line = instructions[0].getRange().start.line;
  const parts = [text.slice(0, starts[line])];
  for (const i of indices) {
    const range = instructions[i].getRange();
    if (range.start.line < line) { return undefined; }
    parts.push('\n'.repeat(range.start.line - line));
    const end = range.end.line + 1 < starts.length ? starts[range.end.line + 1] : text.length;
    parts.push(text.slice(starts[range.start.line], end));
    line = range.end.line + 1;
  }
  const parsed = DockerfileParser.parse(parts.join('')).getInstructions();
  if (parsed.length !== indices.length) { return undefined; }
  for (let k = 0; k < parsed.length; k++) {
    const a = parsed[k].getRange();
    const b = instructions[indices[k]].getRange();
    if (a.start.line !== b.start.line || a.start.character !== b.start.character || a.end.line !== b.end.line || a.end.character !== b.end.character) { return undefined; }
  }
  return parsed;
}
