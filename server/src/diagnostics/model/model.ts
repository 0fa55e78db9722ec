// One pass over a parsed Dockerfile builds everything the rules ask about: the build stages and what
// each inherits, and every variable reference already resolved against the variables visible at that
// point (a per-stage index grown instruction by instruction — never a rescan of earlier instructions).
// Rules then only walk lists, so the whole rule set stays linear in the size of the file.
//
// dockerfile-ast gives us the instructions, their ranges, comments and directives. Arguments, flags,
// properties and heredocs are tokenized here, once per instruction: dockerfile-ast re-parses on every
// call of those helpers, and its variable API resolves each reference against the whole file.
import type { ParserDirective } from 'dockerfile-ast';
import { scannedLineSpans, type CommentLike, type DockerfileLike, type InstructionLike } from '../../documents/instructionScanner';
import type { Range } from 'vscode-languageserver-types';
import { detached, joinContinuation, joinLines, LogicalText } from './logicalText';
import { parseShell, ShellScript } from './shell';
import { ScannedVariable, scanVariables } from './variables';
import { ArgWord, FlagWord, heredocMarkers, leadingFlags, properties, PropertyWord, splitWords, TextWord } from './words';
import type { DockerIgnore } from '../dockerignore';

export class InstructionInfo {
  /** The build stage it belongs to; undefined before the first FROM. */
  stage: StageInfo | undefined;
  // Derived values, each computed on first use (fields rather than a map: this is the hot path).
  argumentsText: LogicalText | undefined = undefined;
  words: TextWord[] | undefined = undefined;
  flagSplit: { flags: FlagWord[]; rest: number } | undefined = undefined;
  args: ArgWord[] | undefined = undefined;
  props: PropertyWord[] | undefined = undefined;
  heredocs: HeredocInfo[] | undefined = undefined;
  fromParts: FromParts | undefined = undefined;
  /** null: not a shell script (exec form, not a RUN). */
  shell: RunShell | null | undefined = undefined;
  /** The raw text (see DockerfileModel.rawTextOf). */
  raw: string | undefined = undefined;
  /**
   * Variable references found in the arguments (and a RUN's heredoc script), made the first time a model
   * collects them; later models set only their scope (see DockerfileModel.collectRefs).
   */
  refs: Reference[] | undefined = undefined;
  /** Values the rule helpers derive (see DockerfileModel.memo), indexed by Slot. */
  cache: unknown[] | undefined = undefined;
  /** Whether it may be in exec form (see DockerfileModel.bracketed), worked out once from its text. */
  bracket: boolean | undefined = undefined;
  /**
   * Where `ins` started when this object was made or taken over, which is what its derived ranges hold: a
   * later version's scan may have shifted `ins` itself in place since (ScanBase.consume). Two small
   * integers, not one number: line × 2³² + column is a heap-allocated double in V8, one per instruction
   * per keystroke.
   */
  line = 0;
  character = 0;

  constructor(
    /** This version's instruction (a later version's model that takes the object over sets its own). */
    public ins: InstructionLike,
    /** The instruction word upper-cased, as dockerfile-ast reads it (may be junk like `ENTRYPOINT["X"]`). */
    readonly keyword: string,
    /** Position in model.instructions (set again when a later version's model reuses this object). */
    public index: number,
    stage: StageInfo | undefined,
  ) { this.stage = stage; }
}

/** Where each derived value of an instruction is kept: a fixed array beats a map on the hot path. */
export const Slot = { execText: 0, copyArgs: 1, jsonStrings: 2, runCommands: 3, aptCommands: 4, apkCommands: 5, pipCommands: 6, chainable: 7 } as const;
const SLOT_COUNT = 8;
const UNSET: unknown = Symbol('unset');

export interface FromParts {
  flags: FlagWord[];
  image?: ArgWord;
  as?: ArgWord;
  name?: ArgWord;
  /** Number of words after the flags (1 or 3 when well formed). */
  count: number;
}

export interface StageInfo {
  index: number;
  fromInfo: InstructionInfo;
  from: FromParts;
  /** `AS name` lower-cased as Docker compares it, and as written. */
  name?: string;
  nameRaw?: string;
  nameRange?: Range;
  /** Instructions after the FROM, in order. */
  instructions: InstructionInfo[];
  /** The earlier stage this one starts from (`FROM builder`). */
  parent?: StageInfo;
  /** The base image as written (null for a FROM without an image). */
  image: string | null;
  /** Where the chain of parents ends: `scratch`, an image from a registry, or unknown (variables). */
  root: 'scratch' | 'image' | 'unknown';
  /**
   * Variables (ARG and ENV) visible at the end of the stage, including the parent's: each name with the
   * position (0, 1, …) among the stage's ARG and ENV instructions of the first one declaring it, -1 for the
   * parent's. (With the positions, the next version's model can keep the map while the declarations stay.)
   */
  definedAtEnd: Map<string, number>;
  /** How many ARG and ENV instructions the stage has. */
  declarations: number;
  /** Some WORKDIR in a parent stage already set the working directory this stage starts in. */
  inheritsWorkdir: boolean;
  /** This stage (or a parent) has a WORKDIR. */
  hasWorkdir: boolean;
}

export interface VariableRef {
  name: string;
  readonly range: Range;
  readonly nameRange: Range;
  info: InstructionInfo;
  /**
   * defined: an ARG or ENV in scope declares it. global-only: only an ARG before the first FROM does,
   * which a stage does not see without redeclaring it. undefined: nothing in this file declares it here.
   */
  status: 'defined' | 'global-only' | 'undefined';
  /** `${X:-default}` / `${X:+alt}` / `${X-default}`: the author planned for an unset X. */
  hasFallback: boolean;
  /** Where Docker expands it: in FROM (global ARGs only), in another instruction at build time, or in RUN's shell. */
  context: 'from' | 'build' | 'run';
}

export interface HeredocInfo {
  name: string;
  /** Body lines (first..last, may be empty: last < first), and the closing delimiter's line. */
  first: number;
  last: number;
  delimiterLine?: number;
}

export interface ShellPart {
  text: LogicalText;
  script: ShellScript;
  /** Part of a heredoc body rather than the instruction line. */
  heredoc: boolean;
}

export interface RunShell {
  form: 'shell' | 'exec' | 'heredoc';
  parts: ShellPart[];
  flags: FlagWord[];
}

/** Instructions that declare something the scope of later ones depends on. */
const DECLARING = new Set(['FROM', 'ARG', 'ENV']);

/** Build arguments every builder predefines for FROM lines. */
export const PREDEFINED_PLATFORM_ARGS = new Set(['BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT',
  'TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT', 'TARGETSTAGE']);
/** Build arguments usable without an ARG line (proxies), and the PATH every image has. */
export const ALWAYS_DEFINED = new Set(['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'FTP_PROXY', 'ftp_proxy',
  'NO_PROXY', 'no_proxy', 'ALL_PROXY', 'all_proxy', 'PATH']);

/** Instructions whose variables Docker itself expands at build time (the rest are left to the shell or run time). */
const BUILD_EXPANDED = new Set(['ADD', 'COPY', 'ENV', 'EXPOSE', 'LABEL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR', 'ARG']);
const HEREDOC_CAPABLE = new Set(['RUN', 'COPY', 'ADD']);
const FLAGGED = new Set(['RUN', 'COPY', 'ADD', 'FROM', 'HEALTHCHECK']);
const BRACKET_CAPABLE = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'VOLUME', 'COPY', 'ADD', 'HEALTHCHECK', 'ONBUILD']);

export interface ModelOptions {
  uri: string;
  /** The .dockerignore of the build context, when one was found next to the Dockerfile. */
  dockerignore?: DockerIgnore;
  /** The text split on \n, when the caller has it already. */
  lines?: string[];
  /**
   * The model of the previous version of the same document. Every instruction found unchanged at the
   * same position (same text, same line and column, same escape character) is taken over with all it
   * derived from its own text (words, flags, shell parse, variables…): an edit re-tokenizes only what it
   * touched. Scope, stages and references are always worked out afresh.
   */
  previous?: DockerfileModel;
  /**
   * The caller drops `previous` once this model is built (the validation worker's model holder): its lists
   * (instructions, per keyword, per stage, variable references) are refilled for this model instead of
   * made anew. At 25,011 lines they are ~75,000 slots, which a keystroke otherwise allocated again (and
   * grew by copying), all promoted to the old generation before the next keystroke replaced them.
   */
  recycle?: boolean;
}

export class DockerfileModel {
  readonly lines: string[];
  readonly escape: string;
  readonly instructions: InstructionInfo[];
  readonly stages: StageInfo[] = [];
  /** ARG instructions before the first FROM, by name. */
  readonly globalArgs = new Map<string, { info: InstructionInfo; value: string | null }>();
  readonly variableRefs: VariableRef[];
  /** Lines inside heredoc bodies (where blank lines and `#` lines are content, not Dockerfile syntax). */
  readonly heredocBodyLines = new Set<number>();
  readonly directives: ParserDirective[];
  readonly comments: CommentLike[];
  private readonly stagesByName = new Map<string, StageInfo>();
  private readonly byKeyword: Map<string, InstructionInfo[]>;
  /** Instructions that may be in exec form (JSON-capable keywords, ONBUILD, and `CMD[` glued to its bracket). */
  readonly bracketed: InstructionInfo[] = [];
  private finalLineage: Set<StageInfo> | undefined;

  readonly options: ModelOptions;

  constructor(readonly dockerfile: DockerfileLike, readonly text: string, options: ModelOptions) {
    // The previous version's model is read while building and not kept: a model never holds on to older ones.
    const { previous, ...kept } = options;
    this.options = kept;
    this.lines = options.lines ?? text.split('\n');
    this.escape = dockerfile.getEscapeCharacter();
    this.directives = dockerfile.getDirectives();
    this.comments = dockerfile.getComments();
    const lists = options.recycle && previous ? previous.handOverLists() : undefined;
    this.instructions = lists?.instructions ?? [];
    this.variableRefs = lists?.variableRefs ?? [];
    this.byKeyword = lists?.byKeyword ?? new Map();
    this.build(previous, lists);
  }

  /**
   * This model's lists for the next version's model to refill (ModelOptions.recycle); this model is not
   * read again, except for its instructions while the next one is built (see build).
   */
  private handOverLists(): RecycledLists {
    return {
      instructions: this.instructions, variableRefs: this.variableRefs, byKeyword: this.byKeyword,
      stageInstructions: this.stages.map((s) => s.instructions),
    };
  }

  get uri(): string { return this.options.uri; }
  get dockerignore(): DockerIgnore | undefined { return this.options.dockerignore; }
  get finalStage(): StageInfo | undefined { return this.stages[this.stages.length - 1]; }

  /** The stage a name refers to (case-insensitively, as Docker does), if it is defined anywhere. */
  stageNamed(name: string): StageInfo | undefined { return this.stagesByName.get(name.toLowerCase()); }

  /** True when what the stage leaves behind ends up in the final image (it is the last stage or one it builds on). */
  inFinalImage(stage: StageInfo): boolean {
    this.finalLineage ??= new Set(this.finalStage ? this.lineage(this.finalStage) : []);
    return this.finalLineage.has(stage);
  }

  /** The instructions with one of these keywords, in file order (rules look only at what concerns them). */
  ofKeyword(...keywords: string[]): readonly InstructionInfo[] {
    if (keywords.length === 1) { return this.byKeyword.get(keywords[0]) ?? NO_INSTRUCTIONS; }
    const key = keywords.join(' ');
    let found = this.byKeywords.get(key);
    if (!found) {
      const set = new Set(keywords);
      found = this.instructions.filter((i) => set.has(i.keyword));
      this.byKeywords.set(key, found);
    }
    return found;
  }
  /** ofKeyword's answers for several keywords (two rules ask for ENV and LABEL). */
  private readonly byKeywords = new Map<string, InstructionInfo[]>();

  /**
   * An instruction's first and last line. From the scan's line spans when the tree is a scan (made once
   * per scan; the chunk pass reads the same): rules that look at every instruction on every keystroke would
   * otherwise build a range (three objects) for each.
   */
  firstLineOf(info: InstructionInfo): number {
    return scannedLineSpans(this.dockerfile)?.first[info.index] ?? info.ins.getRange().start.line;
  }
  lastLineOf(info: InstructionInfo): number {
    return scannedLineSpans(this.dockerfile)?.last[info.index] ?? info.ins.getRange().end.line;
  }

  /** Cheap pre-check on the raw lines of an instruction, before any tokenizing. */
  rawIncludes(info: InstructionInfo, needle: string): boolean {
    return this.rawTextOf(info).includes(needle);
  }

  /** The instruction's lines as written (kept per instruction: the pre-checks above ask for it many times). */
  rawTextOf(info: InstructionInfo): string {
    if (info.raw !== undefined) { return info.raw; }
    if (info.ins.rawText) { return info.raw = detached(info.ins.rawText()); }
    const r = info.ins.getRange();
    return info.raw = this.lines.slice(r.start.line, r.end.line + 1).join('\n');
  }

  /** Names visible where a reference is, for did-you-mean suggestions: its stage's variables, or the global ARGs. */
  visibleNames(ref: VariableRef): Iterable<string> {
    const stage = ref.context === 'from' ? undefined : ref.info.stage;
    return stage ? stage.definedAtEnd.keys() : this.globalArgs.keys();
  }

  /** Parent chain of a stage, itself first. */
  lineage(stage: StageInfo): StageInfo[] {
    const chain: StageInfo[] = [];
    // A parent is always an earlier stage, so the chain cannot loop.
    for (let s: StageInfo | undefined = stage; s; s = s.parent) { chain.push(s); }
    return chain;
  }

  /** Text of a range of the document. */
  textAt(range: Range): string {
    if (range.start.line === range.end.line) {
      return (this.lines[range.start.line] ?? '').slice(range.start.character, range.end.character);
    }
    const parts = [(this.lines[range.start.line] ?? '').slice(range.start.character)];
    for (let l = range.start.line + 1; l < range.end.line; l++) { parts.push(this.lines[l] ?? ''); }
    parts.push((this.lines[range.end.line] ?? '').slice(0, range.end.character));
    return parts.join('\n');
  }

  /**
   * A value derived from one instruction, computed on first use and shared by every rule. `compute` is a
   * plain function of its arguments (not a closure made per call: rules ask for 5,000 RUNs per keystroke).
   */
  memo<T, A = undefined>(info: InstructionInfo, slot: number, compute: (model: DockerfileModel, info: InstructionInfo, arg: A) => T, arg?: A): T {
    const cache = (info.cache ??= new Array<unknown>(SLOT_COUNT).fill(UNSET));
    const hit = cache[slot];
    if (hit !== UNSET) { return hit as T; }
    const value = compute(this, info, arg as A);
    cache[slot] = value;
    return value;
  }

  /**
   * The arguments of an instruction as Docker joins them (continuations removed), starting after the
   * instruction word — flags included. A heredoc's body is not part of it (see heredocsOf).
   */
  argumentsText(info: InstructionInfo): LogicalText {
    return info.argumentsText ??= joinContinuation(this.lines, info.ins.getInstructionRange().end, info.ins.getRange().end.line, this.escape);
  }

  /** Every word of the arguments, flags included. */
  wordsOf(info: InstructionInfo): TextWord[] {
    // Kept per instruction across versions: an exact-size copy (a pushed-to array keeps ~17 slots).
    return info.words ??= splitWords(this.argumentsText(info).text, this.escape).slice();
  }

  /** Leading `--flag=value` words, and the remaining arguments (with ranges). */
  flagsOf(info: InstructionInfo): FlagWord[] { return this.splitFlags(info).flags; }
  argumentsOf(info: InstructionInfo): ArgWord[] {
    if (info.args) { return info.args; }
    const text = this.argumentsText(info);
    return info.args = this.wordsOf(info).slice(this.splitFlags(info).rest).map((w) => new ArgWord(w.value, w.raw, text, w.start, w.end));
  }
  private splitFlags(info: InstructionInfo): { flags: FlagWord[]; rest: number } {
    // Only instructions that take flags: elsewhere a word starting with -- is an argument.
    return info.flagSplit ??= (FLAGGED.has(info.keyword)
      ? leadingFlags(this.wordsOf(info), this.argumentsText(info))
      : { flags: [], rest: 0 });
  }

  /** ARG / ENV / LABEL key-value pairs. */
  propertiesOf(info: InstructionInfo): PropertyWord[] {
    return info.props ??= properties(this.wordsOf(info), this.argumentsText(info), info.keyword !== 'ARG');
  }

  /** Heredocs of a RUN, COPY or ADD, with their body lines. */
  heredocsOf(info: InstructionInfo): HeredocInfo[] {
    return info.heredocs ??= this.findHeredocs(info);
  }

  private findHeredocs(info: InstructionInfo): HeredocInfo[] {
    {
      const keyword = info.keyword === 'ONBUILD' ? (this.wordsOf(info)[0]?.value.toUpperCase() ?? '') : info.keyword;
      if (!HEREDOC_CAPABLE.has(keyword) || !this.rawIncludes(info, '<<')) { return []; }
      const text = this.argumentsText(info);
      const endLine = info.ins.getRange().end.line;
      let line = text.positionAt(text.text.length).line + 1;
      // Only a body after the instruction line makes `<<WORD` a heredoc.
      if (line > endLine) { return []; }
      const markers = heredocMarkers(text.text);
      if (markers.length === 0) { return []; }
      const result: HeredocInfo[] = [];
      for (const marker of markers) {
        const first = line;
        let delimiterLine: number | undefined;
        for (; line <= endLine; line++) {
          let l = (this.lines[line] ?? '').replace(/\r$/, '');
          if (marker.stripTabs) { l = l.replace(/^\t+/, ''); }
          if (l === marker.name) { delimiterLine = line; line++; break; }
        }
        result.push({ name: marker.name, first, last: (delimiterLine ?? line) - 1, delimiterLine });
      }
      return result;
    }
  }

  /** FROM [--platform=…] image [AS name]. */
  fromParts(info: InstructionInfo): FromParts {
    if (info.fromParts) { return info.fromParts; }
    {
      const text = this.argumentsText(info);
      const { flags, rest } = leadingFlags(this.wordsOf(info), text);
      const words = this.wordsOf(info).slice(rest);
      const part = (w: TextWord | undefined) => (w ? new ArgWord(w.raw, w.raw, text, w.start, w.end) : undefined);
      return info.fromParts = { flags, image: part(words[0]), as: part(words[1]), name: words.length === 3 ? part(words[2]) : undefined, count: words.length };
    }
  }

  /** The shell script a RUN executes, split into simple commands; undefined for exec form and non-shell heredocs. */
  shellOf(info: InstructionInfo): RunShell | undefined {
    if (info.shell === undefined) { info.shell = this.computeShell(info) ?? null; }
    return info.shell ?? undefined;
  }

  private computeShell(info: InstructionInfo): RunShell | undefined {
    if (info.keyword !== 'RUN') { return undefined; }
    const args = this.argumentsText(info);
    const { flags } = this.splitFlags(info);
    const words = this.wordsOf(info);
    const offset = flags.length > 0 ? words[flags.length - 1].end : 0;
    const rest = args.text.slice(offset);
    if (rest.trimStart().startsWith('[') && isJsonStringArray(rest.trim())) {
      return { form: 'exec', parts: [], flags };
    }
    const heredocs = this.heredocsOf(info);
    const commandText: LogicalText = new OffsetText(args, offset);
    if (heredocs.length === 0) {
      return { form: 'shell', parts: [{ text: commandText, script: parseShell(commandText.text), heredoc: false }], flags };
    }
    // `RUN <<EOF` (or `RUN <<EOF bash`): the body is the script. `RUN <<EOF python3` or `cat <<EOF > f`: data.
    const withoutMarkers = commandText.text.replace(/<<-?(["']?)[A-Za-z0-9_][A-Za-z0-9_.-]*\1/g, '').trim();
    const parts: ShellPart[] = [];
    const bodyIsScript = withoutMarkers === '' || /^(\/(usr\/)?bin\/)?(sh|bash|ash|dash|zsh)(\s+-[a-z]+)*\s*$/.test(withoutMarkers);
    if (!bodyIsScript) {
      parts.push({ text: commandText, script: parseShell(commandText.text), heredoc: false });
    } else {
      for (const h of heredocs) {
        if (h.last < h.first) { continue; }
        const body = joinLines(this.lines, h.first, h.last);
        parts.push({ text: body, script: parseShell(body.text), heredoc: true });
      }
    }
    return { form: 'heredoc', parts, flags };
  }

  /** How many instructions of the previous version's model this one took over (tests read it). */
  reused = 0;

  private build(previousModel: DockerfileModel | undefined, lists: RecycledLists | undefined): void {
    const all = this.dockerfile.getInstructions();
    // Released at the end: nothing made here may hold the previous version's list (a model never keeps an
    // older one alive).
    let previous = previousModel?.escape === this.escape ? previousModel.instructions : [];
    let p = 0;
    // Recycled lists are written from the start (`count` slots of each are this model's so far) and cut
    // to length at the end. `instructions` is also the list takeOver reads the previous model's from:
    // slot `index` is written only once the previous instruction there has been passed (p > index); when
    // instructions were inserted it has not, and what is left of the previous list is copied first.
    const instructions = this.instructions;
    let stageCount = 0;
    const keywordCounts = lists ? new Map<string, number>() : undefined;
    const stageLists = lists?.stageInstructions ?? [];
    const place = (info: InstructionInfo, index: number): void => {
      if (previous === instructions && index >= p && index < previous.length) { previous = previous.slice(p); p = 0; }
      instructions[index] = info;
    };
    const addToKeyword = (keyword: string, info: InstructionInfo): void => {
      let list = this.byKeyword.get(keyword);
      if (!list) { list = []; this.byKeyword.set(keyword, list); }
      if (!keywordCounts) { list.push(info); return; }
      const n = keywordCounts.get(keyword) ?? 0;
      list[n] = info;
      keywordCounts.set(keyword, n + 1);
    };
    /** The previous version's object for this instruction, when it is the same text at the same place. */
    const takeOver = (ins: InstructionLike, line: number, character: number): InstructionInfo | undefined => {
      if (p >= previous.length) { return undefined; }
      // Both lists are in document order: skip the previous ones that start before this one.
      while (p < previous.length) {
        const before = previous[p];
        if (before.line < line || (before.line === line && before.character < character)) {
          // Gone from this version (or changed into what comes next).
          if (DECLARING.has(before.keyword)) { declarationsSame = false; }
          p++;
          continue;
        }
        if (before.line === line && before.character === character) {
          const candidate = previous[p++];
          // The very object the previous version had: the scan moved or shifted it because the text
          // there is the same (documents/instructionScanner.ts), no need to compare.
          if (candidate.ins === ins) { return candidate; }
          const raw = ins.rawText ? ins.rawText() : undefined;
          if (raw !== undefined && (candidate.raw ?? candidate.ins.rawText?.()) === raw) { candidate.raw = detached(raw); return candidate; }
          if (DECLARING.has(candidate.keyword)) { declarationsSame = false; }
        }
        return undefined;
      }
      return undefined;
    };
    /**
     * True while every FROM, ARG and ENV so far is the previous model's, in the same order: the scope at
     * this point is then what it was, and so is the status of each reference an instruction taken over
     * keeps (not worked out again: 30,000 lookups per keystroke at 25,011 lines).
     */
    let declarationsSame = previous.length > 0;
    let stage: StageInfo | undefined;
    /** The current stage's variables so far (StageInfo.definedAtEnd), and how many ARG/ENV it has had. */
    let defined = new Map<string, number>();
    let declarationsInStage = 0;
    /**
     * `defined` is the previous model's map for this stage, whole: the stage's FROM and every declaration
     * before it are the previous model's. Its later names carry later positions, so a lookup reads it as
     * "declared so far" all the same; it is rebuilt from the stage's own instructions the moment a
     * declaration differs. (At 25,011 lines: 5,000 names, a map V8 allocates as a large object, per keystroke.)
     */
    let reusedScope = false;
    /** The stage's variables from its own instructions before the `upTo`th (when the previous model's map no longer holds). */
    const rebuildScope = (current: StageInfo, upTo: number): void => {
      reusedScope = false;
      defined = new Map();
      if (current.parent) { for (const name of current.parent.definedAtEnd.keys()) { defined.set(name, -1); } }
      let position = 0;
      for (let k = 0; k < upTo; k++) {
        const earlier = current.instructions[k];
        if (earlier.keyword !== 'ARG' && earlier.keyword !== 'ENV') { continue; }
        for (const p of this.propertiesOf(earlier)) { if (!defined.has(p.name)) { defined.set(p.name, position); } }
        position++;
      }
    };
    /**
     * Ends the current stage: its (maybe recycled) list of instructions cut to what it holds, and its variables
     * (the previous model's only if every declaration in it is the same).
     */
    const endStage = (): void => {
      if (!stage) { return; }
      stage.instructions.length = stageCount;
      if (reusedScope && (!declarationsSame || declarationsInStage !== previousModel?.stages[stage.index]?.declarations)) { rebuildScope(stage, stageCount); }
      stage.definedAtEnd = defined;
      stage.declarations = declarationsInStage;
    };
    const stageStatus = (name: string): VariableRef['status'] => {
      const first = defined.get(name);
      return (first !== undefined && first < declarationsInStage) || ALWAYS_DEFINED.has(name) ? 'defined' : this.globalArgs.has(name) ? 'global-only' : 'undefined';
    };
    const globalStatus = (name: string): VariableRef['status'] => this.globalArgs.has(name) || PREDEFINED_PLATFORM_ARGS.has(name) ? 'defined' : 'undefined';
    for (let index = 0; index < all.length; index++) {
      const ins = all[index];
      const keyword = ins.getKeyword();
      const line = ins.startLine ? ins.startLine() : ins.getRange().start.line;
      const character = ins.startCharacter ? ins.startCharacter() : ins.getRange().start.character;
      let info = takeOver(ins, line, character);
      if (info) {
        // Same text at the same line and column: every range derived from the old instruction still
        // holds. The new one is kept instead, so the model never holds an earlier version's text.
        info.ins = ins; info.index = index; info.stage = stage; this.reused++;
      } else {
        info = new InstructionInfo(ins, keyword, index, stage);
        info.line = line; info.character = character;
        if (DECLARING.has(keyword)) { declarationsSame = false; }
      }
      place(info, index);
      addToKeyword(keyword, info);
      info.bracket ??= BRACKET_CAPABLE.has(keyword) ? this.rawIncludes(info, '[') || this.rawIncludes(info, '\uff3b') : /[[\uff3b]/.test(ins.getInstruction());
      if (info.bracket) { this.bracketed.push(info); }
      const heredocs = this.heredocsOf(info);
      for (let k = 0; k < heredocs.length; k++) {
        for (let l = heredocs[k].first; l <= heredocs[k].last; l++) { this.heredocBodyLines.add(l); }
      }
      if (keyword === 'FROM') {
        this.collectRefs(info, 'from', globalStatus, declarationsSame);
        endStage();
        const from = this.fromParts(info);
        const image = from.image?.value ?? null;
        const nameRaw = from.as?.value.toLowerCase() === 'as' ? from.name?.value : undefined;
        const parent = image && !/[$:@/]/.test(image) ? this.stagesByName.get(image.toLowerCase()) : undefined;
        const root: StageInfo['root'] = parent ? parent.root : image === null || image.includes('$') ? 'unknown' : image.toLowerCase() === 'scratch' ? 'scratch' : 'image';
        const stageIndex = this.stages.length;
        const recycledList = stageLists[stageIndex];
        stageCount = 0;
        stage = {
          index: stageIndex, fromInfo: info, from, name: nameRaw?.toLowerCase(), nameRaw,
          nameRange: nameRaw !== undefined ? from.name?.range : undefined, instructions: recycledList ?? [], parent, image, root, definedAtEnd: new Map(),
          inheritsWorkdir: parent?.hasWorkdir ?? false, hasWorkdir: parent?.hasWorkdir ?? false, declarations: 0,
        };
        info.stage = stage;
        this.stages.push(stage);
        if (stage.name && !this.stagesByName.has(stage.name)) { this.stagesByName.set(stage.name, stage); }
        declarationsInStage = 0;
        const before = declarationsSame ? previousModel?.stages[stageIndex] : undefined;
        if (before && before.fromInfo === info) {
          reusedScope = true;
          defined = before.definedAtEnd;
        } else {
          rebuildScope(stage, 0);
        }
        continue;
      }
      if (!stage) {
        if (keyword === 'ARG') {
          this.collectRefs(info, 'build', globalStatus, declarationsSame);
          for (const p of this.propertiesOf(info)) { this.globalArgs.set(p.name, { info, value: p.value }); }
        }
        continue;
      }
      stage.instructions[stageCount++] = info;
      // A declaration differs from here on: the stage's variables so far, from its own instructions.
      if (reusedScope && !declarationsSame) { rebuildScope(stage, stageCount - 1); }
      if (keyword === 'WORKDIR') { stage.hasWorkdir = true; }
      if (BUILD_EXPANDED.has(keyword)) {
        this.collectRefs(info, 'build', stageStatus, declarationsSame);
      } else if (keyword === 'RUN') {
        this.collectRefs(info, 'run', stageStatus, declarationsSame);
      }
      if (keyword === 'ARG' || keyword === 'ENV') {
        if (!reusedScope) { for (const p of this.propertiesOf(info)) { if (!defined.has(p.name)) { defined.set(p.name, declarationsInStage); } } }
        declarationsInStage++;
      }
    }
    endStage();
    previous = [];
    if (lists) {
      instructions.length = all.length;
      this.variableRefs.length = this.refCount;
      for (const [keyword, list] of this.byKeyword) { list.length = keywordCounts?.get(keyword) ?? 0; }
    }
  }

  /** Slots of variableRefs filled so far (it may be a recycled list, see ModelOptions.recycle). */
  private refCount = 0;
  private addRef(ref: VariableRef): void { this.variableRefs[this.refCount++] = ref; }

  /** `sameScope`: the declarations before `info` are the previous model's (see build). */
  private collectRefs(info: InstructionInfo, context: VariableRef['context'], status: (name: string) => VariableRef['status'], sameScope: boolean): void {
    // An instruction taken over from the previous version keeps its reference objects: only what depends
    // on the rest of the file (status) is worked out again, when the declarations before it changed. 30k
    // references at 25k lines were otherwise made anew on every keystroke, and lived long enough to be
    // copied into the old generation.
    const kept = info.refs;
    if (kept) {
      for (let k = 0; k < kept.length; k++) {
        const r = kept[k];
        if (!sameScope) { r.status = status(r.name); r.context = context; }
        this.addRef(r);
      }
      return;
    }
    if (!this.rawIncludes(info, '$')) { info.refs = NO_REFS; return; }
    const texts: LogicalText[] = [this.argumentsText(info)];
    // A RUN heredoc's body is a script for the shell, which expands its variables (build args included).
    if (context === 'run' && this.heredocsOf(info).length > 0) {
      for (const part of this.shellOf(info)?.parts ?? []) { if (part.heredoc) { texts.push(part.text); } }
    }
    const refs: Reference[] = [];
    for (const text of texts) {
      if (text.text.indexOf('$') < 0) { continue; }
      for (const v of scanVariables(text, this.escape)) { refs.push(new Reference(v, info, status(v.name), context)); }
    }
    // Kept per instruction across versions: an exact-size copy (a pushed-to array keeps ~17 slots).
    info.refs = refs.slice();
    for (const r of refs) { this.addRef(r); }
  }
}


/** Shared by every instruction without a `$` (nothing is ever added to it). */
const NO_REFS: Reference[] = [];
const NO_INSTRUCTIONS: readonly InstructionInfo[] = [];

/** A model's lists handed to the next version's (ModelOptions.recycle). */
interface RecycledLists {
  instructions: InstructionInfo[];
  variableRefs: VariableRef[];
  byKeyword: Map<string, InstructionInfo[]>;
  /** Each stage's list of instructions, by stage index. */
  stageInstructions: InstructionInfo[][];
}

class Reference implements VariableRef {
  readonly name: string;
  readonly hasFallback: boolean;
  constructor(private readonly variable: ScannedVariable, readonly info: InstructionInfo, public status: VariableRef['status'],
    public context: VariableRef['context']) {
    this.name = variable.name;
    const m = variable.modifier;
    this.hasFallback = m === '-' || m === '+' || m === ':-' || m === ':+';
  }
  get range(): Range { return this.variable.range; }
  get nameRange(): Range { return this.variable.nameRange; }
}

/** A LogicalText seen from `offset` on. */
class OffsetText extends LogicalText {
  constructor(private readonly base: LogicalText, private readonly offset: number) {
    super(base.text.slice(offset), []);
  }
  override positionAt(offset: number) { return this.base.positionAt(offset + this.offset); }
  override rangeOf(start: number, end: number) { return this.base.rangeOf(start + this.offset, end + this.offset); }
}

/** True for text Docker would read as an exec-form JSON array (of strings only). */
export function isJsonStringArray(text: string): boolean {
  const parsed = parseJsonArray(text);
  return parsed !== undefined && parsed.every((e) => typeof e === 'string');
}

/** The array when text is valid JSON and an array; undefined otherwise (Docker then uses shell form). */
export function parseJsonArray(text: string): unknown[] | undefined {
  const t = text.trim();
  if (!t.startsWith('[') || !t.endsWith(']')) { return undefined; }
  try {
    const v: unknown = JSON.parse(t);
    return Array.isArray(v) ? v : undefined;
  } catch {
    return undefined;
  }
}
