// Incremental syntax validation. dockerfile-utils' validate reparses the whole text and resolves every
// variable by rescanning all earlier instructions (quadratic: minutes on a 25k-line file). Here the text is
// split, by our own line scanner, into chunks of whole instructions; each chunk is validated by
// dockerfile-utils on a small synthetic document: the leading comment/directive lines (escape character),
// the FROM of its stage, and only the ARG/ENV instructions that declare a name the chunk refers to (the last
// ENV and the last ARG per name, in order; global ARGs likewise). Those are exactly what dockerfile-ast's
// resolveVariable / isBuildVariable look at, so the chunk's problems are the ones the whole-text validation
// reports on its lines. Results are cached by the synthetic text, which holds no absolute line numbers: an
// edit revalidates only the chunk it touched (and chunks whose context it changed), even when it shifts lines.
// Anything the scanner is not sure about (heredocs, a FROM inside a continuation, small files) takes the
// whole-text path, which stays the reference (test/unit/server/performance/chunkedValidation.test.ts).
import type { Diagnostic } from 'vscode-languageserver-types';
import type { DockerfileLanguageService } from 'dockerfile-language-service';
import { DockerfileParser } from 'dockerfile-ast';
import { ValidationCode } from 'dockerfile-utils';
import { VALIDATOR_SETTINGS } from '../diagnostics/validatorSettings';
import { scannedLineSpans, scannedLineStarts, type DockerfileLike, type InstructionLike } from '../documents/instructionScanner';
import { hasLoneCarriageReturn } from '../documents/lineStarts';
import { keepNewest } from './keptShapes';
import { detached } from '../diagnostics/model/logicalText';

/** Problems of the leading directives: chunk 0 holds the directives where they are and reports them. */
const DIRECTIVE_CODES = new Set<number>([ValidationCode.CASING_DIRECTIVE, ValidationCode.DUPLICATED_ESCAPE_DIRECTIVE, ValidationCode.INVALID_ESCAPE_DIRECTIVE]);

export interface ChunkOptions {
  /** Files with fewer lines are validated whole (fast enough, and exactly dockerfile-utils). */
  minLines: number;
  /** A chunk closes once it holds this many lines (at an instruction boundary); may depend on the file's line count. */
  chunkLines: number | ((lineCount: number) => number);
}

// Chunked at every size. A keystroke costs one chunk's validation (dockerfile-utils: ~2 ms for 32 lines)
// plus a little per chunk for the whole file (~20 µs: its text, context and cache lookups): small files
// gain from small chunks (111 lines: 2.8 → 1.6 ms per edit with 16-line chunks), large ones do not
// (25k lines: 16-line chunks cost ~15 ms more per edit than 32-line ones).
export const DEFAULT_CHUNK_OPTIONS: ChunkOptions = { minLines: 0, chunkLines: (lineCount) => (lineCount <= 2000 ? 16 : 32) };

interface Segment {
  /** First line of the instruction (leading comments and blank lines belong to the chunk, not to context). */
  insStart: number;
  /** One past the instruction's last line. */
  end: number;
  keyword: string;
  /** Names an ARG/ENV may declare (a superset: every token before `=`, and bare tokens). */
  declares?: string[];
  /**
   * The scanned instruction it was made from, and its column (scanFromTree). A segment is carried into the
   * next pass only for the same instruction object at the same place, which the scan guarantees is the
   * same text: a segment the same object as last pass's is the same text at the same lines.
   */
  source?: InstructionLike;
  column?: number;
}

interface Scan {
  lines: string[];
  prologueEnd: number;
  segments: Segment[];
  /** False when the scanner met something it does not model: validate the whole text instead. */
  ok: boolean;
  /** Made from the exact instruction scan (scanFromTree): its line starts cut the text. */
  fromTree?: boolean;
}

const COMMENT = /^[ \t]*#/;
const BLANK = /^[ \t\r]*$/;
const HEREDOC = /<<-?[ \t]*["']?[A-Za-z_]/;

function escapeOf(prologue: string): string {
  try { return DockerfileParser.parse(prologue).getEscapeCharacter(); } catch { return '\\'; }
}

function endsWithEscape(line: string, escape: string): boolean {
  let i = line.length - 1;
  while (i >= 0 && (line[i] === ' ' || line[i] === '\t' || line[i] === '\r')) { i--; }
  return i >= 0 && line[i] === escape;
}

const firstWord = (line: string): string => /^[ \t]*(\S+)/.exec(line)?.[1]?.toUpperCase() ?? '';

function declaredNames(lines: string[], from: number, to: number): string[] {
  const names: string[] = [];
  for (let l = from; l < to; l++) {
    const tokens = lines[l].split(/[\s]+/).filter(Boolean);
    for (let t = 0; t < tokens.length; t++) {
      if (l === from && t === 0) { continue; }
      const eq = tokens[t].indexOf('=');
      names.push((eq >= 0 ? tokens[t].slice(0, eq) : tokens[t]).replace(/^["']|["']$/g, ''));
    }
  }
  return names;
}

export function scan(text: string): Scan {
  const lines = text.split('\n');
  let i = 0;
  while (i < lines.length && (COMMENT.test(lines[i]) || BLANK.test(lines[i]))) { i++; }
  const prologueEnd = i;
  const escape = escapeOf(lines.slice(0, prologueEnd).join('\n'));
  const segments: Segment[] = [];
  // Lone carriage returns are line breaks to dockerfile-ast but not to this scanner.
  if (HEREDOC.test(text) || hasLoneCarriageReturn(text)) { return { lines, prologueEnd, segments, ok: false }; }
  while (i < lines.length) {
    if (COMMENT.test(lines[i]) || BLANK.test(lines[i])) { i++; continue; }
    const insStart = i;
    const keyword = firstWord(lines[i]);
    let ambiguous = false;
    let last = i;
    let j = i;
    while (endsWithEscape(lines[last], escape) && j + 1 < lines.length) {
      j++;
      // Comment and blank lines inside a continuation do not end the instruction.
      if (COMMENT.test(lines[j]) || BLANK.test(lines[j])) { continue; }
      last = j;
      const w = firstWord(lines[j]);
      if (w === 'FROM' || w === 'ARG' || w === 'ENV') { ambiguous = true; }
    }
    const end = last + 1;
    if (ambiguous && keyword !== 'ARG' && keyword !== 'ENV') { return { lines, prologueEnd, segments, ok: false }; }
    segments.push({ insStart, end, keyword, declares: keyword === 'ARG' || keyword === 'ENV' ? declaredNames(lines, insStart, end) : undefined });
    i = end;
  }
  return { lines, prologueEnd, segments, ok: true };
}

/**
 * Segments from the exact instruction scan (documents/instructionScanner.ts): its boundaries are
 * dockerfile-ast's, so nothing is ambiguous. Undefined for a dockerfile-ast tree (the scan declined).
 * `recycled` is the last pass's list: each of its segments is read before its slot is written, and the
 * list becomes this pass's (a keystroke on 25,011 lines otherwise made a new list of 15,000).
 */
export function scanFromTree(tree: DockerfileLike, lines: string[], declared: Map<string, string[]>, recycled: Segment[] = []): Scan | undefined {
  const instructions = tree.getInstructions();
  // Lines from the scan's offsets: each instruction's range would be three objects per keystroke.
  const spans = scannedLineSpans(tree);
  if (!spans) { return undefined; }
  let prologueEnd = 0;
  while (prologueEnd < lines.length && (COMMENT.test(lines[prologueEnd]) || BLANK.test(lines[prologueEnd]))) { prologueEnd++; }
  const segments = recycled;
  for (let i = 0; i < instructions.length; i++) {
    const ins = instructions[i];
    const insStart = spans.first[i];
    const end = spans.last[i] + 1;
    // (Every instruction of a scan has startCharacter and rawText: scannedLineSpans answered, so this is a scan.)
    const column = ins.startCharacter!();
    // The last pass's segment for the very same instruction at the same place: the same text (see Segment).
    const old = segments[i];
    if (old && old.source === ins && old.insStart === insStart && old.end === end && old.column === column) { continue; }
    const keyword = ins.getKeyword();
    let declares: string[] | undefined;
    if (keyword === 'ARG' || keyword === 'ENV') {
      // By the instruction's text, from earlier passes: most ARG/ENV lines are unchanged between versions.
      const raw = ins.rawText!();
      declares = declared.get(raw);
      if (!declares) {
        declares = declaredNames(lines, insStart, end);
        // A copy of its own as the key: a slice would keep this version's whole text alive.
        declared.set(detached(raw), declares);
      }
    }
    segments[i] = { insStart, end, keyword, declares, source: ins, column };
  }
  segments.length = instructions.length;
  return { lines, prologueEnd, segments, ok: true, fromTree: true };
}

const REFERENCE = /\$\{([^}:\s$]*)|\$([A-Za-z0-9_]+)/g;
function referencedNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const m of text.matchAll(REFERENCE)) { names.add(m[1] ?? m[2]); }
  return names;
}

interface Decl { env?: Segment; arg?: Segment }

/** What a pass found for one chunk; kept for the next pass, by chunk position and by the chunk's text. */
interface ChunkResult {
  /**
   * The chunk's text, a copy of its own (a slice would keep the version it came from alive), compared with the
   * chunk's text each pass and its key in the cache (where V8 keeps its hash: a kept chunk costs no hashing).
   */
  text: string;
  /** Names it refers to. */
  names: Set<string>;
  /** The instructions put before it as context, in order (segment objects: see Segment.source). */
  context: readonly Segment[];
  /** Where the chunk starts in its synthetic document and that document's context lines, as one key. */
  key: string;
  /** Its problems, lines counted from the chunk's first line. */
  diags: Diagnostic[];
  /** The last pass that placed it. */
  pass: number;
}

const NO_SEGMENTS: readonly Segment[] = [];

/** One per open document: keeps the chunk results of the last pass, by position and by chunk text. */
export class ChunkedSyntaxValidator {
  /**
   * Results by chunk text, for a chunk that moved or repeats. Kept across passes: only the results a pass
   * replaces are taken out and the new ones put in (a map rebuilt per pass hashed every chunk's text on every
   * keystroke, ~1 ms at 25,011 lines).
   */
  private cache = new Map<string, ChunkResult>();
  private pass = 0;
  /** The last pass's results by chunk position (most chunks are where they were, with the same context). */
  private results: ChunkResult[] = [];
  /** Names each ARG/ENV instruction text declares, from earlier passes (see scanFromTree). */
  private declared = new Map<string, string[]>();
  /** The last run's segments from a scan (see scanFromTree). */
  private segments: Segment[] = [];
  /** The last pass's leading comment and directive lines (part of every chunk's context). */
  private prologue = '';
  /** Chunks validated by dockerfile-utils in the last run (tests and the benchmark read it). */
  lastValidated = 0;
  lastChunks = 0;
  /** Chunks whose result was taken from the last pass by position, without building its context (tests read it). */
  lastKept = 0;
  /** Chunks dockerfile-utils failed on in the last run (the caller logs them). */
  failures: string[] = [];

  constructor(private readonly service: DockerfileLanguageService, private readonly options: ChunkOptions = DEFAULT_CHUNK_OPTIONS) {}

  /** Raw dockerfile-utils diagnostics for the whole text, as `service.validate(text, VALIDATOR_SETTINGS)` would give. */
  validate(text: string, tree?: DockerfileLike, textLines?: string[]): Diagnostic[] {
    const lineCount = textLines?.length ?? countLines(text);
    const s = lineCount < this.options.minLines ? undefined : (tree && scanFromTree(tree, textLines ?? text.split('\n'), this.declared, this.segments)) ?? scan(text);
    this.segments = s?.fromTree ? s.segments : [];
    if (!s || !s.ok) {
      this.lastValidated = 1; this.lastChunks = 1; this.lastKept = 0; this.cache.clear(); this.results = [];
      this.failures = [];
      try {
        return this.service.validate(text, VALIDATOR_SETTINGS) as Diagnostic[];
      } catch (e) {
        this.failures.push(`whole text: ${(e as Error).message}`);
        return [];
      }
    }
    this.failures = [];
    const { prologueEnd } = s;
    // With a scan, a chunk's text is a slice of the text (its lines joined by \n are exactly that text,
    // and a scan means no lone \r): no copy of the file per keystroke, only small slice objects.
    // (Let: emptied with the rest below.)
    let starts = tree && s.fromTree ? scannedLineStarts(tree) : undefined;
    let source = text;
    const linesText = (from: number, to: number): string => (starts
      ? source.slice(starts[from], to < starts.length ? starts[to] - 1 : source.length)
      : lines.slice(from, to).join('\n'));
    // Let, not const: emptied once the pass is done, so the closures kept below keep nothing big alive.
    let { lines, segments } = s;
    const chunkSize = typeof this.options.chunkLines === 'number' ? this.options.chunkLines : this.options.chunkLines(lines.length);
    const prologue = lines.slice(0, prologueEnd).join('\n');
    const samePrologue = prologue === this.prologue;
    this.prologue = prologue;
    let previous = samePrologue ? this.results : [];
    const results = this.results;
    const pass = ++this.pass;
    /** Results this pass replaced (taken out of the cache at the end, unless placed elsewhere). */
    const dropped: ChunkResult[] = [];
    const out: Diagnostic[] = [];
    this.lastValidated = 0; this.lastChunks = 0; this.lastKept = 0;

    let globals = new Map<string, Segment>();
    let stageFrom: Segment | undefined;
    let stage = new Map<string, Decl>();
    let k = 0;
    // Chunk 0 runs from line 0 through the first FROM: everything dockerfile-utils checks across the
    // global region ("no source image", directives) stays in one piece, validated as it stands.
    while (k < segments.length && segments[k].keyword !== 'FROM') { k++; }
    let chunkStartSeg = 0;
    let chunkStartLine = 0;
    const flush = (endSeg: number, endLine: number): void => {
      const index = this.lastChunks++;
      const chunkText = linesText(chunkStartLine, endLine);
      // The result at the same position last pass, if the chunk's text is the same.
      let result: ChunkResult | undefined = previous[index];
      if (result && result.text !== chunkText) { result = undefined; }
      let context: readonly Segment[] = NO_SEGMENTS;
      let names: Set<string> | undefined;
      if (chunkStartLine !== 0) {
        names = result?.names ?? this.cache.get(chunkText)?.names ?? referencedNames(chunkText);
        const pieces = new Set<Segment>();
        for (const name of names) { const g = globals.get(name); if (g) { pieces.add(g); } }
        // Some instruction always comes before the chunk, so its leading comments are never read as
        // directives. A chunk that opens a stage sees nothing else of the previous one.
        if (stageFrom) { pieces.add(stageFrom); }
        if (stageFrom && segments[chunkStartSeg]?.keyword !== 'FROM') {
          for (const name of names) { const d = stage.get(name); if (d?.env) { pieces.add(d.env); } if (d?.arg) { pieces.add(d.arg); } }
        }
        context = [...pieces].sort((a, b) => a.insStart - b.insStart);
      }
      if (result && sameSegments(result.context, context)) {
        // Same text, same context instructions (the same segments are the same text): its result stands.
        this.lastKept++;
      } else {
        // Cached by the chunk's own text, then by its context (where it starts and the context lines): on a
        // cache hit the synthetic document is never assembled.
        let at = 0;
        const contextTexts: string[] = [];
        if (chunkStartLine !== 0) {
          if (prologueEnd > 0) { contextTexts.push(prologue); }
          at = prologueEnd;
          for (const p of context) { contextTexts.push(linesText(p.insStart, p.end)); at += p.end - p.insStart; }
        }
        // The same text can be a whole chunk 0 and a context + chunk: where the chunk starts is part of the key.
        const key = `${at}\u0000${contextTexts.join('\n')}`;
        const known = this.cache.get(chunkText);
        let diags = known?.key === key ? known.diags : undefined;
        if (!diags) {
          this.lastValidated++;
          const synthetic = contextTexts.length > 0 ? `${contextTexts.join('\n')}\n${chunkText}` : chunkText;
          const chunkLines = endLine - chunkStartLine;
          let found: Diagnostic[] = [];
          try {
            found = this.service.validate(synthetic, VALIDATOR_SETTINGS) as Diagnostic[];
          } catch (e) {
            // dockerfile-utils overflows its stack on some garbage (variable resolution recursing): only this
            // chunk loses its syntax problems; the whole-text validation would have lost them all.
            this.failures.push(`lines ${chunkStartLine + 1}-${endLine}: ${(e as Error).message}`);
          }
          const start = at;
          diags = found
            .filter((d) => d.range.start.line >= start && d.range.start.line < start + chunkLines && (start === 0 || !DIRECTIVE_CODES.has(Number(d.code))))
            .map((d) => shift(d, -start));
        }
        result = { text: detached(chunkText), names: names ?? NO_NAMES, context, key, diags, pass };
        this.cache.set(result.text, result);
      }
      const before = results[index];
      if (before !== undefined && before !== result) { dropped.push(before); }
      result.pass = pass;
      results[index] = result;
      for (const d of result.diags) { out.push(shift(d, chunkStartLine)); }
      // Declarations of this chunk become context for the next ones.
      for (let x = chunkStartSeg; x < endSeg; x++) { record(segments[x]); }
      chunkStartSeg = endSeg; chunkStartLine = endLine;
    };
    const record = (seg: Segment): void => {
      if (seg.keyword === 'FROM') { stageFrom = seg; stage = new Map(); return; }
      if (!seg.declares) { return; }
      for (const name of seg.declares) {
        if (!stageFrom) { if (seg.keyword === 'ARG') { globals.set(name, seg); } continue; }
        // Both fields from the start: one object layout, made from this literal (see keptShapes.ts).
        const d: Decl = stage.get(name) ?? { env: undefined, arg: undefined };
        if (seg.keyword === 'ENV') { d.env = seg; } else { d.arg = seg; }
        stage.set(name, d);
      }
    };
    for (let x = Math.min(k + 1, segments.length); x < segments.length; x++) {
      const seg = segments[x];
      if (seg.keyword === 'FROM' || seg.insStart - chunkStartLine >= chunkSize) {
        // Leading comments and blank lines go with the instruction they precede (`# dockerfile-utils: ignore`).
        const boundary = x > 0 ? segments[x - 1].end : seg.insStart;
        flush(x, boundary);
      }
    }
    flush(segments.length, lines.length);
    for (let i = this.lastChunks; i < results.length; i++) { dropped.push(results[i]); }
    results.length = this.lastChunks;
    for (const d of dropped) { if (d.pass !== pass && this.cache.get(d.text) === d) { this.cache.delete(d.text); } }
    // The names ARG/ENV texts declare: kept while they are not many more than the file has instructions.
    if (this.declared.size > 2 * segments.length + 256) { this.declared = new Map(); }
    // The closures stay alive until the next pass (incremental/keptShapes.ts), what they refer to does not.
    lines = []; segments = []; globals = new Map(); stage = new Map(); stageFrom = undefined; starts = undefined; source = ''; previous = [];
    keepNewest('chunk pass', [flush, record]);
    return out;
  }
}

const NO_NAMES: Set<string> = new Set();

/** The same segment objects in the same order. */
function sameSegments(a: readonly Segment[], b: readonly Segment[]): boolean {
  if (a.length !== b.length) { return false; }
  for (let i = 0; i < a.length; i++) { if (a[i] !== b[i]) { return false; } }
  return true;
}

function countLines(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0 && n < 1e9; i = text.indexOf('\n', i + 1)) { n++; }
  return n;
}

function shift(d: Diagnostic, lines: number): Diagnostic {
  // dockerfile-utils also records the line of the instruction a problem is in.
  const instructionLine = (d as { instructionLine?: unknown }).instructionLine;
  return {
    ...d,
    ...(typeof instructionLine === 'number' ? { instructionLine: instructionLine + lines } : {}),
    range: { start: { line: d.range.start.line + lines, character: d.range.start.character }, end: { line: d.range.end.line + lines, character: d.range.end.character } },
  };
}
