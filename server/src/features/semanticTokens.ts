// Semantic tokens in one linear pass. dockerfile-language-service has a provider too, but it reparses per
// request, copies its whole token array for every token and re-resolves every variable of an instruction
// per token: minutes on a 5,000-line RUN chain or a 10,000-line file, and VS Code asks again after each
// edit. Same legend and the same token kinds, linear time.
//
// An instruction's tokens depend only on its own text: they are kept per open document, keyed by that
// text, and after an edit only the instructions whose text changed are parsed (documents/partialParse.ts)
// and tokenized; the instruction list comes from the fast scan. On a 25,000-line file that replaced a
// 0.6 s parse per edit on the thread that answers hovers.
import type { Flag, From, Healthcheck, Instruction, Onbuild, ParserDirective, Property } from 'dockerfile-ast';
import { Position, Range, SemanticTokenModifiers, SemanticTokenTypes, SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ParsedDocument } from '../documents/parsedDocument';
import { parseInstructions } from '../documents/partialParse';
import { runNow, STEP, Steps } from './steps';
import { lineTextOf } from '../hover/documentIndex';

/** dockerfile-language-service numbers its token types in this order (see its TokensLegend); we keep it. */
export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = {
  tokenTypes: [
    SemanticTokenTypes.keyword, SemanticTokenTypes.comment, SemanticTokenTypes.parameter, SemanticTokenTypes.property,
    SemanticTokenTypes.namespace, SemanticTokenTypes.class, SemanticTokenTypes.macro, SemanticTokenTypes.string,
    SemanticTokenTypes.variable, SemanticTokenTypes.operator, SemanticTokenTypes.modifier,
  ],
  tokenModifiers: [SemanticTokenModifiers.declaration, SemanticTokenModifiers.definition, SemanticTokenModifiers.deprecated],
};

const T = { keyword: 0, comment: 1, parameter: 2, property: 3, namespace: 4, class: 5, macro: 6, string: 7, variable: 8, operator: 9, modifier: 10 } as const;
const DECLARATION = 1;
const DEPRECATED = 4;

interface Token { line: number; start: number; end: number; type: number; mods: number }

const VARIABLE = /^\$(?:\{[^}\s]*\}?|[A-Za-z_][A-Za-z0-9_]*)/;

class Tokens {
  readonly list: Token[] = [];
  private readonly lines = new Map<number, string>();
  /** Lines inside the current instruction that are comments (only between continued lines: not in heredoc bodies). */
  private comments = new Set<number>();
  /** Lines inside the current instruction that end with a line-continuation escape. */
  private continued = new Set<number>();
  constructor(private readonly doc: ParsedDocument, readonly escapeChar: string) {}

  /** Docker drops comment lines only while an instruction is being continued; heredoc bodies keep theirs. */
  startInstruction(first: number, last: number): void {
    this.comments = new Set();
    this.continued = new Set();
    let continuing = false;
    for (let line = first; line <= last; line++) {
      const text = this.text(line);
      if (line > first && continuing && /^\s*#/.test(text)) { this.comments.add(line); continue; }
      continuing = line < last && this.endsWithEscape(text);
      if (continuing) { this.continued.add(line); }
    }
  }

  isComment(line: number): boolean { return this.comments.has(line); }

  private endsWithEscape(text: string): boolean {
    const trimmed = text.trimEnd();
    return trimmed.endsWith(this.escapeChar) && !trimmed.endsWith(this.escapeChar + this.escapeChar);
  }

  /** Splits `$X` / `${X}` out of a single-line range as variables; the rest gets `type`. */
  addWithVariables(line: number, start: number, end: number, type: number): void {
    const text = this.text(line);
    let from = start;
    for (let i = text.indexOf('$', start); i >= 0 && i < end; i = text.indexOf('$', i + 1)) {
      const m = VARIABLE.exec(text.slice(i, end));
      if (!m || m[0].length < 2) { continue; }
      this.add(line, from, i, type);
      this.add(line, i, i + m[0].length, T.variable);
      from = i + m[0].length;
      i = from - 1;
    }
    this.add(line, from, end, type);
  }

  text(line: number): string {
    let t = this.lines.get(line);
    if (t === undefined) { t = lineTextOf(this.doc, line); this.lines.set(line, t); }
    return t;
  }

  add(line: number, start: number, end: number, type: number, mods = 0): void {
    if (end > start && start >= 0) { this.list.push({ line, start, end, type, mods }); }
  }

  /** A range that may span lines, one token per line. */
  addRange(start: Position, end: Position, type: number, mods = 0): void {
    for (let line = start.line; line <= end.line; line++) {
      const from = line === start.line ? start.character : 0;
      const to = line === end.line ? end.character : this.text(line).length;
      this.add(line, from, to, type, mods);
    }
  }

  /** Where a line stops being content: before a trailing line-continuation escape. */
  contentEnd(line: number): number {
    const text = this.text(line);
    return this.continued.has(line) ? text.trimEnd().length - 1 : text.length;
  }

  /**
   * Words as parameters (or `type`), quoted text as strings, `$X` / `${X}` as variables; lines that are
   * comments inside the instruction are skipped (the continuation pass marks them).
   */
  lex(start: Position, end: Position, type: number): void {
    let quote: string | null = null;
    for (let line = start.line; line <= end.line; line++) {
      const text = this.text(line);
      if (this.comments.has(line)) { continue; }
      const from = line === start.line ? start.character : 0;
      const to = Math.min(line === end.line ? end.character : text.length, this.contentEnd(line));
      let tokenStart = -1;
      const flush = (at: number, kind: number): void => { if (tokenStart >= 0) { this.add(line, tokenStart, at, kind); } tokenStart = -1; };
      if (quote) { tokenStart = from; }
      for (let i = from; i < to; i++) {
        const c = text[i];
        if (c === this.escapeChar) { if (tokenStart < 0) { tokenStart = i; } i++; continue; }
        if (c === '$' && quote !== "'") {
          const m = VARIABLE.exec(text.slice(i, to));
          if (m && m[0].length > 1) {
            flush(i, quote ? T.string : type);
            this.add(line, i, i + m[0].length, T.variable);
            i += m[0].length - 1;
            if (quote) { tokenStart = i + 1; }
            continue;
          }
        }
        if (quote) {
          if (c === quote) { flush(i + 1, T.string); quote = null; }
          continue;
        }
        if (c === '"' || c === "'") { flush(i, type); quote = c; tokenStart = i; continue; }
        if (c === ' ' || c === '\t') { flush(i, type); continue; }
        if (tokenStart < 0) { tokenStart = i; }
      }
      flush(to, quote ? T.string : type);
    }
  }
}

/** Offsets of the name, `:tag` and `@digest` in an image reference, ignoring `:` and `@` inside variables. */
export function imageParts(image: string): { nameEnd: number; tag?: [number, number]; digest?: [number, number] } {
  const masked = image.replace(/\$(?:\{[^}]*\}?|[A-Za-z_][A-Za-z0-9_]*)/g, (m) => 'x'.repeat(m.length));
  const at = masked.indexOf('@');
  const nameTag = at >= 0 ? masked.slice(0, at) : masked;
  const colon = nameTag.lastIndexOf(':');
  const hasTag = colon > nameTag.lastIndexOf('/');
  const nameEnd = hasTag ? colon : nameTag.length;
  return {
    nameEnd,
    tag: hasTag ? [colon + 1, nameTag.length] : undefined,
    digest: at >= 0 ? [at + 1, image.length] : undefined,
  };
}

function flagsOf(instruction: Instruction): Flag[] {
  const withFlags = instruction as unknown as { getFlags?: () => Flag[] };
  return typeof withFlags.getFlags === 'function' ? withFlags.getFlags() : [];
}

function propertiesOf(instruction: Instruction): Property[] {
  const withProps = instruction as unknown as { getProperties?: () => Property[] };
  return typeof withProps.getProperties === 'function' ? withProps.getProperties() : [];
}

function later(a: Position, b: Position): Position {
  return a.line > b.line || (a.line === b.line && a.character > b.character) ? a : b;
}

function emitInstruction(tokens: Tokens, instruction: Instruction, outer: Instruction): void {
  const keywordRange = instruction.getInstructionRange();
  const keyword = instruction.getKeyword();
  tokens.addRange(keywordRange.start, keywordRange.end, T.keyword, keyword === 'MAINTAINER' ? DEPRECATED : 0);
  const range = outer.getRange();
  if (keyword === 'ONBUILD') {
    const trigger = (instruction as Onbuild).getTriggerInstruction();
    if (trigger) { emitInstruction(tokens, trigger, outer); }
    return;
  }
  let cursor = keywordRange.end;
  // Reading flags makes dockerfile-ast split all arguments: only do it when a flag is there.
  const afterKeyword = tokens.text(keywordRange.end.line).slice(keywordRange.end.character).trimStart();
  const flags = afterKeyword.startsWith('--') || afterKeyword === '' || afterKeyword === tokens.escapeChar ? flagsOf(instruction) : [];
  for (const flag of flags) {
    const flagRange = flag.getRange();
    const nameRange = flag.getNameRange();
    tokens.addRange(flagRange.start, nameRange.end, T.parameter);
    const valueRange = flag.getValueRange();
    if (valueRange) {
      tokens.add(nameRange.end.line, nameRange.end.character, nameRange.end.character + 1, T.operator);
      if (flag.hasOptions()) {
        for (const option of flag.getOptions()) {
          const optionName = option.getNameRange();
          tokens.addRange(optionName.start, optionName.end, T.parameter);
          const optionValue = option.getValueRange();
          if (optionValue) {
            tokens.add(optionName.end.line, optionName.end.character, optionValue.start.character, T.operator);
            tokens.addWithVariables(optionValue.start.line, optionValue.start.character, optionValue.end.character, T.property);
          }
        }
      } else {
        tokens.addWithVariables(valueRange.start.line, valueRange.start.character, valueRange.end.character, T.property);
      }
    }
    cursor = later(cursor, flagRange.end);
  }
  switch (keyword) {
    case 'ARG':
    case 'ENV':
      for (const p of propertiesOf(instruction)) {
        const name = p.getNameRange();
        tokens.addRange(name.start, name.end, T.variable, DECLARATION);
        const value = p.getValueRange();
        if (value) {
          if (tokens.text(name.end.line)[name.end.character] === '=') {
            tokens.add(name.end.line, name.end.character, name.end.character + 1, T.operator);
          }
          tokens.lex(value.start, value.end, T.parameter);
        }
      }
      return;
    case 'FROM': {
      const from = instruction as From;
      // Not From.getImageNameRange()/getImageTagRange(): they resolve every variable against all FROMs.
      const image = from.getImageRange();
      if (image && image.start.line === image.end.line) {
        const { line, character } = image.start;
        const parts = imageParts(tokens.text(line).slice(character, image.end.character));
        tokens.addWithVariables(line, character, character + parts.nameEnd, T.class);
        if (parts.tag) { tokens.addWithVariables(line, character + parts.tag[0], character + parts.tag[1], T.property); }
        if (parts.digest) { tokens.addWithVariables(line, character + parts.digest[0], character + parts.digest[1], T.property); }
      }
      const stage = from.getBuildStageRange();
      const args = from.getArguments();
      const as = args.find((a, i) => i > 0 && a.getValue().toUpperCase() === 'AS');
      if (as) { const r = as.getRange(); tokens.addRange(r.start, r.end, T.keyword); }
      if (stage) { tokens.addRange(stage.start, stage.end, T.namespace); }
      const rest = stage ?? as?.getRange() ?? from.getImageRange();
      if (rest) { tokens.lex(rest.end, range.end, T.parameter); }
      return;
    }
    case 'HEALTHCHECK': {
      const sub = (instruction as Healthcheck).getSubcommand();
      if (sub) {
        const r = sub.getRange();
        tokens.addRange(r.start, r.end, T.keyword);
        cursor = later(cursor, r.end);
      }
      break;
    }
    default:
      break;
  }
  tokens.lex(cursor, range.end, T.parameter);
}

/** Escapes that continue a line, and comment lines inside an instruction. */
function emitContinuations(tokens: Tokens, instruction: Instruction): void {
  const { start, end } = instruction.getRange();
  for (let line = start.line; line <= end.line; line++) {
    const text = tokens.text(line);
    if (tokens.isComment(line)) {
      tokens.add(line, text.indexOf('#'), text.length, T.comment);
      continue;
    }
    const contentEnd = tokens.contentEnd(line);
    if (contentEnd < text.length) { tokens.add(line, contentEnd, contentEnd + 1, T.macro); }
  }
}

/**
 * Per open document: an instruction's tokens by its text, sorted as encode() sorts, flat as
 * [line from the instruction's first line, start, end, type, modifiers]*.
 */
const tokenCache = new WeakMap<TextDocument, Map<string, Int32Array>>();
const NO_TOKENS = new Int32Array(0);

export function computeSemanticTokens(doc: ParsedDocument): SemanticTokens { return runNow(semanticTokenSteps(doc)); }

/** computeSemanticTokens in steps (features/steps.ts). */
export function* semanticTokenSteps(doc: ParsedDocument): Steps<SemanticTokens> {
  const tree = doc.rulesTree;
  if (doc.isParsed && tree === (doc.dockerfile as unknown)) { return computeSemanticTokensFromTree(doc); }
  yield;
  const escape = tree.getEscapeCharacter();
  const tokens = new Tokens(doc, escape);
  emitOutsideInstructions(tokens, tree.getDirectives(), tree.getComments());
  const instructions = tree.getInstructions();
  const previous = tokenCache.get(doc.document);
  const next = new Map<string, Int32Array>();
  const keys: string[] = [];
  for (const instruction of instructions) {
    const { start } = instruction.getRange();
    keys.push(`${escape}${start.character}\u0000${instruction.rawText?.() ?? doc.textOf(instruction.getRange())}`);
    if (keys.length % STEP === 0) { yield; }
  }
  const missing: number[] = [];
  keys.forEach((key, i) => { if (!previous?.has(key) && !next.has(key)) { missing.push(i); next.set(key, NO_TOKENS); } });
  // The first request (or an edit that changed most of the file): one parse of the whole text is cheaper;
  // and when this version's whole tree exists already, it is read instead of parsing anything.
  const whole = doc.isParsed || missing.length > instructions.length / 4 ? doc.dockerfile.getInstructions() : undefined;
  const parsed = whole ? (whole.length === instructions.length ? missing.map((i) => whole[i]) : undefined) : parseInstructions(doc, instructions, missing);
  if (!parsed) { return computeSemanticTokensFromTree(doc); }
  const fresh = new Tokens(doc, escape);
  for (let k = 0; k < missing.length; k++) {
    const instruction = parsed[k];
    const { start } = instruction.getRange();
    const from = fresh.list.length;
    emitWhole(fresh, instruction);
    const own = fresh.list.slice(from).sort(byPosition);
    const flat = new Int32Array(own.length * 5);
    own.forEach((t, j) => { flat.set([t.line - start.line, t.start, t.end, t.type, t.mods], j * 5); });
    next.set(keys[missing[k]], flat);
    if (k % STEP === STEP - 1) { yield; }
  }
  // Instructions follow each other line by line and each list is sorted, so the answer is a merge of
  // them with the (sorted) directive and comment tokens: no sort of the whole file's tokens.
  const outside = tokens.list.sort(byPosition);
  const out = new Encoder();
  let o = 0;
  for (let i = 0; i < instructions.length; i++) {
    const cached = next.get(keys[i]) ?? previous!.get(keys[i])!;
    next.set(keys[i], cached);
    const first = instructions[i].getRange().start.line;
    for (let k = 0; k < cached.length; k += 5) {
      const line = cached[k] + first;
      const start = cached[k + 1];
      const end = cached[k + 2];
      while (o < outside.length && (outside[o].line - line || outside[o].start - start || end - outside[o].end) <= 0) { out.push(outside[o++]); }
      out.add(line, start, end, cached[k + 3], cached[k + 4]);
    }
    if (i % STEP === STEP - 1) { yield; }
  }
  while (o < outside.length) { out.push(outside[o++]); }
  tokenCache.set(doc.document, next);
  return { data: out.data };
}

/** The tokens of the whole dockerfile-ast tree (used when it is built already, and as the reference in tests). */
export function computeSemanticTokensFromTree(doc: ParsedDocument): SemanticTokens {
  const dockerfile = doc.dockerfile;
  const tokens = new Tokens(doc, dockerfile.getEscapeCharacter());
  emitOutsideInstructions(tokens, dockerfile.getDirectives(), dockerfile.getComments());
  for (const instruction of dockerfile.getInstructions()) { emitWhole(tokens, instruction); }
  return { data: encode(tokens.list) };
}

/** Every token of one instruction: its words, then its continuation escapes and inner comment lines. */
function emitWhole(tokens: Tokens, instruction: Instruction): void {
  const { start, end } = instruction.getRange();
  tokens.startInstruction(start.line, end.line);
  emitInstruction(tokens, instruction, instruction);
  emitContinuations(tokens, instruction);
}

function emitOutsideInstructions(tokens: Tokens, directives: ParserDirective[], comments: { getRange(): Range }[]): void {
  for (const directive of directives) {
    const range = directive.getRange();
    const name = directive.getNameRange();
    const value = directive.getValueRange();
    tokens.add(range.start.line, range.start.character, name.start.character, T.comment);
    tokens.add(name.start.line, name.start.character, name.end.character, T.property);
    tokens.add(value.start.line, value.start.character - 1, value.start.character, T.operator);
    tokens.add(value.start.line, value.start.character, value.end.character, T.parameter);
  }
  for (const comment of comments) {
    const r = comment.getRange();
    tokens.addRange(r.start, r.end, T.comment);
  }
}

/** Document order; of two tokens at the same place the longer first (then the one added first: sort is stable). */
function byPosition(a: Token, b: Token): number {
  return a.line - b.line || a.start - b.start || b.end - a.end;
}

/** LSP's relative encoding (deltaLine, deltaStart, length, type, modifiers) of tokens given in document order; overlaps dropped. */
class Encoder {
  readonly data: number[] = [];
  private prevLine = 0;
  private prevStart = 0;
  private lastLine = -1;
  private lastEnd = -1;
  push(t: Token): void { this.add(t.line, t.start, t.end, t.type, t.mods); }
  add(line: number, start: number, end: number, type: number, mods: number): void {
    if (line === this.lastLine && start < this.lastEnd) { return; }
    this.data.push(line - this.prevLine, line === this.prevLine ? start - this.prevStart : start, end - start, type, mods);
    this.prevLine = line; this.prevStart = start; this.lastLine = line; this.lastEnd = end;
  }
}

/** Sorted, non-overlapping, relative encoding. */
function encode(list: Token[]): number[] {
  const out = new Encoder();
  for (const t of list.sort(byPosition)) { out.push(t); }
  return out.data;
}
