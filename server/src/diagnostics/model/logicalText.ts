// The text Docker actually sees for an instruction's arguments: continuation lines joined (the escape
// character and the line break removed), comment lines and empty lines inside the continuation
// dropped — with every character still mapped back to where it is in the document.
import type { Position, Range } from 'vscode-languageserver-types';

interface Piece { offset: number; line: number; character: number; length: number }

export class LogicalText {
  constructor(readonly text: string, private readonly pieces: Piece[]) {}

  /** Document position of a character of `text`; the end of `text` maps to the end of its last piece. */
  positionAt(offset: number): Position {
    const pieces = this.pieces;
    if (pieces.length === 0) { return { line: 0, character: 0 }; }
    let lo = 0;
    let hi = pieces.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (pieces[mid].offset <= offset) { lo = mid; } else { hi = mid - 1; }
    }
    const p = pieces[lo];
    const within = Math.min(Math.max(offset - p.offset, 0), p.length);
    return { line: p.line, character: p.character + within };
  }

  /** Range of text[start, end), with an exclusive end that stays on the last character's line. */
  rangeOf(start: number, end: number): Range {
    if (end <= start) { const s = this.positionAt(start); return { start: s, end: s }; }
    const last = this.positionAt(end - 1);
    return { start: this.positionAt(start), end: { line: last.line, character: last.character + 1 } };
  }
}

/**
 * A copy of `s` that does not keep the text it was cut from alive. V8 makes a substring of 13 or more
 * characters a view into its parent: an instruction's arguments, kept by the model from version to version,
 * would keep the whole document text of the version they were first read from (one per place edited).
 */
export function detached(s: string): string {
  // The concatenation is flattened into a new string (the slice is a view into that one only).
  return s.length < 13 ? s : (` ${s}`).slice(1);
}

/** True when the line, trailing blanks ignored, ends with the escape character (and it is not itself escaped). */
export function endsWithContinuation(line: string, escape: string): boolean {
  let end = line.length;
  while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\t' || line[end - 1] === '\r')) { end--; }
  if (end === 0 || line[end - 1] !== escape) { return false; }
  // `\\` at the end is an escaped escape character, not a continuation.
  let count = 0;
  for (let i = end - 1; i >= 0 && line[i] === escape; i--) { count++; }
  return count % 2 === 1;
}

function isCommentOrBlank(line: string): 'comment' | 'blank' | undefined {
  const t = line.trimStart();
  if (t === '' || t === '\r') { return 'blank'; }
  return t.startsWith('#') ? 'comment' : undefined;
}

/**
 * Joins the lines of an instruction from `start` up to `lastLine` (inclusive) as Docker does:
 * a trailing escape character continues the line; comment and blank lines in between are dropped.
 * Stops early at a line that does not continue.
 */
export function joinContinuation(lines: readonly string[], start: Position, lastLine: number, escape: string): LogicalText {
  const pieces: Piece[] = [];
  let text = '';
  let line = start.line;
  let character = start.character;
  for (;;) {
    const raw = (lines[line] ?? '').replace(/\r$/, '');
    const continues = endsWithContinuation(raw, escape) && line < lastLine;
    let end = raw.length;
    if (continues) {
      end = raw.trimEnd().length - 1;
    }
    if (end > character) {
      pieces.push({ offset: text.length, line, character, length: end - character });
      text += raw.slice(character, end);
    }
    if (!continues) { break; }
    // Skip the comment and blank lines a continuation may contain.
    line++;
    while (line <= lastLine && isCommentOrBlank(lines[line] ?? '') !== undefined) { line++; }
    if (line > lastLine) { break; }
    character = 0;
  }
  if (pieces.length === 0) { pieces.push({ offset: 0, line: start.line, character: start.character, length: 0 }); }
  return new LogicalText(detached(text), pieces.slice()); // exact size: kept per instruction (a pushed-to array keeps ~17 slots)
}

/** Lines firstLine..lastLine as they are, separated by newlines (a heredoc body). */
export function joinLines(lines: readonly string[], firstLine: number, lastLine: number): LogicalText {
  const pieces: Piece[] = [];
  let text = '';
  for (let line = firstLine; line <= lastLine; line++) {
    const raw = (lines[line] ?? '').replace(/\r$/, '');
    pieces.push({ offset: text.length, line, character: 0, length: raw.length });
    text += raw;
    if (line < lastLine) { text += '\n'; }
  }
  if (pieces.length === 0) { pieces.push({ offset: 0, line: firstLine, character: 0, length: 0 }); }
  return new LogicalText(detached(text), pieces.slice()); // exact size: kept per instruction (a pushed-to array keeps ~17 slots)
}
