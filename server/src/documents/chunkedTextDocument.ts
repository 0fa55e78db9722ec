// The language server's open documents. vscode-languageserver-textdocument keeps a document as one
// string and rebuilds it on every change: on a 700 KB file that is a 700 KB copy per keystroke on the
// thread that answers hovers (≈ 1 ms here, plus the garbage). This document keeps its text in chunks of
// a few kilobytes, so a keystroke copies one chunk, and joins them only when someone reads the whole
// text. It also remembers what each change replaced (as offsets), so the validation worker and the hover
// snapshot learn what changed without comparing two copies of the file.
// Same behaviour as vscode-languageserver-textdocument's TextDocument (positions, line breaks \n, \r\n
// and a lone \r, clamping): test/unit/server/performance/chunkedTextDocument.test.ts compares them.
import type { TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver-types';
import { lineAt } from './lineStarts';
import type { TextDelta } from './textDelta';

const CR = 13;
const LF = 10;
const DEFAULT_CHUNK = 8192;
/** How much change history is kept (what a consumer behind by more gets is the whole text). */
const LOG_ENTRIES = 1000;
const LOG_CHARS = 1 << 20;

/** One version's text, readable after the document has moved on. */
export interface TextSnapshot {
  readonly version: number;
  readonly length: number;
  text(): string;
}

interface LogEntry { from: number; to: number; deltas: TextDelta[]; chars: number }

export class ChunkedTextDocument implements TextDocument {
  private chunks: string[];
  /** Offset where each chunk starts. */
  private starts: number[];
  private size: number;
  /** The whole text, once someone asked for it (until the next change). */
  private flat: string | undefined;
  private lineOffsets: number[] | undefined;
  private readonly log: LogEntry[] = [];
  private logChars = 0;
  private currentVersion: number;

  constructor(readonly uri: string, readonly languageId: string, version: number, content: string, private readonly chunkSize = DEFAULT_CHUNK) {
    this.currentVersion = version;
    this.chunks = split(content, chunkSize);
    this.starts = startsOf(this.chunks);
    this.size = content.length;
    this.flat = content;
  }

  get version(): number { return this.currentVersion; }

  get lineCount(): number { return this.getLineOffsets().length; }

  getText(range?: Range): string {
    if (range) {
      // As String.substring: a range given backwards reads the same text.
      const a = this.offsetAt(range.start);
      const b = this.offsetAt(range.end);
      return this.slice(Math.min(a, b), Math.max(a, b));
    }
    return this.flat ??= this.chunks.join('');
  }

  /** This version's text as it is now, kept when the document changes (joined only if read). */
  snapshot(): TextSnapshot {
    const { chunks, size, currentVersion: version } = this;
    let text = this.flat;
    return {
      version,
      length: size,
      text: () => {
        if (text === undefined) {
          text = chunks.join('');
          if (this.currentVersion === version) { this.flat = text; }
        }
        return text;
      },
    };
  }

  /**
   * The changes that turn version `from` into version `to`, in order (each delta's offsets are in the
   * text the previous one produced); undefined when that history is not kept (or the versions are unknown).
   */
  deltasBetween(from: number, to: number): TextDelta[] | undefined {
    if (from === to) { return []; }
    let k = this.log.length - 1;
    while (k >= 0 && this.log[k].to !== to) { k--; }
    const out: TextDelta[][] = [];
    for (; k >= 0; k--) {
      out.push(this.log[k].deltas);
      if (this.log[k].from === from) { return out.reverse().flat(); }
    }
    return undefined;
  }

  update(changes: TextDocumentContentChangeEvent[], version: number): void {
    const deltas: TextDelta[] = [];
    for (const change of changes) {
      if ('range' in change && change.range) {
        const range = wellFormed(change.range);
        const start = this.offsetAt(range.start);
        const end = this.offsetAt(range.end);
        const lineOffsets = this.getLineOffsets();
        this.replace(start, end, change.text);
        deltas.push({ start, end, text: change.text });
        const insertedEnd = start + change.text.length;
        if ((this.charAt(start - 1) === CR && this.charAt(start) === LF) || (this.charAt(insertedEnd - 1) === CR && this.charAt(insertedEnd) === LF)) {
          // A \r\n pair formed or split at the edge of the edit: count the lines again.
          this.lineOffsets = undefined;
          continue;
        }
        // A position past the last line means the end of the text (offsetAt), so its line is the last one.
        const lastLine = lineOffsets.length - 1;
        const startLine = Math.min(Math.max(range.start.line, 0), lastLine);
        const endLine = Math.min(Math.max(range.end.line, 0), lastLine);
        const added = lineStartsIn(change.text, start);
        if (endLine - startLine === added.length) {
          for (let i = 0; i < added.length; i++) { lineOffsets[startLine + 1 + i] = added[i]; }
        } else {
          this.lineOffsets = lineOffsets.slice(0, startLine + 1).concat(added, lineOffsets.slice(endLine + 1));
        }
        const shift = change.text.length - (end - start);
        if (shift !== 0) {
          const offsets = this.lineOffsets!;
          for (let i = startLine + 1 + added.length; i < offsets.length; i++) { offsets[i] += shift; }
        }
      } else if ('text' in change) {
        deltas.push({ start: 0, end: this.size, text: change.text });
        this.replace(0, this.size, change.text);
        this.lineOffsets = undefined;
      } else {
        throw new Error('unknown change event');
      }
    }
    this.record({ from: this.currentVersion, to: version, deltas, chars: deltas.reduce((n, d) => n + d.text.length, 0) });
    this.currentVersion = version;
  }

  positionAt(offset: number): Position {
    offset = Math.max(Math.min(offset, this.size), 0);
    const lineOffsets = this.getLineOffsets();
    let low = 0;
    let high = lineOffsets.length;
    if (high === 0) { return { line: 0, character: offset }; }
    while (low < high) {
      const mid = (low + high) >> 1;
      if (lineOffsets[mid] > offset) { high = mid; } else { low = mid + 1; }
    }
    const line = low - 1;
    return { line, character: this.beforeLineBreak(offset, lineOffsets[line]) - lineOffsets[line] };
  }

  offsetAt(position: Position): number {
    const lineOffsets = this.getLineOffsets();
    if (position.line >= lineOffsets.length) { return this.size; }
    if (position.line < 0) { return 0; }
    const lineOffset = lineOffsets[position.line];
    if (position.character <= 0) { return lineOffset; }
    const next = position.line + 1 < lineOffsets.length ? lineOffsets[position.line + 1] : this.size;
    return this.beforeLineBreak(Math.min(lineOffset + position.character, next), lineOffset);
  }

  /** The range of a line's text, without its line break (clamped to the document's lines). */
  getLineRange(line: number): Range {
    const lineOffsets = this.getLineOffsets();
    if (line >= lineOffsets.length) {
      const last = lineOffsets.length - 1;
      return { start: { line: last, character: 0 }, end: { line: last, character: this.size - lineOffsets[last] } };
    }
    if (line < 0) { return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }; }
    const start = lineOffsets[line];
    const next = line + 1 < lineOffsets.length ? lineOffsets[line + 1] : this.size;
    return { start: { line, character: 0 }, end: { line, character: this.beforeLineBreak(next, start) - start } };
  }

  /** The line break ending a line ('' for the last line or a line outside the document). */
  getEOLCharacters(line: number): string {
    const lineOffsets = this.getLineOffsets();
    if (line < 0 || line >= lineOffsets.length) { return ''; }
    const next = line + 1 < lineOffsets.length ? lineOffsets[line + 1] : this.size;
    return this.slice(this.beforeLineBreak(next, lineOffsets[line]), next);
  }

  private record(entry: LogEntry): void {
    this.log.push(entry);
    this.logChars += entry.chars;
    while (this.log.length > LOG_ENTRIES || (this.logChars > LOG_CHARS && this.log.length > 1)) { this.logChars -= this.log.shift()!.chars; }
  }

  private getLineOffsets(): number[] {
    return this.lineOffsets ??= [0, ...lineStartsIn(this.getText(), 0)];
  }

  private beforeLineBreak(offset: number, lineOffset: number): number {
    while (offset > lineOffset && isLineBreak(this.charAt(offset - 1))) { offset--; }
    return offset;
  }

  /** Index of the chunk holding `offset` (the last chunk for the end of the text). */
  private chunkAt(offset: number): number { return lineAt(this.starts, offset); }

  private charAt(offset: number): number {
    if (offset < 0 || offset >= this.size) { return -1; }
    if (this.flat !== undefined) { return this.flat.charCodeAt(offset); }
    const i = this.chunkAt(offset);
    return this.chunks[i].charCodeAt(offset - this.starts[i]);
  }

  private slice(start: number, end: number): string {
    if (end <= start) { return ''; }
    if (this.flat !== undefined) { return this.flat.slice(start, end); }
    const i = this.chunkAt(start);
    const j = this.chunkAt(end - 1);
    if (i === j) { return this.chunks[i].slice(start - this.starts[i], end - this.starts[i]); }
    const parts = [this.chunks[i].slice(start - this.starts[i])];
    for (let k = i + 1; k < j; k++) { parts.push(this.chunks[k]); }
    parts.push(this.chunks[j].slice(0, end - this.starts[j]));
    return parts.join('');
  }

  /** Replaces [start, end) with `text`: only the chunks it touches are rebuilt (a new array: snapshots keep the old). */
  private replace(start: number, end: number, text: string): void {
    const i = this.chunkAt(start);
    const j = this.chunkAt(end);
    const middle = this.chunks[i].slice(0, start - this.starts[i]) + text + this.chunks[j].slice(end - this.starts[j]);
    const pieces = middle.length > 2 * this.chunkSize ? split(middle, this.chunkSize) : middle === '' ? [] : [middle];
    let chunks = this.chunks.slice(0, i).concat(pieces, this.chunks.slice(j + 1));
    if (chunks.length === 0) { chunks = ['']; }
    this.size += text.length - (end - start);
    this.flat = undefined;
    // Many small chunks (after many deletions): start again from the whole text.
    if (chunks.length > 4 * (Math.ceil(this.size / this.chunkSize) + 1)) { chunks = split(chunks.join(''), this.chunkSize); }
    this.chunks = chunks;
    this.starts = startsOf(chunks);
  }
}

function split(text: string, size: number): string[] {
  if (text.length <= size) { return [text]; }
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) { out.push(text.slice(i, i + size)); }
  return out;
}

function startsOf(chunks: string[]): number[] {
  const starts = new Array<number>(chunks.length);
  let at = 0;
  for (let i = 0; i < chunks.length; i++) { starts[i] = at; at += chunks[i].length; }
  return starts;
}

/** Offsets (shifted by `offset`) where a new line starts inside `text`: after \n, \r\n or a lone \r. */
function lineStartsIn(text: string, offset: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === CR || ch === LF) {
      if (ch === CR && i + 1 < text.length && text.charCodeAt(i + 1) === LF) { i++; }
      out.push(offset + i + 1);
    }
  }
  return out;
}

function isLineBreak(ch: number): boolean { return ch === CR || ch === LF; }

function wellFormed(range: Range): Range {
  const { start, end } = range;
  return start.line > end.line || (start.line === end.line && start.character > end.character) ? { start: end, end: start } : range;
}

/** The configuration vscode-languageserver's TextDocuments takes, to keep its documents as these. */
export const CHUNKED_DOCUMENTS = {
  create: (uri: string, languageId: string, version: number, content: string): ChunkedTextDocument => new ChunkedTextDocument(uri, languageId, version, content),
  update: (document: ChunkedTextDocument, changes: TextDocumentContentChangeEvent[], version: number): ChunkedTextDocument => {
    document.update(changes, version);
    return document;
  },
};
