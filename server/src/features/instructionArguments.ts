// dockerfile-ast's Instruction.getRawArguments (MIT, Remy Suen) with one change: the text of an argument is
// collected as slices of the instruction's text instead of one character at a time. The library appends
// each character to a string, which on a 1 MB line builds a million intermediate strings: 0.25 s of
// garbage collection per call. The scanning below is the library's, step for step, so the arguments (values
// and ranges) are the same; test/unit/server/features/instructionArguments.test.ts compares both on the
// fixture corpus and on generated documents.
import { Argument, Instruction } from 'dockerfile-ast';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Range } from 'vscode-languageserver-types';

/** An argument's text, as runs of the instruction's text (the escape character and line breaks left out). */
class ArgumentText {
  private pieces: string[] = [];
  private runStart = -1;
  private runEnd = -1;

  /** Appends text.slice(from, to). */
  take(text: string, from: number, to: number): void {
    if (this.runStart !== -1 && this.runEnd === from) { this.runEnd = to; return; }
    this.flush(text);
    this.runStart = from;
    this.runEnd = to;
  }

  clear(): void { this.pieces = []; this.runStart = -1; }

  value(text: string): string {
    this.flush(text);
    return this.pieces.join('');
  }

  private flush(text: string): void {
    if (this.runStart !== -1) { this.pieces.push(text.substring(this.runStart, this.runEnd)); this.runStart = -1; }
  }
}

const isNewline = (char: string): boolean => char === '\r' || char === '\n';
const isWhitespace = (char: string): boolean => char === ' ' || char === '\t' || isNewline(char);

/** What getRawArguments reads of an instruction (`document` and `escapeChar` are protected in the typings). */
interface InstructionInternals { document: TextDocument; escapeChar: string }

/** The same list as `instruction.getRawArguments()` (private in the typings), built without per-character strings. */
export function rawArguments(instruction: Instruction): Argument[] {
  const { document, escapeChar } = instruction as unknown as InstructionInternals;
  const args: Argument[] = [];
  const range = instruction.getInstructionRange();
  const extra = document.offsetAt(range.end) - document.offsetAt(range.start);
  const content = instruction.getTextContent();
  const fullArgs = content.substring(extra);
  const offset = document.offsetAt(range.start) + extra;
  let start = false;
  let comment = false;
  let found = -1;
  // determines whether the parser has found a space or tab
  // whitespace character that's a part of an escaped newline sequence
  let escapedWhitespaceDetected = false;
  // determines if the parser is currently in an escaped newline sequence
  let escaping = false;
  let escapeMarker = -1;
  const escaped = new ArgumentText();
  for (let i = 0; i < fullArgs.length; i++) {
    const char = fullArgs.charAt(i);
    if (isWhitespace(char)) {
      if (escaping) {
        escapedWhitespaceDetected = true;
        if (isNewline(char)) {
          // reached a newline, any previously
          // detected whitespace should be ignored
          escapedWhitespaceDetected = false;
          if (comment) {
            // reached a newline, no longer in a comment
            comment = false;
            start = true;
          }
        }
        continue;
      }
      else if (found !== -1) {
        if (escapeMarker === -1) {
          args.push(new Argument(escaped.value(fullArgs), Range.create(document.positionAt(offset + found), document.positionAt(offset + i))));
        }
        else {
          args.push(new Argument(escaped.value(fullArgs), Range.create(document.positionAt(offset + found), document.positionAt(offset + escapeMarker))));
        }
        escapeMarker = -1;
        escaped.clear();
        found = -1;
      }
    }
    else if (char === escapeChar) {
      const next = fullArgs.charAt(i + 1);
      if (next === ' ' || next === '\t') {
        whitespaceCheck: for (let j = i + 2; j < fullArgs.length; j++) {
          const newlineCheck = fullArgs.charAt(j);
          switch (newlineCheck) {
            case ' ':
            case '\t':
              continue;
            case '\r':
            case '\n':
              if (newlineCheck === '\r') { j++; }
              comment = false;
              escaping = true;
              start = true;
              if (found !== -1) {
                escapeMarker = i;
              }
              i = j;
              break whitespaceCheck;
            default:
              escapeMarker = i;
              if (found === -1) {
                i = j - 1;
              }
              break whitespaceCheck;
          }
        }
      }
      else if (next === '\r') {
        comment = false;
        escaping = true;
        start = true;
        if (found !== -1 && escapeMarker === -1) {
          escapeMarker = i;
        }
        i += 2;
      }
      else if (next === '\n') {
        comment = false;
        escaping = true;
        start = true;
        if (found !== -1 && escapeMarker === -1) {
          escapeMarker = i;
        }
        i++;
      }
      else {
        if (escapedWhitespaceDetected && escapeMarker !== -1) {
          args.push(new Argument(escaped.value(fullArgs), Range.create(document.positionAt(offset + found), document.positionAt(offset + escapeMarker))));
          escaped.clear();
          found = -1;
        }
        escapeMarker = -1;
        escapedWhitespaceDetected = false;
        escaping = false;
        if (next === '$') {
          escaped.take(fullArgs, i, i + 2);
        }
        else if (next === '') {
          // reached EOF, stop processing
          break;
        }
        else {
          escaped.take(fullArgs, i + 1, i + 2);
        }
        if (found === -1) {
          found = i;
        }
        i++;
      }
    }
    else if (!comment) {
      if (start && char === '#') {
        comment = true;
      }
      else {
        if (escapedWhitespaceDetected && escapeMarker !== -1) {
          args.push(new Argument(escaped.value(fullArgs), Range.create(document.positionAt(offset + found), document.positionAt(offset + escapeMarker))));
          escaped.clear();
          found = -1;
        }
        escapedWhitespaceDetected = false;
        escaping = false;
        escapeMarker = -1;
        escaped.take(fullArgs, i, i + 1);
        if (found === -1) {
          found = i;
        }
      }
      // non-whitespace character detected, reset
      start = false;
    }
  }
  if (found !== -1) {
    if (escapeMarker === -1) {
      args.push(new Argument(escaped.value(fullArgs), Range.create(document.positionAt(offset + found), document.positionAt(offset + fullArgs.length))));
    }
    else {
      args.push(new Argument(escaped.value(fullArgs), Range.create(document.positionAt(offset + found), document.positionAt(offset + escapeMarker))));
    }
  }
  return args;
}
