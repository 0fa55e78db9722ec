// One pass over the document's instructions builds everything contextual hovers need: build stages, the
// variables each stage declares (with values resolved as Docker would at that point), CMD / ENTRYPOINT /
// SHELL, and who refers to which stage. Cached per document version on the ParsedDocument, so a hover is a
// lookup. The pass reads the fast scan (documents/instructionScanner.ts: boundaries and keywords, redone
// only around an edit); dockerfile-ast's detailed objects (flags, properties, ranges inside an instruction)
// are parsed only for the instructions a hover reads (documents/partialParse.ts), unless this version's
// whole tree exists already. So a hover right after a keystroke in a 25,000-line file costs that
// instruction's parse, not the file's (~0.6 s), and no whole tree is kept for hovers.
import type { Instruction, ParserDirective, Property } from 'dockerfile-ast';
import type { Position, Range } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../documents/parsedDocument';
import { instructionStartLines, InstructionLike } from '../documents/instructionScanner';
import { parseInstructions } from '../documents/partialParse';
import { expandVariables, Lookup } from './variableSyntax';

export interface VarDecl {
  name: string;
  kind: 'arg' | 'env';
  /** Line of the name (0-based) and of the declaring instruction's first line. */
  line: number;
  instructionLine: number;
  /** As written (null: `ARG X` without a default). */
  raw: string | null;
  /** With earlier variables substituted where known; null when there is no value to show. */
  value: string | null;
  /** For `ARG X` without a default inside a stage: the ARG X before FROM whose default it takes. */
  global?: VarDecl;
}

/** How a CMD, ENTRYPOINT or SHELL was written. */
export interface CommandDecl {
  keyword: 'CMD' | 'ENTRYPOINT';
  line: number;
  instruction: number;
  form: 'exec' | 'shell';
  /** Exec form: the JSON strings. Shell form: the command text. */
  argv: string[];
  text: string;
  /** Shell form only: the SHELL in force at that line. */
  shell: string[];
  /** Starts with `[` but is not a JSON array of strings, so Docker falls back to shell form. */
  invalidJson: boolean;
}

export interface StageUse {
  kind: 'from' | 'copy' | 'mount';
  line: number;
  /** The stage that uses it. */
  stage: number;
  instruction: number;
}

/** What a stage declares, computed the first time a hover needs it (see stageDetail). */
export interface StageDetail {
  args: Map<string, VarDecl[]>;
  envs: Map<string, VarDecl[]>;
  /** ENV values a stage built FROM an earlier stage starts with. */
  inheritedEnv: Map<string, VarDecl>;
  finalEnv: Map<string, VarDecl>;
  cmds: CommandDecl[];
  entrypoints: CommandDecl[];
  finalShell: string[];
}

export interface Stage {
  index: number;
  line: number;
  instruction: number;
  lastInstruction: number;
  name?: string;
  /** The base image as written and with build arguments substituted. */
  image: string;
  imageExpanded: string;
  /** Index of an earlier stage this one starts FROM. */
  parent?: number;
  detail?: StageDetail;
}

export interface DocumentIndex {
  doc: ParsedDocument;
  escapeChar: string;
  directives: ParserDirective[];
  /** Every instruction's boundaries and keyword (for dockerfile-ast's detail: astInstruction). */
  instructions: InstructionLike[];
  /** dockerfile-ast's object per instruction index: all of them when parsed whole, else the last few read. */
  ast: Map<number, Instruction>;
  /** The instructions in `ast` parsed on their own, oldest first (see KEPT_PARSES). */
  kept: number[];
  startLines: Int32Array;
  /** Stage index of each instruction; -1 before the first FROM. A FROM belongs to the stage it starts. */
  stageOf: Int32Array;
  stages: Stage[];
  /** ARGs before the first FROM. */
  globalArgs: Map<string, VarDecl[]>;
  /** Lower-cased stage name → first stage with it (Docker compares stage names case-insensitively). */
  stageByName: Map<string, number>;
  /** Who uses each stage (FROM, COPY --from, RUN --mount from=); built on the first stage hover. */
  users?: StageUse[][];
}

export const DEFAULT_SHELL = ['/bin/sh', '-c'];
/** The key of the hover index among a version's derived values (see ParsedDocument.derived). */
export const INDEX_KEY = 'hover.documentIndex';

/**
 * The skeleton is built eagerly and cheaply (keywords, ranges, FROM lines read as text, the ARGs before
 * FROM); what a stage declares is read through dockerfile-ast only for the stages a hover looks at,
 * because those accessors cost tens of microseconds each and a 25,000-line file has thousands.
 */
export function documentIndex(doc: ParsedDocument): DocumentIndex {
  return doc.derived(INDEX_KEY, buildIndex);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) { list.push(value); } else { map.set(key, [value]); }
}

/** The last declaration whose instruction starts before `line` (lists are in document order). */
export function lastBefore(decls: VarDecl[] | undefined, line: number): VarDecl | undefined {
  if (!decls) { return undefined; }
  let lo = 0; let hi = decls.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (decls[mid].instructionLine < line) { lo = mid + 1; } else { hi = mid; }
  }
  return lo > 0 ? decls[lo - 1] : undefined;
}

/** The first declaration at or after `line`. */
export function firstFrom(decls: VarDecl[] | undefined, line: number): VarDecl | undefined {
  return decls?.find((d) => d.instructionLine >= line);
}

function propertiesOf(instruction: Instruction): Property[] {
  const withProps = instruction as unknown as { getProperties?: () => Property[] };
  return typeof withProps.getProperties === 'function' ? withProps.getProperties() : [];
}

/** Docker's rule: a JSON array of strings is exec form; anything else (even `['a']`) is shell form. */
export function parseCommandForm(content: string): { argv?: string[]; invalidJson: boolean } {
  const trimmed = content.trim();
  if (!trimmed.startsWith('[')) { return { invalidJson: false }; }
  try {
    const value: unknown = JSON.parse(trimmed);
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) { return { argv: value as string[], invalidJson: false }; }
  } catch { /* falls through: shell form */ }
  return { invalidJson: true };
}

/**
 * How many instructions parsed on their own an index keeps. Each holds its parse's text and line table, as
 * long as the document up to it (~230 KB near the end of a 25,000-line file): kept without a bound, a
 * learner hovering around a large file would grow the server by that much per instruction hovered.
 */
const KEPT_PARSES = 32;

/** dockerfile-ast's object for instruction `i` of the index (parsed on first read; the last few are kept). */
export function astInstruction(index: DocumentIndex, i: number): Instruction {
  const known = index.ast.get(i);
  if (known) { return known; }
  const instruction = astInstructions(index, [i])[0];
  index.ast.set(i, instruction);
  index.kept.push(i);
  if (index.kept.length > KEPT_PARSES) { index.ast.delete(index.kept.shift()!); }
  return instruction;
}

/**
 * dockerfile-ast's objects for the instructions `indices` (ascending): those the index has, the others
 * parsed together (not kept: callers read them once, e.g. to list what a stage declares).
 */
export function astInstructions(index: DocumentIndex, indices: readonly number[]): Instruction[] {
  const result = indices.map((i) => index.ast.get(i));
  const missing: number[] = [];
  result.forEach((instruction, k) => { if (!instruction) { missing.push(k); } });
  if (missing.length) {
    const parsed = parseInstructions(index.doc, index.instructions, missing.map((k) => indices[k]));
    if (parsed) {
      missing.forEach((k, n) => { result[k] = parsed[n]; });
    } else {
      // The parse of those lines alone disagreed with the scan: the whole file's tree (same boundaries).
      const whole = index.doc.dockerfile.getInstructions();
      if (whole.length !== index.instructions.length) { throw new Error('instruction boundaries differ from the scan'); }
      whole.forEach((instruction, i) => index.ast.set(i, instruction));
      index.kept.length = 0;
      return indices.map((i) => whole[i]);
    }
  }
  return result as Instruction[];
}

/** The instructions of `from`..`to` (inclusive) whose keyword is one of `keywords`, in dockerfile-ast's objects. */
function astOfKinds(index: DocumentIndex, from: number, to: number, keywords: ReadonlySet<string>): Map<number, Instruction> {
  const indices: number[] = [];
  for (let i = from; i <= to; i++) { if (keywords.has(index.instructions[i].getKeyword())) { indices.push(i); } }
  const parsed = astInstructions(index, indices);
  return new Map(indices.map((i, k) => [i, parsed[k]]));
}

/** An instruction's text with line continuations joined (comment lines inside it dropped). */
function instructionText(doc: ParsedDocument, instruction: InstructionLike, escapeChar: string): string {
  const raw = doc.textOf(instruction.getRange());
  if (!raw.includes('\n')) { return raw; }
  return raw.split(/\r?\n/).filter((l, i) => i === 0 || !/^\s*#/.test(l))
    .map((l) => (l.trimEnd().endsWith(escapeChar) ? l.trimEnd().slice(0, -1) : l)).join(' ');
}

/** `FROM [--flag…] image [AS name]`, read from text. */
function readFrom(text: string): { image: string; name?: string } {
  const words = text.trim().split(/\s+/).slice(1).filter((w) => !w.startsWith('--'));
  const name = words.length >= 3 && words[1].toLowerCase() === 'as' ? words[2] : undefined;
  return { image: words[0] ?? '', name };
}

const GLOBAL_KINDS = new Set(['ARG']);
const STAGE_KINDS = new Set(['ARG', 'ENV', 'CMD', 'ENTRYPOINT', 'SHELL']);

/**
 * Below this many characters (~500 lines) the index reads dockerfile-ast's whole tree: parsing it costs a
 * few milliseconds, and every hover is then a lookup (parsing one instruction per hover runs code V8 has
 * not compiled yet: 111 lines, hover p50 2.1–3.0 ms instead of 1.6–1.9). Tests set it to 0 to run every
 * document through the scan.
 */
export const indexOptions = { wholeTreeBelow: 16_384 };

function buildIndex(doc: ParsedDocument): DocumentIndex {
  // This version's whole tree when something built it already (it has every object) or the document is
  // small; else the scan.
  const tree = doc.isParsed || doc.text.length < indexOptions.wholeTreeBelow ? doc.dockerfile : doc.rulesTree;
  const parsedWhole = doc.isParsed;
  const escapeChar = tree.getEscapeCharacter();
  const instructions = tree.getInstructions();
  const ast = new Map<number, Instruction>();
  if (parsedWhole) { (instructions as Instruction[]).forEach((instruction, i) => ast.set(i, instruction)); }
  const startLines = instructionStartLines(tree);
  const stageOf = new Int32Array(instructions.length).fill(-1);
  const globalArgs = new Map<string, VarDecl[]>();
  const globalNow = new Map<string, VarDecl>();
  const stages: Stage[] = [];
  const stageByName = new Map<string, number>();
  const globalLookup: Lookup = (name) => {
    const decl = globalNow.get(name);
    if (!decl) { return null; }
    return decl.value ?? undefined;
  };

  const index: DocumentIndex = { doc, escapeChar, directives: tree.getDirectives(), instructions, ast, kept: [], startLines, stageOf, stages, globalArgs, stageByName };
  let firstStage = instructions.findIndex((i) => i.getKeyword() === 'FROM');
  if (firstStage < 0) { firstStage = instructions.length; }
  const globalArgAst = astOfKinds(index, 0, firstStage - 1, GLOBAL_KINDS);

  for (let i = 0; i < instructions.length; i++) {
    const instruction = instructions[i];
    const keyword = instruction.getKeyword();
    if (keyword === 'FROM') {
      const previous = stages[stages.length - 1];
      if (previous) { previous.lastInstruction = i - 1; }
      const { image, name } = readFrom(instructionText(doc, instruction, escapeChar));
      const imageExpanded = expandVariables(image, globalLookup, escapeChar);
      const parent = imageExpanded ? stageByName.get(imageExpanded.toLowerCase()) : undefined;
      const stage: Stage = { index: stages.length, line: startLines[i], instruction: i, lastInstruction: i, name, image, imageExpanded, parent };
      stages.push(stage);
      if (name && !stageByName.has(name.toLowerCase())) { stageByName.set(name.toLowerCase(), stage.index); }
    } else if (stages.length === 0 && keyword === 'ARG') {
      for (const p of propertiesOf(globalArgAst.get(i)!)) {
        const raw = p.getValue();
        const decl: VarDecl = { name: p.getName(), kind: 'arg', line: p.getNameRange().start.line, instructionLine: startLines[i], raw, value: raw === null ? null : expandVariables(raw, globalLookup, escapeChar) };
        push(globalArgs, decl.name, decl);
        globalNow.set(decl.name, decl);
      }
    }
    stageOf[i] = stages.length - 1;
  }
  const last = stages[stages.length - 1];
  if (last) { last.lastInstruction = instructions.length - 1; }
  return index;
}

function finalGlobal(index: DocumentIndex, name: string): VarDecl | undefined {
  const decls = index.globalArgs.get(name);
  return decls?.[decls.length - 1];
}

/** What a stage declares, with values resolved as Docker would; parents first, without recursion. */
export function stageDetail(index: DocumentIndex, stage: Stage): StageDetail {
  if (stage.detail) { return stage.detail; }
  const chain: Stage[] = [];
  for (let s: Stage | undefined = stage; s && !s.detail; s = s.parent === undefined ? undefined : index.stages[s.parent]) { chain.push(s); }
  for (const s of chain.reverse()) { s.detail = computeDetail(index, s); }
  return stage.detail!;
}

function computeDetail(index: DocumentIndex, stage: Stage): StageDetail {
  const { escapeChar, startLines } = index;
  const instructions = astOfKinds(index, stage.instruction + 1, stage.lastInstruction, STAGE_KINDS);
  const parent = stage.parent === undefined ? undefined : index.stages[stage.parent].detail;
  const detail: StageDetail = {
    args: new Map(), envs: new Map(), inheritedEnv: parent?.finalEnv ?? new Map(), finalEnv: new Map(),
    cmds: [], entrypoints: [], finalShell: parent?.finalShell ?? DEFAULT_SHELL,
  };
  let envNow = new Map(detail.inheritedEnv);
  const argNow = new Map<string, VarDecl>();
  let shellNow = detail.finalShell;
  // ENV always wins over an ARG of the same name, whichever came first.
  const lookup: Lookup = (name) => {
    const env = envNow.get(name);
    if (env) { return env.value ?? ''; }
    const arg = argNow.get(name);
    if (arg) { return arg.value ?? arg.global?.value ?? undefined; }
    return undefined; // may come from the base image's environment
  };
  for (const [i, instruction] of instructions) {
    const keyword = instruction.getKeyword();
    const line = startLines[i];
    switch (keyword) {
      case 'ARG':
        for (const p of propertiesOf(instruction)) {
          const raw = p.getValue();
          const name = p.getName();
          const decl: VarDecl = { name, kind: 'arg', line: p.getNameRange().start.line, instructionLine: line, raw, value: raw === null ? null : expandVariables(raw, lookup, escapeChar) };
          if (raw === null) { decl.global = finalGlobal(index, name); }
          push(detail.args, name, decl);
          argNow.set(name, decl);
        }
        break;
      case 'ENV': {
        // Every value in one ENV sees the variables as they were before the instruction.
        const decls = propertiesOf(instruction).map((p): VarDecl => {
          const raw = p.getValue() ?? '';
          return { name: p.getName(), kind: 'env', line: p.getNameRange().start.line, instructionLine: line, raw, value: expandVariables(raw, lookup, escapeChar) };
        });
        if (decls.length) { envNow = new Map(envNow); }
        for (const decl of decls) { push(detail.envs, decl.name, decl); envNow.set(decl.name, decl); }
        break;
      }
      case 'CMD':
      case 'ENTRYPOINT': {
        const content = instruction.getArgumentsContent() ?? '';
        const { argv, invalidJson } = parseCommandForm(content);
        const decl: CommandDecl = {
          keyword, line, instruction: i, form: argv ? 'exec' : 'shell', argv: argv ?? [], text: content.trim(), shell: shellNow, invalidJson,
        };
        (keyword === 'CMD' ? detail.cmds : detail.entrypoints).push(decl);
        break;
      }
      case 'SHELL': {
        const { argv } = parseCommandForm(instruction.getArgumentsContent() ?? '');
        if (argv && argv.length) { shellNow = argv; }
        break;
      }
      default:
        break;
    }
  }
  detail.finalEnv = envNow;
  detail.finalShell = shellNow;
  return detail;
}

/** A stage's value for `name` at the end of the stage (for `--from=$STAGE` style references). */
function lookupAtEnd(index: DocumentIndex, stage: Stage): Lookup {
  const detail = stageDetail(index, stage);
  return (name) => {
    const env = detail.finalEnv.get(name);
    if (env) { return env.value ?? ''; }
    const args = detail.args.get(name);
    const arg = args?.[args.length - 1];
    return arg ? arg.value ?? arg.global?.value ?? undefined : undefined;
  };
}

/**
 * Who uses `stage`: later FROMs, COPY --from and RUN --mount from= (BuildKit lets the latter two name any
 * other stage, even one further down). Read from the instructions' text in one pass over the file.
 */
export function stageUsers(index: DocumentIndex, stage: Stage): StageUse[] {
  if (!index.users) {
    const users: StageUse[][] = index.stages.map(() => []);
    const note = (value: string, kind: StageUse['kind'], i: number, own: number): void => {
      const expanded = value.includes('$') ? expandVariables(value, lookupAtEnd(index, index.stages[own]), index.escapeChar) : value;
      const target = /^\d+$/.test(expanded) ? Number(expanded) : index.stageByName.get(expanded.toLowerCase());
      if (target === undefined || target === own || target >= users.length) { return; }
      users[target].push({ kind, line: index.startLines[i], stage: own, instruction: i });
    };
    for (const s of index.stages) {
      if (s.parent !== undefined) { users[s.parent].push({ kind: 'from', line: s.line, stage: s.index, instruction: s.instruction }); }
    }
    for (let i = 0; i < index.instructions.length; i++) {
      const own = index.stageOf[i];
      if (own < 0) { continue; }
      const keyword = index.instructions[i].getKeyword();
      if (keyword !== 'COPY' && keyword !== 'RUN') { continue; }
      const text = instructionText(index.doc, index.instructions[i], index.escapeChar);
      if (!text.includes('from=')) { continue; }
      if (keyword === 'COPY') {
        const m = /\s--from=(["']?)([^\s"']+)\1/i.exec(text);
        if (m) { note(m[2], 'copy', i, own); }
      } else {
        for (const mount of text.matchAll(/\s--mount=(\S+)/g)) {
          const from = /(?:^|,)from=([^,\s]+)/.exec(mount[1]);
          if (from) { note(from[1], 'mount', i, own); }
        }
      }
    }
    for (const list of users) { list.sort((a, b) => a.line - b.line); }
    index.users = users;
  }
  return index.users[stage.index];
}

export function containsPosition(range: Range, p: Position): boolean {
  if (p.line < range.start.line || p.line > range.end.line) { return false; }
  if (p.line === range.start.line && p.character < range.start.character) { return false; }
  if (p.line === range.end.line && p.character > range.end.character) { return false; }
  return true;
}

/** Index of the instruction covering `position` (binary search on start lines), or -1. */
export function instructionIndexAt(index: DocumentIndex, position: Position): number {
  const { startLines } = index;
  let lo = 0; let hi = startLines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (startLines[mid] <= position.line) { lo = mid + 1; } else { hi = mid; }
  }
  const i = lo - 1;
  if (i < 0) { return -1; }
  return containsPosition(index.instructions[i].getRange(), position) ? i : -1;
}

/**
 * The stage a name (or a `--from` index) refers to from instruction `at`: FROM may only name an earlier
 * stage; COPY --from and RUN --mount from= may name any other stage.
 */
export function stageReferencedBy(index: DocumentIndex, value: string, at: number): Stage | undefined {
  const own = index.stageOf[at];
  const target = /^\d+$/.test(value) ? Number(value) : index.stageByName.get(value.toLowerCase());
  if (target === undefined || target >= index.stages.length || target === own) { return undefined; }
  if (index.instructions[at].getKeyword() === 'FROM' && target > own) { return undefined; }
  return index.stages[target];
}

/** One line of this version without its line break ('' past the end). */
export function lineTextOf(doc: ParsedDocument, line: number): string {
  return doc.lineText(line);
}
