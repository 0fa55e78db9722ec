// Our own scanner for an instruction's raw arguments (what dockerfile-ast's private
// Instruction.getRawArguments answers, and what the parser, flags, variables, properties, heredocs and
// dockerfile-utils' validation are built on). The library builds every argument one character at a time;
// on a 1 MB line that is a million intermediate strings and seconds of garbage collection per parse.
//
// Here the text after the keyword is read as runs: the end of a run of ordinary characters is found with
// one regular-expression search and the run is kept as one slice of the document's text (adjacent slices merge, so an argument
// without escapes is a single substring); only blanks, line breaks and the escape character are looked at
// one by one. What comes out is fixed by the observable behaviour we must keep (pinned by
// test/unit/server/features/instructionArguments.test.ts against the library, on the fixture corpus,
// generated and random-alphabet documents):
//  - blanks and line breaks separate arguments; quotes are kept as they are;
//  - escape + line break (LF, CRLF, or CR followed by any one character, which is dropped) joins lines,
//    also with blanks between the escape and the break; on the joined lines leading blanks and empty
//    lines are skipped, and a line starting with `#` there is a comment line (an escape + character inside
//    it still yields that character, and the comment then lasts until the next line continuation);
//  - escape + `$` stays as both characters (so variables are not expanded), escape + other character
//    is that character, a trailing escape at the end is dropped;
//  - an argument ends at its escape when that escape is followed by blanks (then a continuation or more
//    text), and an argument interrupted by a continuation ends at the continuation's escape if nothing
//    joins it on the next line;
//  - when text follows an escape + blanks on an indented continued line, an empty argument is reported
//    first, from one character before the instruction's arguments to that escape (the library does, and
//    everything built on the list must see the same list, so we do too).
// installFastInstructionArguments() puts the scanner under every instruction of the process; server.ts
// and the validation worker call it first (test/unit/server/rawArgumentsInstall.test.ts compares parse
// trees, diagnostics and semantic tokens with and without it).
import { Argument, Instruction } from 'dockerfile-ast';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Range } from 'vscode-languageserver-types';
import { keepNewest } from '../incremental/keptShapes';

const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const HASH = 0x23;
const DOLLAR = 0x24;
const NONE = -1;

const isBlank = (c: number): boolean => c === SPACE || c === TAB;
const isBreak = (c: number): boolean => c === LF || c === CR;

const specials = new Map<number, RegExp>();
function specialCharacters(escape: number): RegExp {
  let re = specials.get(escape);
  if (!re) {
    const esc = escape === NONE ? '' : `\\u${escape.toString(16).padStart(4, '0')}`;
    re = new RegExp(`[ \\t\\r\\n${esc}]`, 'g');
    specials.set(escape, re);
  }
  return re;
}

/** What the scan reads of an instruction (`document` and `escapeChar` are protected in the typings). */
interface InstructionInternals { document: TextDocument; escapeChar: string }

/** One pass over the argument text [from, to) of the document's text; offsets are document offsets. */
class ArgumentScanner {
  readonly found: Argument[] = [];
  /** Where the argument being read began (NONE: none is open). */
  private start = NONE;
  /** Where the open argument ends if it is closed before more of its text arrives (an escape's offset). */
  private cut = NONE;
  /** After a line continuation, until argument text arrives: blanks and line breaks are skipped. */
  private joined = false;
  /** Blanks were skipped on the current joined line. */
  private indented = false;
  /** A `#` here starts a comment line (set by a continuation, cleared by ordinary text). */
  private lineHead = false;
  private comment = false;
  /** The open argument's value: finished slices, then the slice [sliceFrom, sliceTo) still growing. */
  private slices: string[] = [];
  private sliceFrom = NONE;
  private sliceTo = NONE;

  /** Matches a blank, a line break or the escape character (global: searched from `lastIndex`). */
  private readonly special: RegExp;

  constructor(private readonly document: TextDocument, private readonly text: string, private readonly from: number,
    private readonly to: number, private readonly escape: number) {
    this.special = specialCharacters(escape);
  }

  scan(): Argument[] {
    const { text, to, escape } = this;
    let i = this.from;
    while (i < to) {
      const c = text.charCodeAt(i);
      if (isBlank(c) || isBreak(c)) {
        i = this.whitespace(i);
      } else if (c === escape) {
        i = this.escaped(i);
      } else {
        const end = this.runEnd(i + 1);
        if (this.comment) {
          // skipped
        } else if (this.lineHead && c === HASH) {
          this.comment = true;
          this.lineHead = false;
        } else {
          this.text_(i, end);
          this.lineHead = false;
        }
        i = end;
      }
    }
    if (this.start !== NONE) { this.close(this.cut !== NONE ? this.cut : to); }
    return this.found;
  }

  /** The first offset at or after `i` holding a blank, a line break or the escape character. */
  private runEnd(i: number): number {
    const special = this.special;
    special.lastIndex = i;
    // Never searches far past `to`: the instruction's text ends at a line break or at the end of the text.
    const found = special.test(this.text) ? special.lastIndex - 1 : this.to;
    return found < this.to ? found : this.to;
  }

  /** Blanks and line breaks from `i`; returns the offset after them (or after the one that matters). */
  private whitespace(i: number): number {
    const { text, to } = this;
    if (!this.joined) {
      if (this.start !== NONE) { this.close(this.cut !== NONE ? this.cut : i); }
      // Nothing is open now and nothing else changes until something other than whitespace comes.
      while (i < to && (isBlank(text.charCodeAt(i)) || isBreak(text.charCodeAt(i)))) { i++; }
      return i;
    }
    for (; i < to; i++) {
      const c = text.charCodeAt(i);
      if (isBlank(c)) {
        this.indented = true;
      } else if (isBreak(c)) {
        this.indented = false;
        if (this.comment) { this.comment = false; this.lineHead = true; }
      } else {
        break;
      }
    }
    return i;
  }

  /** The escape character at `i`; returns where scanning resumes. */
  private escaped(i: number): number {
    const { text, to } = this;
    const next = i + 1 < to ? text.charCodeAt(i + 1) : NONE;
    if (next === LF || next === CR) {
      this.continuation();
      if (this.start !== NONE && this.cut === NONE) { this.cut = i; }
      // A CR is taken to be the first half of CRLF: the character after it goes with it.
      return next === LF ? i + 2 : i + 3;
    }
    if (isBlank(next)) {
      let j = i + 2;
      while (j < to && isBlank(text.charCodeAt(j))) { j++; }
      if (j === to) { return i + 1; } // escape + blanks at the very end: the blanks end the argument
      const after = text.charCodeAt(j);
      if (isBreak(after)) {
        this.continuation();
        if (this.start !== NONE) { this.cut = i; }
        return after === CR ? j + 2 : j + 1;
      }
      this.cut = i;
      // An open argument ends here (at the escape, through the blank that follows); else the blanks are skipped.
      return this.start !== NONE ? i + 1 : j;
    }
    this.beforeText();
    if (next === NONE) { return to; }
    if (next === DOLLAR) { this.take(i, i + 2); } else { this.take(i + 1, i + 2); }
    if (this.start === NONE) { this.start = i; }
    return i + 2;
  }

  private continuation(): void {
    this.comment = false;
    this.joined = true;
    this.lineHead = true;
  }

  /** Ordinary characters [from, end) outside a comment. */
  private text_(from: number, end: number): void {
    this.beforeText();
    this.take(from, end);
    if (this.start === NONE) { this.start = from; }
  }

  /** Argument text arrives: a cut left open by an escape + blanks on an indented joined line closes first. */
  private beforeText(): void {
    if (this.indented && this.cut !== NONE) { this.close(this.cut); }
    this.cut = NONE;
    this.indented = false;
    this.joined = false;
  }

  private take(from: number, end: number): void {
    if (this.sliceTo === from) { this.sliceTo = end; return; }
    if (this.sliceFrom !== NONE) { this.slices.push(this.text.substring(this.sliceFrom, this.sliceTo)); }
    this.sliceFrom = from;
    this.sliceTo = end;
  }

  private close(end: number): void {
    let value = this.sliceFrom === NONE ? '' : this.text.substring(this.sliceFrom, this.sliceTo);
    if (this.slices.length) { this.slices.push(value); value = this.slices.join(''); this.slices = []; }
    // With no argument open, the library starts the (empty) argument one character before the arguments.
    const start = this.start !== NONE ? this.start : this.from - 1;
    this.found.push(new Argument(value, Range.create(this.document.positionAt(start), this.document.positionAt(end))));
    this.start = NONE;
    this.cut = NONE;
    this.sliceFrom = NONE;
    this.sliceTo = NONE;
  }
}

/** The same list as `instruction.getRawArguments()` (private in the typings): values and ranges. */
export function rawArguments(instruction: Instruction): Argument[] {
  const { document, escapeChar } = instruction as unknown as InstructionInternals;
  const keyword = instruction.getInstructionRange();
  const range = instruction.getRange();
  const from = document.offsetAt(range.start) + document.offsetAt(keyword.end) - document.offsetAt(keyword.start);
  const to = document.offsetAt(range.end);
  if (from >= to) { return []; }
  const escape = escapeChar ? escapeChar.charCodeAt(0) : NONE;
  return keepNewest('argument scanner', new ArgumentScanner(document, document.getText(), from, to, escape)).scan();
}

type RawArguments = (this: Instruction) => Argument[];
interface WithRawArguments { getRawArguments: RawArguments }

const prototype = Instruction.prototype as unknown as WithRawArguments & Record<symbol, unknown>;
/** The library's own method, as loaded (tests compare against it). */
export const libraryGetRawArguments: RawArguments = prototype.getRawArguments;
const INSTALLED = Symbol.for('dockerLearning.rawArguments');

/**
 * Makes every dockerfile-ast instruction of this process (all subclasses and ONBUILD triggers inherit the
 * method; none overrides it) use `rawArguments`. Idempotent, and it never replaces a wrapper installed on
 * top of it later (serviceParse.ts memoizes the method): call it before anything else touches the method.
 */
export function installFastInstructionArguments(): void {
  if (prototype[INSTALLED]) { return; }
  prototype[INSTALLED] = true;
  prototype.getRawArguments = function (this: Instruction): Argument[] { return rawArguments(this); };
}
