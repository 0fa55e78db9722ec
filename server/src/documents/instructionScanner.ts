// A fast scan of a Dockerfile into instructions, comments and directives — the parts of dockerfile-ast's
// tree the teaching rules read (server/src/diagnostics/model/). dockerfile-ast builds a full object per
// instruction and tokenizes every RUN/COPY/ADD while parsing (to look for heredocs): half a second on a
// 25,000-line file, superlinear. This scan finds the same boundaries in one pass over the characters and
// builds nothing else. Where the two could disagree — a heredoc (`<<` in a RUN, COPY, ADD or ONBUILD) or a
// lone carriage return (a line break to dockerfile-ast, not to our line arrays) — `scanDockerfile` returns
// undefined and the caller parses with dockerfile-ast. test/unit/server/performance/instructionScanner.test.ts
// compares every boundary with dockerfile-ast on the fixture corpus and on generated documents.
import { DockerfileParser } from 'dockerfile-ast';
import type { ParserDirective } from 'dockerfile-ast';
import type { Position, Range } from 'vscode-languageserver-types';
import type { TextDelta } from './textDelta';
import { computeLineStarts, hasLoneCarriageReturn, lineAt, shiftLineStarts } from './lineStarts';
import { keepNewest } from '../incremental/keptShapes';

/** What the rules read of an instruction (a subset of dockerfile-ast's Instruction, same meaning). */
export interface InstructionLike {
  getRange(): Range;
  getInstructionRange(): Range;
  /** The instruction word as written, with escaped line breaks inside it removed. */
  getInstruction(): string;
  getKeyword(): string;
  /** The instruction's text as written (continuations, comments inside it and all); only the fast scan has it. */
  rawText?(): string;
  /** getRange().start's line and character without building the range (the fast scan; compared on every keystroke). */
  startLine?(): number;
  startCharacter?(): number;
}

/** What the rules read of a comment. */
export interface CommentLike {
  getRange(): Range;
  /** The text after `#`, without surrounding whitespace. */
  getContent(): string;
}

/** What the rules read of a parsed Dockerfile. */
export interface DockerfileLike {
  getInstructions(): InstructionLike[];
  getComments(): CommentLike[];
  getDirectives(): ParserDirective[];
  getEscapeCharacter(): string;
}

const SPACE = 32, TAB = 9, CR = 13, LF = 10, HASH = 35;

class Positions {
  constructor(readonly text: string, readonly starts: Int32Array) {}
  lineStart(line: number): number { return line < this.starts.length ? this.starts[line] : this.text.length; }
  /** As TextDocument.positionAt: an offset inside a line break counts as the end of that line's text. */
  at(offset: number): Position {
    const line = lineAt(this.starts, offset);
    const start = this.starts[line];
    let o = Math.min(offset, this.text.length);
    while (o > start && (this.text.charCodeAt(o - 1) === CR || this.text.charCodeAt(o - 1) === LF)) { o--; }
    return { line, character: o - start };
  }
}

class ScannedInstruction implements InstructionLike {
  private range: Range | undefined;
  private wordRange: Range | undefined;
  private keyword: string | undefined;
  /** The line it starts on, once asked (kept while the scans carry it unmoved; -1 when not known). */
  private line = -1;
  constructor(private positions: Positions, public start: number, public wordEnd: number, public end: number, private readonly word: string) {}
  /** Taken into a later version's scan unchanged (it ends before the edit): reads that version's text from now on. */
  moveTo(positions: Positions): this { this.positions = positions; return this; }
  /**
   * Taken into a later version's scan past the edit, `shift` characters further (a consumed scan, see
   * ScanBase.consume); its ranges are kept when `sameLines` (the edit moved no line break before it).
   */
  shiftTo(positions: Positions, shift: number, sameLines: boolean): this {
    this.positions = positions;
    this.start += shift; this.wordEnd += shift; this.end += shift;
    if (!sameLines) { this.range = undefined; this.wordRange = undefined; this.line = -1; }
    return this;
  }
  getRange(): Range { return this.range ??= { start: this.positions.at(this.start), end: this.positions.at(this.end) }; }
  getInstructionRange(): Range { return this.wordRange ??= { start: this.getRange().start, end: this.positions.at(this.wordEnd) }; }
  // An instruction starts on a word, never inside a line break: its start is its line's start plus the column.
  startLine(): number {
    if (this.line < 0) { this.line = this.range?.start.line ?? lineAt(this.positions.starts, this.start); }
    return this.line;
  }
  startCharacter(): number { return this.start - this.positions.starts[this.startLine()]; }
  getInstruction(): string { return this.word; }
  getKeyword(): string { return this.keyword ??= this.word.toUpperCase(); }
  rawText(): string { return this.positions.text.slice(this.start, this.end); }
}

class ScannedComment implements CommentLike {
  private range: Range | undefined;
  constructor(private positions: Positions, public start: number, public end: number,
    /** Inside an instruction's continuation (not where a scan could resume). */
    readonly nested: boolean) {}
  moveTo(positions: Positions): this { this.positions = positions; return this; }
  /** As ScannedInstruction.shiftTo. */
  shiftTo(positions: Positions, shift: number, sameLines: boolean): this {
    this.positions = positions;
    this.start += shift; this.end += shift;
    if (!sameLines) { this.range = undefined; }
    return this;
  }
  getRange(): Range { return this.range ??= { start: this.positions.at(this.start), end: this.positions.at(this.end) }; }
  getContent(): string {
    // Whitespace here is what dockerfile-ast counts: space, tab, \r, \n.
    return this.positions.text.slice(this.start + 1, this.end).replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
  }
}

class ScannedDockerfile implements DockerfileLike {
  /** Each instruction's first and last line (scannedLineSpans), made on first use: a scan never changes. */
  spans: { first: Int32Array; last: Int32Array } | undefined;
  constructor(readonly positions: Positions, readonly instructions: ScannedInstruction[], readonly comments: ScannedComment[],
    private readonly directives: ParserDirective[], private readonly escape: string,
    /** Offset where instructions may start (after the directive lines). */
    readonly start: number) {}
  getInstructions(): InstructionLike[] { return this.instructions; }
  getComments(): CommentLike[] { return this.comments; }
  getDirectives(): ParserDirective[] { return this.directives; }
  getEscapeCharacter(): string { return this.escape; }
}

/** The line starts the scan computed for its text (the same as computeLineStarts'), if `tree` is a scan. */
export function scannedLineStarts(tree: DockerfileLike): Int32Array | undefined {
  return tree instanceof ScannedDockerfile ? tree.positions.starts : undefined;
}

/**
 * The first and last line of each instruction, in order, for a scan: from its offsets, without building
 * each instruction's range (the chunk pass and the rules model read them on every keystroke; ranges are
 * objects). Made once per scan and shared: read-only. Undefined for a dockerfile-ast tree.
 */
export function scannedLineSpans(tree: DockerfileLike): { first: Int32Array; last: Int32Array } | undefined {
  if (!(tree instanceof ScannedDockerfile)) { return undefined; }
  return tree.spans ??= lineSpans(tree);
}

function lineSpans(tree: ScannedDockerfile): { first: Int32Array; last: Int32Array } {
  const { instructions } = tree;
  const starts = tree.positions.starts;
  const first = new Int32Array(instructions.length);
  const last = new Int32Array(instructions.length);
  // Both offsets only grow from one instruction to the next: one walk down the line starts for each.
  let a = 0;
  let b = 0;
  for (let i = 0; i < instructions.length; i++) {
    const { start, end } = instructions[i];
    while (a + 1 < starts.length && starts[a + 1] <= start) { a++; }
    if (b < a) { b = a; }
    while (b + 1 < starts.length && starts[b + 1] <= end) { b++; }
    first[i] = a;
    last[i] = b;
  }
  return { first, last };
}

/** The line each instruction starts on, in order (for a scan: its line spans, without building ranges). Read-only. */
export function instructionStartLines(tree: DockerfileLike): Int32Array {
  const spans = scannedLineSpans(tree);
  if (spans) { return spans.first; }
  const instructions = tree.getInstructions();
  const lines = new Int32Array(instructions.length);
  for (let i = 0; i < instructions.length; i++) { lines[i] = instructions[i].getRange().start.line; }
  return lines;
}

const HEREDOC_KEYWORDS = new Set(['RUN', 'COPY', 'ADD', 'ONBUILD']);
/** Conservative: any `<<`, or a `<` in an instruction with line breaks (an escaped break could join `<` `<`). */
function mayHoldHeredoc(args: string): boolean {
  return args.includes('<<') || (args.includes('<') && /[\r\n]/.test(args));
}

/** The previous version's scan and the one replacement that turned its text into this one. */
export interface ScanBase {
  text: string;
  tree: DockerfileLike;
  delta: TextDelta;
  /**
   * Nothing reads the previous scan any more once this one is made (the validation worker: one document
   * state, replaced): its items past the edit are shifted in place and its list of instructions becomes
   * this scan's, instead of copies. At 25,011 lines a keystroke in the middle otherwise made ~7,500 new
   * instructions and a new list of 15,000, all kept until the next keystroke and so promoted to the old
   * generation (~0.9 MB of garbage per keystroke). Without it the previous scan stays valid.
   */
  consume?: boolean;
}

/**
 * The instructions, comments and directives of `text` with dockerfile-ast's boundaries, or undefined when
 * the text holds something this scan leaves to dockerfile-ast (a heredoc candidate, a lone \r).
 */
export function scanDockerfile(text: string, base?: ScanBase): DockerfileLike | undefined {
  const previous = base && base.tree instanceof ScannedDockerfile ? base.tree : undefined;
  if (previous && base) {
    // The previous text had no lone \r: this one has one only around the replacement.
    if (loneCarriageReturnNear(text, base.delta.start - 1, base.delta.start + base.delta.text.length + 1)) { return undefined; }
  } else if (hasLoneCarriageReturn(text)) { return undefined; }
  // Line starts: the previous version's, shifted past the edit (the text is read only around it).
  const positions = new Positions(text, previous && base ? shiftLineStarts(previous.positions.starts, base.delta) : computeLineStarts(text));
  const length = text.length;

  // Parser directives sit on the first lines; dockerfile-ast reads them from the leading `#` lines alone.
  let prologueEnd = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (;;) {
    let i = prologueEnd;
    while (i < length && (text.charCodeAt(i) === SPACE || text.charCodeAt(i) === TAB)) { i++; }
    if (i >= length || text.charCodeAt(i) !== HASH) { break; }
    const nl = text.indexOf('\n', i);
    if (nl < 0) { prologueEnd = length; break; }
    prologueEnd = nl + 1;
  }
  const prologue = DockerfileParser.parse(text.slice(0, prologueEnd > 0 && text.charCodeAt(prologueEnd - 1) === LF ? prologueEnd - 1 : prologueEnd));
  const directives = prologue.getDirectives();
  const escape = prologue.getEscapeCharacter();
  const esc = escape.charCodeAt(0);

  const instructions: ScannedInstruction[] = [];
  const comments: ScannedComment[] = [];
  // Instructions start after the directive lines (dockerfile-ast: the line numbered like the count of directives).
  const start = directives.length > 0 ? positions.lineStart(directives.length) : text.charCodeAt(0) === 0xfeff ? 1 : 0;

  const isBreak = (c: number): boolean => c === LF || c === CR;
  const isBlank = (c: number): boolean => c === SPACE || c === TAB;

  /** A comment from `#` at `at` to the end of its line; returns where it ends (its line break or EOF). */
  const comment = (at: number, nested: boolean): number => {
    let end = at + 1;
    while (end < length && !isBreak(text.charCodeAt(end))) { end++; }
    comments.push(new ScannedComment(positions, at, end, nested));
    return end;
  };

  /**
   * The arguments after the instruction word, from the blank at `from`: runs to the first line break
   * not escaped; comment lines inside a continuation are comments. Returns the offset where it ends.
   */
  const hasCR = text.includes('\r');
  const nextBreak = (from: number): number => {
    const lf = text.indexOf('\n', from);
    if (!hasCR) { return lf; }
    const cr = text.indexOf('\r', from);
    return cr < 0 ? lf : lf < 0 ? cr : Math.min(cr, lf);
  };
  const argumentsEnd = (from: number): number => {
    let continued = false;
    for (let i = from + 1; i < length; i++) {
      if (!continued) {
        // Outside a continuation only the escape character and a line break change anything: jump to
        // whichever comes first (most lines hold no escape at all and end the instruction right here).
        const lineEnd = nextBreak(i);
        const escapeAt = text.indexOf(escape, i);
        if (escapeAt < 0 || (lineEnd >= 0 && escapeAt > lineEnd)) { return lineEnd < 0 ? length : lineEnd; }
        i = escapeAt;
      }
      const c = text.charCodeAt(i);
      if (isBreak(c)) {
        if (continued) { continue; }
        return i;
      }
      if (c === esc) {
        const next = text.charCodeAt(i + 1);
        if (isBreak(next)) { continued = true; i++; continue; }
        if (isBlank(next)) {
          // The escape character, blanks, then a line break: still a continuation.
          let j = i + 2;
          while (j < length && isBlank(text.charCodeAt(j))) { j++; }
          if (j >= length) { return length; }
          if (isBreak(text.charCodeAt(j))) { continued = true; }
          // dockerfile-ast moves past the character found (a line break, or the first one after the blanks).
          i = j;
          continue;
        }
        // An escaped ordinary character: the escape is consumed, the character is looked at next.
        continue;
      }
      if (c === HASH) {
        if (continued) { i = comment(i, true); }
        continue;
      }
      if (!isBlank(c) && continued) { continued = false; }
    }
    return length;
  };

  /** One instruction from its first character at `at`; returns where it ends. */
  const instruction = (at: number): number => {
    let word = text[at];
    let wordEnd = -1;
    let escaped = false;
    const add = (end: number): void => { instructions.push(new ScannedInstruction(positions, at, wordEnd, end, word)); };
    for (let i = at + 1; i < length; i++) {
      const c = text.charCodeAt(i);
      if (c === esc) {
        escaped = true;
        const next = text.charCodeAt(i + 1);
        if (isBreak(next)) {
          if (wordEnd === -1) { wordEnd = i; }
          i++;
        } else if (isBlank(next)) {
          let j = i + 2;
          while (j < length && isBlank(text.charCodeAt(j))) { j++; }
          if (j >= length) {
            wordEnd = i + 1; word += escape;
            add(length);
            return length;
          }
          if (isBreak(text.charCodeAt(j))) { i = j; continue; }
          // The escaped blank ends the word; the blanks after it start the arguments.
          wordEnd = i + 1; word += escape;
          i = j - 2;
        } else {
          wordEnd = i + 1; word += escape;
          escaped = false;
        }
        continue;
      }
      if (isBlank(c)) {
        if (escaped) {
          let j = i + 1;
          while (j < length && isBlank(text.charCodeAt(j))) { j++; }
          if (j < length && isBreak(text.charCodeAt(j))) { i = j; continue; }
          escaped = false;
        }
        if (wordEnd === -1) { wordEnd = i; }
        const end = argumentsEnd(i);
        const keyword = word.toUpperCase();
        if (HEREDOC_KEYWORDS.has(keyword) && mayHoldHeredoc(text.slice(i, end))) { throw new NeedsFullParse(); }
        add(end);
        return end;
      }
      if (isBreak(c)) {
        if (escaped) { continue; }
        if (wordEnd === -1) { wordEnd = i; }
        add(i);
        return i;
      }
      if (c === HASH && escaped) { continue; }
      wordEnd = i + 1;
      word += text[i];
      escaped = false;
    }
    if (wordEnd === -1) { wordEnd = length; }
    add(length);
    return length;
  };

  // With the previous version's scan: what ends before the replacement is taken as it is, the scan resumes
  // after it, and once it reaches (past the replacement) a place where the previous scan started an
  // instruction or a comment at top level, the rest is the previous scan's, shifted. The text from there on
  // is the same, and so is the scanner's state (top level), so it would find the same items.
  let resumeAt = start;
  let resync: ((i: number) => boolean) | undefined;
  // A consumed previous scan (ScanBase.consume): `instructions` collects only what is scanned anew, and the
  // previous list takes it in place of its items [kept, resumedAt) at the end.
  const consume = base?.consume === true;
  let reused: ScannedInstruction[] | undefined;
  let kept = 0;
  let resumedAt: number | undefined;
  let shift = 0;
  /** Items starting at or after this offset of the previous text keep their ranges when shifted (ScannedInstruction.shiftTo). */
  let laterLines = Infinity;
  // What resync reads of the previous scan: emptied at the end, resync outlives the scan (see below).
  let old: readonly ScannedInstruction[] = [];
  let previousComments: readonly ScannedComment[] = [];
  let topComments: readonly ScannedComment[] = [];
  if (previous && base && previous.start === start && previous.getEscapeCharacter() === escape && sameDirectives(previous.getDirectives(), directives)) {
    const { delta } = base;
    shift = delta.text.length - (delta.end - delta.start);
    const deltaEnd = delta.end;
    if (consume && countBreaks(delta.text, 0, delta.text.length) === countBreaks(base.text, delta.start, delta.end)) {
      // No line break added or removed: whatever starts on a line after the edit keeps its line and column.
      const oldStarts = previous.positions.starts;
      const line = lineAt(oldStarts, delta.end) + 1;
      laterLines = line < oldStarts.length ? oldStarts[line] : Infinity;
    }
    old = previous.instructions;
    if (consume) { reused = previous.instructions; }
    let k = 0;
    // Taken as they are, but moved onto this version's text (identical up to the edit, and so are the
    // line starts): an item keeping the text it was scanned from would keep every version a learner
    // ever edited alive, one whole text per place edited (0.85 MB each at 25k lines).
    while (k < old.length && old[k].end < delta.start) { old[k].moveTo(positions); if (!consume) { instructions.push(old[k]); } k++; }
    kept = k;
    let resume = k > 0 ? old[k - 1].end : -1;
    for (const c of previous.comments) {
      if (c.end >= delta.start) { break; }
      if (!c.nested && c.end > resume) { resume = c.end; }
    }
    for (const c of previous.comments) { if (c.start < resume) { comments.push(c.moveTo(positions)); } else { break; } }
    if (resume >= 0) { resumeAt = resume; }
    previousComments = previous.comments;
    topComments = previousComments.filter((c) => !c.nested);
    resync = (i: number): boolean => {
      const at = i - shift;
      if (at < deltaEnd) { return false; }
      const n = firstAtOrAfter(old, at);
      const m = firstAtOrAfter(topComments, at);
      if (old[n]?.start !== at && topComments[m]?.start !== at) { return false; }
      resumedAt = n;
      if (!consume) {
        for (let x = n; x < old.length; x++) {
          const o = old[x];
          instructions.push(new ScannedInstruction(positions, o.start + shift, o.wordEnd + shift, o.end + shift, o.getInstruction()));
        }
      }
      for (let x = firstAtOrAfter(previousComments, at); x < previousComments.length; x++) {
        const o = previousComments[x];
        comments.push(consume ? o.shiftTo(positions, shift, o.start >= laterLines) : new ScannedComment(positions, o.start + shift, o.end + shift, o.nested));
      }
      return true;
    };
  }

  try {
    for (let i = resumeAt; i < length; i++) {
      const c = text.charCodeAt(i);
      if (isBlank(c) || isBreak(c)) { continue; }
      if (resync?.(i)) { break; }
      i = c === HASH ? comment(i, false) : instruction(i);
    }
  } catch (e) {
    if (e instanceof NeedsFullParse) { return undefined; }
    throw e;
  }
  let list: ScannedInstruction[] = instructions;
  if (reused) {
    list = replaceItems(reused, kept, resumedAt ?? reused.length, instructions);
    for (let x = kept + instructions.length; x < list.length; x++) { list[x].shiftTo(positions, shift, list[x].start >= laterLines); }
  }
  // Kept until the next scan so that V8 keeps their optimized code; the previous version's scan is not kept.
  old = []; previousComments = []; topComments = [];
  keepNewest('instruction scan', [comment, argumentsEnd, instruction, resync]);
  return new ScannedDockerfile(positions, list, comments, directives, escape, start);
}

/** `list` with its items [from, to) replaced by `items`: in place, unless that would move many. */
function replaceItems<T>(list: T[], from: number, to: number, items: T[]): T[] {
  if (items.length === to - from) {
    for (let i = 0; i < items.length; i++) { list[from + i] = items[i]; }
    return list;
  }
  if (items.length <= 1024) { list.splice(from, to - from, ...items); return list; }
  return list.slice(0, from).concat(items, list.slice(to));
}

/** Line feeds in text[from, to). */
function countBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) { n++; }
  return n;
}

/** Index of the first item starting at or after `offset` (items sorted by start). */
function firstAtOrAfter(items: readonly { start: number }[], offset: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].start < offset) { lo = mid + 1; } else { hi = mid; }
  }
  return lo;
}

function sameDirectives(a: ParserDirective[], b: ParserDirective[]): boolean {
  if (a.length !== b.length) { return false; }
  for (let i = 0; i < a.length; i++) {
    if (a[i].getName() !== b[i].getName() || a[i].getValue() !== b[i].getValue() || JSON.stringify(a[i].getRange()) !== JSON.stringify(b[i].getRange())) { return false; }
  }
  return true;
}

class NeedsFullParse extends Error {}

/** A \r not followed by \n at an offset in [from, to]. */
function loneCarriageReturnNear(text: string, from: number, to: number): boolean {
  for (let i = Math.max(0, from); i <= to && i < text.length; i++) {
    if (text.charCodeAt(i) === CR && text.charCodeAt(i + 1) !== LF) { return true; }
  }
  return false;
}
