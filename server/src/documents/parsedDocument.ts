// Parse once per document version: every request on the same version shares one AST.
import { DockerfileParser, Dockerfile } from 'dockerfile-ast';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DockerfileLike, ScanBase, scanDockerfile, scannedLineStarts } from './instructionScanner';
import { computeLineStarts, hasLoneCarriageReturn } from './lineStarts';
import { ChunkedTextDocument, TextSnapshot } from './chunkedTextDocument';
import { composeAll, TextDelta, textDelta } from './textDelta';

export class ParsedDocument {
  private ast: Dockerfile | undefined;
  // vscode-languageserver's TextDocuments updates a TextDocument *in place* on every change, so the
  // version and text are snapshotted here: a ParsedDocument always describes the version it was made for.
  readonly version: number;
  /** This version's text; with our chunked documents it is joined only when first read. */
  private readonly snapshot: TextSnapshot | undefined;
  private textValue: string | undefined;
  constructor(readonly document: TextDocument) {
    this.version = document.version;
    if (document instanceof ChunkedTextDocument) { this.snapshot = document.snapshot(); } else { this.textValue = document.getText(); }
  }

  get text(): string { return this.textValue ??= this.snapshot!.text(); }

  /** The last delta this computed from a base (see deltaFrom), or one an earlier version handed on. */
  sinceBase: { base: ParsedDocument; version: number; delta: TextDelta } | undefined;
  /**
   * The one replacement turning `base` (an earlier version of the same document) into this version: from
   * the document's change history when it still has it (nothing here is joined or compared; an earlier
   * version's result is extended by the changes since), else by comparing the two texts.
   */
  deltaFrom(base: ParsedDocument): TextDelta {
    const known = this.sinceBase?.base === base ? this.sinceBase : undefined;
    if (known?.version === this.version) { return known.delta; }
    const delta = deltaBetween(base, this, known);
    this.sinceBase = { base, version: this.version, delta };
    return delta;
  }

  get uri(): string { return this.document.uri; }

  /** Whether this version's tree has been built already (reading `dockerfile` would not parse). */
  get isParsed(): boolean { return this.ast !== undefined; }

  private starts: Int32Array | undefined;
  /**
   * Where each line starts, with TextDocument's idea of a line break (\r\n, \n or a lone \r), so line
   * numbers agree with dockerfile-ast's positions. Built once per version: a hover reads lines through it
   * instead of the live TextDocument (whose line table a full-text change throws away).
   */
  get lineStarts(): Int32Array {
    // The scan's when this version is scanned (the same numbers; redone only around the edit).
    return this.starts ??= (this.scan && scannedLineStarts(this.scan)) || computeLineStarts(this.text);
  }

  get lineCount(): number { return this.lineStarts.length; }

  private loneCR: boolean | undefined;
  /** This version's text has a lone carriage return (see documents/lineStarts.ts). */
  get hasLoneCarriageReturn(): boolean { return this.loneCR ??= hasLoneCarriageReturn(this.text); }

  /** One line without its line break ('' past the end). */
  lineText(line: number): string {
    const starts = this.lineStarts;
    if (line < 0 || line >= starts.length) { return ''; }
    const end = line + 1 < starts.length ? starts[line + 1] : this.text.length;
    return this.text.slice(starts[line], end).replace(/\r?\n$|\r$/, '');
  }

  /** The text of a range of this version (the live TextDocument may have moved on since). */
  textOf(range: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
    const offset = (p: { line: number; character: number }): number => {
      const starts = this.lineStarts;
      if (p.line >= starts.length) { return this.text.length; }
      const lineEnd = p.line + 1 < starts.length ? starts[p.line + 1] : this.text.length;
      return Math.min(starts[Math.max(p.line, 0)] + Math.max(p.character, 0), lineEnd);
    };
    return this.text.slice(offset(range.start), offset(range.end));
  }

  private lineArray: string[] | undefined;
  /** Hands this version its lines when the caller has them already (the worker patches the last version's: patchLines). */
  adoptLines(lines: string[]): void { this.lineArray = lines; }
  /** This version's lines (split on \n, kept), for comparing versions line by line. */
  get lines(): string[] {
    this.lineArray ??= this.text.split('\n');
    return this.lineArray;
  }

  /** The dockerfile-ast tree, parsed on first use and kept for this version. */
  get dockerfile(): Dockerfile {
    this.ast ??= DockerfileParser.parse(this.text);
    return this.ast;
  }

  private scan: DockerfileLike | undefined;
  /**
   * The instructions, comments and directives the teaching rules read: our fast scan, or dockerfile-ast's
   * tree where the scan declines (heredocs). Same boundaries either way (documents/instructionScanner.ts).
   */
  get rulesTree(): DockerfileLike {
    if (!this.scan) {
      const previous = this.previousScanned;
      this.previousScanned = undefined;
      if (!this.scanBase && !this.ast && previous?.scan) {
        this.scanBase = { text: previous.text, tree: previous.scan, delta: deltaBetween(previous, this, undefined) };
      }
      this.scan = this.ast ?? scanDockerfile(this.text, this.scanBase) ?? this.dockerfile;
      this.scanBase = undefined;
    }
    return this.scan;
  }

  /** Whether rulesTree has been computed for this version. */
  get isScanned(): boolean { return this.scan !== undefined; }

  /** The previous version's scan and the edit since: the scan then redoes only the edited region. */
  scanBase: ScanBase | undefined;
  /**
   * The version before this one, when it was scanned: this version's scan then starts from it (the cache
   * sets it; dropped once used, so versions never chain).
   */
  previousScanned: ParsedDocument | undefined;

  private readonly derivedValues = new Map<string, unknown>();
  /**
   * An index derived from this version's parse (e.g. hover's per-stage variable index), built by `build`
   * on first use and shared by every later request on the same version. `key` names the index.
   */
  derived<T>(key: string, build: (doc: ParsedDocument) => T): T {
    if (!this.derivedValues.has(key)) {
      this.derivedValues.set(key, build(this));
      // With an index of its own, this version answers hovers itself (hover/hoverSnapshot.ts): its distance
      // to an older indexed version is never asked again. Kept, that link held every indexed version alive,
      // each with its index and text (a chain growing by one per place the learner hovered after typing).
      this.sinceBase = undefined;
      this.onDerived(key);
    }
    return this.derivedValues.get(key) as T;
  }

  /** Whether `derived(key, …)` has been built for this version. */
  hasDerived(key: string): boolean { return this.derivedValues.has(key); }

  /** Called once per key when a derived index is built (the cache remembers which version has one). */
  protected onDerived(_key: string): void { /* the cache's documents override it */ }
}

/**
 * The replacement turning `base` into `doc` (a later version of the same document): from the document's
 * change history (extending `known`, a delta from `base` to an intermediate version, when given), else by
 * comparing the texts.
 */
function deltaBetween(base: ParsedDocument, doc: ParsedDocument, known: { version: number; delta: TextDelta } | undefined): TextDelta {
  const chunked = doc.document instanceof ChunkedTextDocument && base.document === doc.document ? doc.document : undefined;
  if (chunked && known) {
    const since = chunked.deltasBetween(known.version, doc.version);
    if (since) { return since.length ? composeAll(base.text, since, known.delta) : known.delta; }
  }
  const deltas = chunked?.deltasBetween(base.version, doc.version);
  return deltas ? composeAll(base.text, deltas) : textDelta(base.text, doc.text);
}

/** DOCKER_LEARNING_TRACE=1: a line on stderr per whole-file parse and per derived index built (tests count them). */
const TRACE = process.env.DOCKER_LEARNING_TRACE === '1';

/** Keeps one ParsedDocument per open document, replaced whenever the version changes. */
export class ParsedDocumentCache {
  private readonly byUri = new Map<string, ParsedDocument>();
  /** Per derived-index key and document, the newest version that built it (hover may answer from it: hover/hoverSnapshot.ts). */
  private readonly derivedByKey = new Map<string, Map<string, ParsedDocument>>();
  /** Per document, the newest version scanned: the next version's scan starts from it (redoing only the edit). */
  private readonly scannedByUri = new Map<string, ParsedDocument>();
  /** How many times a document was parsed whole: tests assert "once per version" (or "never") with it. */
  parses = 0;

  get(document: TextDocument): ParsedDocument {
    const cached = this.byUri.get(document.uri);
    if (cached && cached.version === document.version && cached.document === document) { return cached; }
    const parsed: ParsedDocument = new CachedParsedDocument(document, {
      parsed: (doc) => {
        this.parses++;
        if (TRACE) { process.stderr.write(`[parse] ${doc.uri} v${doc.version}\n`); }
      },
      scanned: (doc) => this.remember(this.scannedByUri, doc),
      derived: (doc, key) => {
        if (TRACE) { process.stderr.write(`[derived ${key}] ${doc.uri} v${doc.version}\n`); }
        let byUri = this.derivedByKey.get(key);
        if (!byUri) { byUri = new Map(); this.derivedByKey.set(key, byUri); }
        this.remember(byUri, doc);
      },
    });
    // Hand on what the replaced version knew of its distance to an indexed base (hover/hoverSnapshot.ts).
    if (cached && cached.document === document && cached.version < document.version) { parsed.sinceBase = cached.sinceBase; }
    // Symbols, folding and hover's index read the scan: the new version's scan redoes only the edits since
    // the newest scanned version (even when versions in between were never scanned).
    const scanned = this.scannedByUri.get(document.uri);
    if (scanned && scanned.document === document && scanned.version < document.version) { parsed.previousScanned = scanned; }
    this.byUri.set(document.uri, parsed);
    return parsed;
  }

  /** The newest version of this document (the same TextDocument, i.e. not closed since) with `derived(key, …)` built, if any. */
  lastDerived(document: TextDocument, key: string): ParsedDocument | undefined {
    const doc = this.derivedByKey.get(key)?.get(document.uri);
    return doc && doc.document === document ? doc : undefined;
  }

  delete(uri: string): void {
    this.byUri.delete(uri);
    this.scannedByUri.delete(uri);
    for (const byUri of this.derivedByKey.values()) { byUri.delete(uri); }
  }

  private remember(byUri: Map<string, ParsedDocument>, doc: ParsedDocument): void {
    const known = byUri.get(doc.uri);
    if (!known || known.document !== doc.document || known.version <= doc.version) { byUri.set(doc.uri, doc); }
  }
}

interface CacheHooks {
  parsed(doc: ParsedDocument): void;
  scanned(doc: ParsedDocument): void;
  derived(doc: ParsedDocument, key: string): void;
}

class CachedParsedDocument extends ParsedDocument {
  constructor(document: TextDocument, private readonly hooks: CacheHooks) { super(document); }
  override get dockerfile(): Dockerfile {
    const first = !this.isParsed;
    const tree = super.dockerfile;
    if (first) { this.hooks.parsed(this); }
    return tree;
  }
  override get rulesTree(): DockerfileLike {
    const first = !this.isScanned;
    const tree = super.rulesTree;
    if (first) { this.hooks.scanned(this); }
    return tree;
  }
  protected override onDerived(key: string): void { this.hooks.derived(this, key); }
}
