// Which version's index a hover reads. On a big file every keystroke is a new version, and indexing it
// (scanning the edit, listing stages) costs a few milliseconds on the main thread while the worker is busy
// validating; a hover far from the edit need not pay that. So a hover on a version not indexed yet answers
// from the newest indexed version when the lines that differ cannot change its answer; otherwise (or when
// unsure) it indexes the current version.
import type { ParsedDocument } from '../documents/parsedDocument';
import { astInstruction, documentIndex, INDEX_KEY, instructionIndexAt } from './documentIndex';

/** How many instructions the first prepareHover parses, one by one. */
const WARM_INSTRUCTIONS = 200;
let warmedUp = false;
import { lineAt } from '../documents/lineStarts';

/**
 * Instructions whose edits never change another instruction's hover: no variables (ARG, ENV), no stages
 * (FROM), nothing the effective start command reads (CMD, ENTRYPOINT, SHELL), no ONBUILD triggers.
 * Edited text mentioning `from` is refused as well (COPY --from, RUN --mount=from= list a stage's users).
 */
const SAFE_KEYWORDS = new Set(['RUN', 'COPY', 'ADD', 'LABEL', 'EXPOSE', 'WORKDIR', 'USER', 'VOLUME', 'HEALTHCHECK', 'STOPSIGNAL', 'MAINTAINER']);

/**
 * `current` if it is indexed already or `previous` cannot stand in for it; else `previous`, when every
 * line that differs between them lies in an instruction of a safe kind other than the one under the
 * hovered line, keeps the same line count, keyword, continuation and kind of line, and touches no heredoc.
 */
export function hoverSnapshot(current: ParsedDocument, previous: ParsedDocument | undefined, hoverLine: number): ParsedDocument {
  if (current.hasDerived(INDEX_KEY) || !previous || previous === current || !previous.hasDerived(INDEX_KEY)) { return current; }
  return canAnswerFor(previous, current, hoverLine) ? previous : current;
}

/**
 * Builds what hovers read (the version's scan and index) before anyone hovers, and answers a few
 * positions where the caller may run hovers once (see below). The language server calls it once per
 * opened large document, when the document's first diagnostics are out and both threads are idle.
 */
export function prepareHover(doc: ParsedDocument): { line: number; character: number }[] {
  const index = documentIndex(doc);
  // Once per process: dockerfile-ast's objects for the first instructions, one parse each, as hovers
  // parse them. V8 compiles that path for real only after many runs; without this the hovers of the first
  // minutes cost 0.3–1 ms each in parsing instead of ~0.1 (measured with 25,011 lines: ~50 ms, once).
  if (!warmedUp) {
    warmedUp = true;
    for (let i = 0; i < Math.min(WARM_INSTRUCTIONS, index.instructions.length); i++) { astInstruction(index, i); }
  }
  // Where a first hover could go (the caller runs them once: V8 compiles the hover code for real only
  // after it has run, and the learner's first hover would otherwise pay for that, ~6 ms).
  return Array.from(index.startLines.subarray(0, 8), (line) => ({ line, character: 0 }));
}

function canAnswerFor(base: ParsedDocument, current: ParsedDocument, hoverLine: number): boolean {
  // The changed region, from the document's change history (or a comparison of the texts): the new
  // version is never joined or split into lines here (this runs on every keystroke of a large file).
  if (base.hasLoneCarriageReturn) { return false; }
  const delta = current.deltaFrom(base);
  if (delta.start === delta.end && delta.text === '') { return true; }
  const removed = base.text.slice(delta.start, delta.end);
  if (countBreaks(removed) !== countBreaks(delta.text) || /\r/.test(removed) || /\r/.test(delta.text)) { return false; }
  const starts = base.lineStarts;
  const first = lineAt(starts, delta.start);
  const last = first + countBreaks(removed);
  if (hoverLine >= first && hoverLine <= last) { return false; }
  const from = starts[first];
  const oldEnd = lineEnd(base.text, delta.end);
  // The new version's text of those lines: everything after the replaced part is the base's.
  const oldLines = base.text.slice(from, oldEnd).split('\n');
  const newLines = (base.text.slice(from, delta.start) + delta.text + base.text.slice(delta.end, oldEnd)).split('\n');
  if (oldLines.length !== newLines.length) { return false; }

  const index = documentIndex(base);
  const escape = index.escapeChar;
  const hovered = instructionIndexAt(index, { line: hoverLine, character: 0 });
  const checked = new Set<number>();
  for (let k = 0; k < oldLines.length; k++) {
    const line = first + k;
    const before = oldLines[k];
    const after = newLines[k];
    if (before === after) { continue; }
    const at = instructionIndexAt(index, { line, character: 0 });
    if (at < 0 || at === hovered) { return false; }
    const instruction = index.instructions[at];
    if (!SAFE_KEYWORDS.has(instruction.getKeyword())) { return false; }
    if (!sameShape(before, after, escape)) { return false; }
    if (line === index.startLines[at] && leadingWord(before) !== leadingWord(after)) { return false; }
    if (!checked.has(at)) {
      checked.add(at);
      const range = instruction.getRange();
      if (hoverLine >= range.start.line && hoverLine <= range.end.line) { return false; }
      for (let l = range.start.line; l <= range.end.line; l++) { if (base.lineText(l).includes('<<')) { return false; } }
    }
  }
  return true;
}

function countBreaks(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) { n++; }
  return n;
}

/** Offset of the line break ending the line that holds `offset` (or the end of the text). */
function lineEnd(text: string, offset: number): number {
  const i = text.indexOf('\n', offset);
  return i < 0 ? text.length : i;
}

/** Both lines are ordinary instruction text (not blank, not a comment, no heredoc, no `from`) and continue alike. */
function sameShape(before: string, after: string, escape: string): boolean {
  for (const text of [before, after]) {
    const trimmed = text.trim();
    if (trimmed === '' || trimmed.startsWith('#') || text.includes('<<') || /from/i.test(text)) { return false; }
  }
  return continues(before, escape) === continues(after, escape);
}

function continues(line: string, escape: string): boolean {
  const trimmed = line.replace(/\s+$/, '');
  return trimmed.endsWith(escape);
}

function leadingWord(line: string): string {
  return /^\s*(\S*)/.exec(line)![1].toUpperCase();
}
