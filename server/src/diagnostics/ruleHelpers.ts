// Small shared pieces the rule modules use: where an instruction's exec form starts, COPY/ADD
// sources and destination, variable expansion for FROM lines, edits, and did-you-mean.
import type { Position, Range, TextEdit } from 'vscode-languageserver-types';
import { Slot, type DockerfileModel, type InstructionInfo, type StageInfo } from './model/model';
import { FlagWord, jsonStringLiterals } from './model/words';
import { joinContinuation, LogicalText } from './model/logicalText';

export const KEYWORDS = new Set(['ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL',
  'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR']);

/** Instructions Docker reads as a JSON array when their arguments start with `[`. */
export const JSON_CAPABLE = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'VOLUME', 'COPY', 'ADD', 'HEALTHCHECK']);

/** `ENTRYPOINT[“/src/hello”]`: an instruction word glued to a bracket. */
export function gluedBracket(info: InstructionInfo): { keyword: string; written: string } | undefined {
  const written = info.ins.getInstruction();
  const m = /^([A-Za-z]+)[[\uFF3B]/.exec(written);
  if (!m || !KEYWORDS.has(m[1].toUpperCase())) { return undefined; }
  return { keyword: m[1], written };
}

export interface ExecText {
  /** The instruction whose syntax applies (the trigger for ONBUILD). */
  keyword: string;
  text: LogicalText;
  /** Offset in text where the arguments proper start (after flags, `CMD` of HEALTHCHECK, blanks). */
  start: number;
}

/** Offset after leading `--flag[=value]` words and blanks. */
export function skipFlags(text: string, from = 0): number {
  let i = from;
  for (;;) {
    while (i < text.length && /\s/.test(text[i])) { i++; }
    if (!text.startsWith('--', i)) { return i; }
    while (i < text.length && !/\s/.test(text[i])) { i++; }
  }
}

/**
 * Where an instruction's command arguments start, for the forms that may be JSON: after flags, after
 * HEALTHCHECK's CMD, inside ONBUILD's trigger, and right after the keyword when a bracket is glued to it.
 */
export function execText(model: DockerfileModel, info: InstructionInfo): ExecText | undefined {
  return model.memo(info, Slot.execText, computeExecText);
}

function computeExecText(model: DockerfileModel, info: InstructionInfo): ExecText | undefined {
  const glued = gluedBracket(info);
  if (glued) {
    const start = info.ins.getInstructionRange().start;
    const text = joinContinuation(model.lines, { line: start.line, character: start.character + glued.keyword.length }, info.ins.getRange().end.line, model.escape);
    return { keyword: glued.keyword.toUpperCase(), text, start: 0 };
  }
  let keyword = info.keyword;
  const text = model.argumentsText(info);
  let start = 0;
  if (keyword === 'ONBUILD') {
    start = skipBlanks(text.text, 0);
    const m = /^[A-Za-z]+/.exec(text.text.slice(start));
    if (!m) { return undefined; }
    keyword = m[0].toUpperCase();
    start += m[0].length;
  }
  if (!JSON_CAPABLE.has(keyword)) { return undefined; }
  start = skipFlags(text.text, start);
  if (keyword === 'HEALTHCHECK') {
    const m = /^cmd(?=\s|\[|$)/i.exec(text.text.slice(start));
    if (!m) { return undefined; }
    start = skipBlanks(text.text, start + m[0].length);
  }
  return { keyword, text, start };
}

function skipBlanks(text: string, i: number): number {
  while (i < text.length && /\s/.test(text[i])) { i++; }
  return i;
}

export interface PathArg { value: string; range: Range }
export interface CopyArgs { sources: PathArg[]; dest?: PathArg; form: 'shell' | 'json' | 'heredoc' }

/** Sources and destination of COPY / ADD, in whichever form they were written. */
export function copyArgs(model: DockerfileModel, info: InstructionInfo): CopyArgs {
  return model.memo(info, Slot.copyArgs, computeCopyArgs);
}

function computeCopyArgs(model: DockerfileModel, info: InstructionInfo): CopyArgs {
  if (model.heredocsOf(info).length > 0) {
    const words: PathArg[] = model.argumentsOf(info).filter((a) => !a.raw.startsWith('<<')).map((a) => ({ value: a.value, range: a.range }));
    return { sources: words.slice(0, -1), dest: words[words.length - 1], form: 'heredoc' };
  }
  const json = jsonStrings(model, info);
  if (json) { return { sources: json.slice(0, -1), dest: json[json.length - 1], form: 'json' }; }
  const args = model.argumentsOf(info).map((a) => ({ value: a.value, range: a.range }));
  return { sources: args.slice(0, -1), dest: args[args.length - 1], form: 'shell' };
}

/** The strings of an exec-form instruction with their ranges, or undefined for shell form. */
export function jsonStrings(model: DockerfileModel, info: InstructionInfo): PathArg[] | undefined {
  return model.memo(info, Slot.jsonStrings, computeJsonStrings);
}

function computeJsonStrings(model: DockerfileModel, info: InstructionInfo): PathArg[] | undefined {
  const exec = execText(model, info);
  if (!exec) { return undefined; }
  const raw = exec.text.text.slice(exec.start);
  // Most COPY / ADD / SHELL lines are not JSON: a thrown parse error costs far more than this check.
  const trimmed = raw.trim();
  if (!trimmed.startsWith('[') || !trimmed.endsWith(']')) { return undefined; }
  let values: unknown;
  try { values = JSON.parse(trimmed); } catch { return undefined; }
  if (!Array.isArray(values) || !values.every((v) => typeof v === 'string')) { return undefined; }
  const literals = jsonStringLiterals(raw);
  return (values as string[]).map((value, i) => ({
    value,
    range: literals[i] ? exec.text.rangeOf(exec.start + literals[i].start, exec.start + literals[i].end) : exec.text.rangeOf(exec.start, exec.text.text.length),
  }));
}

export function flagOf(model: DockerfileModel, info: InstructionInfo, name: string): FlagWord | undefined {
  const flags = model.flagsOf(info);
  for (let i = 0; i < flags.length; i++) { if (flags[i].name.toLowerCase() === name) { return flags[i]; } }
  return undefined;
}

/** Every `COPY --from=<value>` in the file with a written value, with the stage it sits in. */
export function copyFromValues(model: DockerfileModel): { stage: StageInfo; value: string; range: Range }[] {
  const found: { stage: StageInfo; value: string; range: Range }[] = [];
  const copies = model.ofKeyword('COPY');
  for (let i = 0; i < copies.length; i++) {
    const { stage } = copies[i];
    if (!stage) { continue; }
    const flag = flagOf(model, copies[i], 'from');
    const range = flag?.value ? flag.valueRange : undefined;
    if (flag?.value && range) { found.push({ stage, value: flag.value, range }); }
  }
  return found;
}

/** Absolute in the image: `/x`, a variable (we cannot tell), or a Windows path `C:\x`, `\x`. */
export function isAbsoluteOrUnknown(path: string): boolean {
  return /^([/\\$%]|[A-Za-z]:[\\/]|[A-Za-z]:$)/.test(path);
}

export function onbuildTrigger(model: DockerfileModel, info: InstructionInfo): { word: string; range: Range } | undefined {
  if (info.keyword !== 'ONBUILD') { return undefined; }
  const first = model.argumentsOf(info)[0];
  return first ? { word: first.raw, range: first.range } : undefined;
}

/** Writes `word` in the casing of `like` (all lower stays lower, otherwise upper). */
export function casedLike(like: string, word: string): string {
  return like === like.toLowerCase() ? word.toLowerCase() : word.toUpperCase();
}

export function replace(range: Range, newText: string): TextEdit { return { range, newText }; }
export function insert(position: Position, newText: string): TextEdit { return { range: { start: position, end: position }, newText }; }

/** Levenshtein distance, capped: anything above `max` returns max + 1. */
export function distance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) { return max + 1; }
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      rowMin = Math.min(rowMin, cur[j]);
    }
    if (rowMin > max) { return max + 1; }
    prev = cur;
  }
  return prev[b.length];
}

/** The closest candidate a typo could have meant (same letters in another case, or at most 2 edits away). */
export function didYouMean(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  let examined = 0;
  for (const c of candidates) {
    // Bounded, so a file with thousands of variables stays linear.
    if (++examined > 500) { break; }
    if (c === name) { continue; }
    const d = c.toLowerCase() === name.toLowerCase() ? 0 : name.length >= 4 ? distance(name, c, 2) : 3;
    if (d <= 2 && d < bestDistance) { best = c; bestDistance = d; }
  }
  return best;
}

/**
 * Expands `$X`, `${X}`, `${X:-word}`, `${X-word}`, `${X:+word}`, `${X+word}` with the given lookup.
 * The lookup returns a value, null (declared without a value: empty) or undefined (unknown: expansion fails).
 */
export function expand(text: string, lookup: (name: string) => string | null | undefined, escape = '\\'): string | undefined {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === escape && text[i + 1] === '$') { out += '$'; i += 2; continue; }
    if (c !== '$') { out += c; i++; continue; }
    let name: string;
    let modifier = '';
    let word = '';
    if (text[i + 1] === '{') {
      const close = text.indexOf('}', i + 2);
      if (close < 0) { return undefined; }
      const inner = text.slice(i + 2, close);
      const m = /^([A-Za-z_][A-Za-z0-9_]*)(:?[-+])?(.*)$/s.exec(inner);
      if (!m) { return undefined; }
      name = m[1]; modifier = m[2] ?? ''; word = m[3];
      i = close + 1;
    } else {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i + 1));
      if (!m) { out += c; i++; continue; }
      name = m[0];
      i += 1 + name.length;
    }
    const value = lookup(name);
    if (value === undefined) { return undefined; }
    const set = value !== null && (modifier.startsWith(':') ? value !== '' : true);
    if (modifier.endsWith('-')) { out += set ? value ?? '' : word; } else if (modifier.endsWith('+')) { out += set ? word : ''; } else { out += value ?? ''; }
  }
  return out;
}
