// Formatting with dockerfile-utils' rules (instructions start at column 0, continuation lines get one
// indentation, whitespace-only lines are emptied, heredoc bodies are left alone), computed from the
// cached parse: dockerfile-utils would reparse the file for every request and looks each line up in
// a list of heredoc lines (quadratic on big files).
import type { Heredoc, Instruction } from 'dockerfile-ast';
import { FormattingOptions, Position, Range, TextEdit } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../documents/parsedDocument';

export interface FormatterSettings extends FormattingOptions {
  /** Leave the continuation lines of multi-line instructions alone. */
  ignoreMultilineInstructions?: boolean;
}

interface LineRoles {
  /** Lines 2… of a multi-line instruction: indented once. */
  indented: Set<number>;
  heredoc: Set<number>;
}

function indentationOf(options: FormattingOptions): string {
  return options.insertSpaces ? ' '.repeat(options.tabSize) : '\t';
}

function heredocsOf(instruction: Instruction): Heredoc[] {
  const k = instruction.getKeyword();
  if (k !== 'RUN' && k !== 'COPY') { return []; }
  const withHeredocs = instruction as unknown as { getHeredocs?: () => Heredoc[] };
  return typeof withHeredocs.getHeredocs === 'function' ? withHeredocs.getHeredocs() : [];
}

/** From the first heredoc's content (or delimiter) to the last heredoc's delimiter (or content). */
function heredocLines(heredocs: Heredoc[], into: Set<number>): void {
  let start = -1;
  for (const h of heredocs) {
    const r = h.getContentRange() ?? h.getDelimiterRange();
    if (r) { start = r.start.line; break; }
  }
  if (start === -1) { return; }
  let end = -1;
  for (let i = heredocs.length - 1; i >= 0; i--) {
    const r = heredocs[i].getDelimiterRange() ?? heredocs[i].getContentRange();
    if (r) { end = r.end.line; break; }
  }
  for (let line = start; line <= end; line++) { into.add(line); }
}

const ROLES_KEY = 'features.formattingLineRoles';

function lineRoles(doc: ParsedDocument): LineRoles {
  return doc.derived(ROLES_KEY, (d) => {
    const roles: LineRoles = { indented: new Set(), heredoc: new Set() };
    for (const instruction of d.dockerfile.getInstructions()) {
      const { start, end } = instruction.getRange();
      for (let line = start.line + 1; line <= end.line; line++) { roles.indented.add(line); }
      // Reading heredocs makes dockerfile-ast re-split the instruction: only where a `<<` could start one.
      if (d.document.getText({ start, end: { line: start.line + 1, character: 0 } }).includes('<<')) {
        const heredocs = heredocsOf(instruction);
        if (heredocs.length) { heredocLines(heredocs, roles.heredoc); }
      }
    }
    return roles;
  });
}

function formatLines(doc: ParsedDocument, lines: number[], roles: LineRoles, options: FormatterSettings): TextEdit[] {
  const indentation = indentationOf(options);
  const document = doc.document;
  const content = doc.text;
  const edits: TextEdit[] = [];
  for (const line of lines) {
    if (options.ignoreMultilineInstructions && roles.indented.has(line)) { continue; }
    if (roles.heredoc.has(line)) { continue; }
    const startOffset = document.offsetAt(Position.create(line, 0));
    let j = startOffset;
    while (j < content.length && (content[j] === ' ' || content[j] === '\t')) { j++; }
    const range = (): Range => ({ start: document.positionAt(startOffset), end: document.positionAt(j) });
    if (j >= content.length || content[j] === '\r' || content[j] === '\n') {
      // whitespace only: trim it
      if (j !== startOffset) { edits.push(TextEdit.del(range())); }
    } else if (roles.indented.has(line)) {
      if (content.slice(startOffset, j) !== indentation) { edits.push(TextEdit.replace(range(), indentation)); }
    } else if (j !== startOffset) {
      edits.push(TextEdit.del(range()));
    }
  }
  return edits;
}

export function formatDocument(doc: ParsedDocument, options: FormatterSettings): TextEdit[] {
  const lines = Array.from({ length: doc.document.lineCount }, (_, i) => i);
  return formatLines(doc, lines, lineRoles(doc), options);
}

export function formatRange(doc: ParsedDocument, range: Range, options: FormatterSettings): TextEdit[] {
  const lines: number[] = [];
  for (let line = range.start.line; line <= Math.min(range.end.line, doc.document.lineCount - 1); line++) { lines.push(line); }
  return formatLines(doc, lines, lineRoles(doc), options);
}

/** Typing the escape character at the end of a line indents the next line. */
export function formatOnType(doc: ParsedDocument, position: Position, ch: string, options: FormatterSettings): TextEdit[] {
  const dockerfile = doc.dockerfile;
  if (dockerfile.getEscapeCharacter() !== ch) { return []; }
  if (dockerfile.getComments().some((c) => c.getRange().start.line === position.line)) { return []; }
  if (dockerfile.getDirectives().length > 0 && position.line === 0) { return []; }
  const content = doc.text;
  for (let i = doc.document.offsetAt(position); i < content.length; i++) {
    const c = content[i];
    if (c === '\r' || c === '\n') { break; }
    if (c !== ' ' && c !== '\t') { return []; }
  }
  const line = position.line + 1;
  const roles: LineRoles = { indented: new Set([line]), heredoc: lineRoles(doc).heredoc.has(line) ? new Set([line]) : new Set() };
  return formatLines(doc, [line], roles, options);
}
