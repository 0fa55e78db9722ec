// Splitting an instruction's (joined) arguments into words, flags and key=value properties, with
// positions. dockerfile-ast can do this too, but it re-parses the instruction on every call and most
// of its helpers go through the whole document; for a linear rule set we tokenize once, here.
import type { Range } from 'vscode-languageserver-types';
import type { LogicalText } from './logicalText';

export interface TextWord {
  /** As written (quotes kept). */
  raw: string;
  /** Quotes removed and escapes resolved (Docker's word processing, without variable expansion). */
  value: string;
  start: number;
  end: number;
}

/** Words separated by unquoted blanks. */
export function splitWords(text: string, escape: string, from = 0): TextWord[] {
  const words: TextWord[] = [];
  const n = text.length;
  let i = from;
  while (i < n) {
    while (i < n && isBlank(text.charCodeAt(i))) { i++; }
    if (i >= n) { break; }
    const start = i;
    // Fast path: a word without quotes or escapes is its own value.
    let j = i;
    const esc = escape.charCodeAt(0);
    for (; j < n; j++) {
      const code = text.charCodeAt(j);
      if (code === 32 || code === 9 || code === 13 || code === 10 || code === 34 || code === 39 || code === esc) { break; }
    }
    if (j >= n || isBlank(text.charCodeAt(j))) {
      const raw = text.slice(i, j);
      words.push({ raw, value: raw, start, end: j });
      i = j;
      continue;
    }
    let value = '';
    let quote = '';
    while (i < n) {
      const c = text[i];
      if (!quote && isBlank(text.charCodeAt(i))) { break; }
      if (c === escape && i + 1 < n) {
        // Inside single quotes the escape character is literal.
        if (quote === "'") { value += c; i++; continue; }
        value += text[i + 1];
        i += 2;
        continue;
      }
      if (quote) {
        if (c === quote) { quote = ''; } else { value += c; }
      } else if (c === '"' || c === "'") {
        quote = c;
      } else {
        value += c;
      }
      i++;
    }
    words.push({ raw: text.slice(start, i), value, start, end: i });
  }
  return words;
}

function isBlank(code: number): boolean { return code === 32 || code === 9 || code === 13 || code === 10; }

export interface FlagWord {
  name: string;
  value: string | null;
  readonly range: Range;
  readonly valueRange: Range | null;
}

/** Ranges are computed when a rule asks for one: most words are never reported. */
class LazyFlag implements FlagWord {
  constructor(readonly name: string, readonly value: string | null, private readonly text: LogicalText, private readonly start: number, private readonly end: number, private readonly eq: number) {}
  get range(): Range { return this.text.rangeOf(this.start, this.end); }
  get valueRange(): Range | null { return this.eq < 0 ? null : this.text.rangeOf(this.start + this.eq + 1, this.end); }
}

/** Leading `--name[=value]` words, and the index of the first word after them. */
export function leadingFlags(words: TextWord[], text: LogicalText): { flags: FlagWord[]; rest: number } {
  const flags: FlagWord[] = [];
  let i = 0;
  for (; i < words.length; i++) {
    const w = words[i];
    if (!w.raw.startsWith('--')) { break; }
    const eq = w.raw.indexOf('=');
    flags.push(eq < 0
      ? new LazyFlag(w.raw.slice(2), null, text, w.start, w.end, -1)
      : new LazyFlag(w.raw.slice(2, eq), w.value.slice(w.value.indexOf('=') + 1), text, w.start, w.end, eq));
  }
  return { flags, rest: i };
}

export interface PropertyWord {
  name: string;
  /** The value with quotes removed; null for `ARG NAME` without one. */
  value: string | null;
  /** False for the legacy `ENV NAME value` form. */
  equals: boolean;
  readonly nameRange: Range;
  readonly valueRange: Range | null;
  readonly range: Range;
}

class LazyProperty implements PropertyWord {
  constructor(readonly name: string, readonly value: string | null, readonly equals: boolean, private readonly text: LogicalText,
    private readonly start: number, private readonly nameEnd: number, private readonly valueStart: number, private readonly end: number) {}
  get nameRange(): Range { return this.text.rangeOf(this.start, this.nameEnd); }
  get valueRange(): Range | null { return this.valueStart < 0 ? null : this.text.rangeOf(this.valueStart, this.end); }
  get range(): Range { return this.text.rangeOf(this.start, this.end); }
}

/** ARG / ENV / LABEL properties: `a=1 b="x y"`, or the legacy `NAME rest of line` (ENV, LABEL). */
export function properties(words: TextWord[], text: LogicalText, allowLegacy: boolean): PropertyWord[] {
  if (words.length === 0) { return []; }
  const first = words[0];
  if (allowLegacy && !first.raw.includes('=')) {
    // Everything after the name is one value.
    if (words.length === 1) { return [new LazyProperty(first.value, null, false, text, first.start, first.end, -1, first.end)]; }
    const last = words[words.length - 1];
    return [new LazyProperty(first.value, text.text.slice(words[1].start, last.end), false, text, first.start, first.end, words[1].start, last.end)];
  }
  return words.map((w) => {
    const eq = w.raw.indexOf('=');
    const nameEnd = eq < 0 ? w.end : w.start + eq;
    return new LazyProperty(w.raw.slice(0, eq < 0 ? undefined : eq), eq < 0 ? null : w.value.slice(w.value.indexOf('=') + 1), eq >= 0, text, w.start, nameEnd, eq < 0 ? -1 : nameEnd + 1, w.end);
  });
}

export interface HeredocMarker {
  name: string;
  /** `<<-`: leading tabs of the body and the delimiter line are removed. */
  stripTabs: boolean;
  start: number;
  end: number;
}

/** `<<EOF`, `<<-EOT`, `<<"EOF"` markers on an instruction line (RUN, COPY, ADD). */
export function heredocMarkers(text: string): HeredocMarker[] {
  const markers: HeredocMarker[] = [];
  const re = /<<(-?)(["']?)([A-Za-z0-9_][A-Za-z0-9_.-]*)\2/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    markers.push({ name: m[3], stripTabs: m[1] === '-', start: m.index, end: m.index + m[0].length });
  }
  return markers;
}

/** Offsets of the string literals of a JSON array of strings (the text must already be one). */
export function jsonStringLiterals(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const re = /"(?:[^"\\]|\\.)*"/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) { out.push({ start: m.index, end: m.index + m[0].length }); }
  return out;
}

/** A word with its position, the range computed on demand. */
export class ArgWord {
  constructor(readonly value: string, readonly raw: string, private readonly text: LogicalText, readonly start: number, readonly end: number) {}
  get range(): Range { return this.text.rangeOf(this.start, this.end); }
}
