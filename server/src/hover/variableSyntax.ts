// Variable references as Docker's shell-word lexer sees them: `$NAME`, `${NAME}`, `${NAME<op>word}`.
// A hand-written scanner, because dockerfile-ast's Instruction.getVariables() resolves every variable it
// finds against the whole stage (quadratic on big files); here scanning is pure text work.

export interface VarRef {
  name: string;
  /** Offsets into the scanned text: the whole reference (`$` … `}`), end exclusive. */
  start: number;
  end: number;
  braced: boolean;
  /** `:-`, `-`, `:+`, `+`, `:?`, `?`, `#`, `##`, `%`, `%%`, `/`, `//`; undefined for `$X` and `${X}`. */
  op?: string;
  word?: string;
  /** References nested inside `word` (offsets are into the same scanned text). */
  inner: VarRef[];
}

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;
// Longest first, so `:-` wins over `-` and `##` over `#`.
const OPERATORS = [':-', ':+', ':?', '##', '%%', '//', '-', '+', '?', '#', '%', '/'];

/** All top-level references in `text`; `offset` is added to every position (used for nested words). */
export function scanVariables(text: string, escapeChar = '\\', offset = 0): VarRef[] {
  const refs: VarRef[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === escapeChar) { i += 2; continue; }
    if (c !== '$') { i++; continue; }
    const ref = readRef(text, i, escapeChar, offset);
    if (ref) { refs.push(ref); i = ref.end - offset; } else { i++; }
  }
  return refs;
}

function readRef(text: string, at: number, escapeChar: string, offset: number): VarRef | undefined {
  const next = text[at + 1];
  if (next === undefined) { return undefined; }
  if (next !== '{') {
    if (!NAME_START.test(next)) { return undefined; }
    let j = at + 2;
    while (j < text.length && NAME_CHAR.test(text[j])) { j++; }
    return { name: text.slice(at + 1, j), start: offset + at, end: offset + j, braced: false, inner: [] };
  }
  let j = at + 2;
  if (!NAME_START.test(text[j] ?? '')) { return undefined; }
  while (j < text.length && NAME_CHAR.test(text[j])) { j++; }
  const name = text.slice(at + 2, j);
  if (text[j] === '}') { return { name, start: offset + at, end: offset + j + 1, braced: true, inner: [] }; }
  const op = OPERATORS.find((o) => text.startsWith(o, j));
  if (!op) { return undefined; }
  const wordStart = j + op.length;
  let depth = 0;
  for (let k = wordStart; k < text.length; k++) {
    const ch = text[k];
    if (ch === escapeChar) { k++; continue; }
    if (ch === '$' && text[k + 1] === '{') { depth++; k++; continue; }
    if (ch === '}') {
      if (depth === 0) {
        const word = text.slice(wordStart, k);
        return { name, start: offset + at, end: offset + k + 1, braced: true, op, word, inner: scanVariables(word, escapeChar, offset + wordStart) };
      }
      depth--;
    }
  }
  return undefined;
}

/** The innermost reference whose text covers `index` (end exclusive). */
export function variableAt(refs: VarRef[], index: number): VarRef | undefined {
  for (const ref of refs) {
    if (index >= ref.start && index < ref.end) { return variableAt(ref.inner, index) ?? ref; }
  }
  return undefined;
}

/**
 * What a name stands for while expanding: a string when known (possibly empty), null when known to be
 * unset, undefined when only the build (a --build-arg, the base image's environment) can tell.
 */
export type Lookup = (name: string) => string | null | undefined;

/**
 * Substitutes what is known and keeps the rest as written, so `ENV PATH=/app/bin:$PATH` stays readable
 * when PATH comes from the base image.
 */
export function expandVariables(text: string, lookup: Lookup, escapeChar = '\\'): string {
  const refs = scanVariables(text, escapeChar);
  if (refs.length === 0) { return text; }
  let out = '';
  let last = 0;
  for (const ref of refs) {
    out += text.slice(last, ref.start);
    const replaced = substitute(ref, lookup, escapeChar);
    out += replaced ?? text.slice(ref.start, ref.end);
    last = ref.end;
  }
  return out + text.slice(last);
}

/** The expansion of one reference, or undefined when it depends on something only the build knows. */
export function substitute(ref: VarRef, lookup: Lookup, escapeChar = '\\'): string | undefined {
  const value = lookup(ref.name);
  const word = (): string => expandVariables(ref.word ?? '', lookup, escapeChar);
  switch (ref.op) {
    case undefined: return value === undefined ? undefined : value ?? '';
    case ':-': return value === undefined ? undefined : value ? value : word();
    case '-': return value === undefined ? undefined : value !== null ? value : word();
    case ':+': return value === undefined ? undefined : value ? word() : '';
    case '+': return value === undefined ? undefined : value !== null ? word() : '';
    default: return undefined; // pattern edits and `?` errors: shown as written
  }
}
