// Finds `$NAME` and `${NAME…}` references in an instruction's text the way Docker's word expansion
// does: the escape character protects a `$`, single quotes keep their content literal, and a default
// or alternative value (`${A:-$B}`) may itself reference variables.
//
// Our own scanner instead of dockerfile-ast's getVariables(): that one resolves every reference
// against the whole file (quadratic), and we only need positions.
import type { Range } from 'vscode-languageserver-types';
import type { LogicalText } from './logicalText';

export class ScannedVariable {
  constructor(
    readonly name: string,
    /** `-`, `+`, `?`, `:-`, `:+`, `:?` or undefined for a plain reference. */
    readonly modifier: string | undefined,
    private readonly text: LogicalText,
    private readonly start: number, private readonly end: number,
    private readonly nameStart: number, private readonly nameEnd: number,
  ) {}
  /** `$NAME` or `${NAME…}` in full (ranges are computed on demand: most references are never reported). */
  get range(): Range { return this.text.rangeOf(this.start, this.end); }
  get nameRange(): Range { return this.text.rangeOf(this.nameStart, this.nameEnd); }
}

export function scanVariables(text: LogicalText, escape: string, singleQuotesAreLiteral = true): ScannedVariable[] {
  const out: ScannedVariable[] = [];
  scan(text, text.text, 0, text.text.length, escape, singleQuotesAreLiteral, out);
  return out;
}

function isNameStart(code: number): boolean { return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95; }
function isNamePart(code: number): boolean { return isNameStart(code) || (code >= 48 && code <= 57); }

function scan(text: LogicalText, s: string, from: number, to: number, escape: string, singleLiteral: boolean, out: ScannedVariable[]): void {
  let i = from;
  // Without quotes or escapes, jump from one `$` to the next.
  const plain = s.indexOf(escape, from) < 0 && s.indexOf('"', from) < 0 && s.indexOf("'", from) < 0;
  let inDouble = false;
  while (i < to) {
    if (plain) {
      const next = s.indexOf('$', i);
      if (next < 0 || next >= to) { return; }
      i = next;
    }
    const c = s[i];
    if (c === escape) { i += 2; continue; }
    if (c === '"') { inDouble = !inDouble; i++; continue; }
    if (c === "'" && !inDouble && singleLiteral) {
      const close = s.indexOf("'", i + 1);
      i = close < 0 || close >= to ? to : close + 1;
      continue;
    }
    if (c !== '$') { i++; continue; }
    if (s[i + 1] === '{') {
      let j = i + 2;
      if (!isNameStart(s.charCodeAt(j))) { i += 2; continue; }
      while (j < to && isNamePart(s.charCodeAt(j))) { j++; }
      const name = s.slice(i + 2, j);
      let modifier: string | undefined;
      const m = /^(:?[-+?])/.exec(s.slice(j, j + 2));
      let wordStart = j;
      if (m) { modifier = m[1]; wordStart = j + m[1].length; }
      const close = matchingBrace(s, i + 1, to, escape);
      out.push(new ScannedVariable(name, modifier, text, i, close, i + 2, j));
      if (modifier) { scan(text, s, wordStart, Math.max(wordStart, close - 1), escape, singleLiteral, out); }
      i = close;
      continue;
    }
    if (isNameStart(s.charCodeAt(i + 1))) {
      let j = i + 1;
      while (j < to && isNamePart(s.charCodeAt(j))) { j++; }
      out.push(new ScannedVariable(s.slice(i + 1, j), undefined, text, i, j, i + 1, j));
      i = j;
      continue;
    }
    i++;
  }
}

/** Offset just after the `}` closing the `{` at `open`, nested `${…}` included. */
function matchingBrace(s: string, open: number, to: number, escape: string): number {
  let depth = 0;
  for (let i = open; i < to; i++) {
    const c = s[i];
    if (c === escape) { i++; continue; }
    if (c === '{') { depth++; } else if (c === '}') { depth--; if (depth === 0) { return i + 1; } }
  }
  return to;
}
