// The teaching hover. Contextual answers computed from the file come first (a variable's value, the
// effective start command, a stage, an image reference), then our topic texts. Everything is read
// from the document's cached parse and index: no reparsing per request.
import type { Copy, Flag, From, Instruction } from 'dockerfile-ast';
import { Hover, MarkupKind, Position, Range } from 'vscode-languageserver-types';
import type { Language } from '../i18n/language';
import type { ParsedDocument } from '../documents/parsedDocument';
import { astInstruction, DocumentIndex, documentIndex, instructionIndexAt, lineTextOf, stageReferencedBy } from './documentIndex';
import { code } from './markdown';
import { msg } from './messages';
import { imageMarkdown, stageMarkdown } from './stageHover';
import { startCommandMarkdown } from './startCommand';
import { topicAt } from './topicAt';
import { topicMarkdown } from './topics';
import { resolveVariable, variableHover } from './variableHover';
import { expandVariables } from './variableSyntax';

const SEPARATOR = '\n\n---\n\n';

/** Never throws: an odd position (past the end, inside a comment, an empty file) simply has no hover. */
export function computeHover(doc: ParsedDocument, position: Position, language: Language): Hover | null {
  try {
    return hoverAt(doc, position, language);
  } catch {
    return null;
  }
}

function markdownHover(value: string, range: Range): Hover {
  return { contents: { kind: MarkupKind.Markdown, value }, range };
}

/** Half-open on one line: the character under the mouse is inside [start, end). */
function within(range: Range | null | undefined, p: Position): range is Range {
  if (!range) { return false; }
  if (p.line < range.start.line || p.line > range.end.line) { return false; }
  if (p.line === range.start.line && p.character < range.start.character) { return false; }
  if (p.line === range.end.line && p.character >= range.end.character) { return false; }
  return true;
}

function hoverAt(doc: ParsedDocument, position: Position, language: Language): Hover | null {
  if (position.line < 0 || position.character < 0 || position.line >= doc.lineCount) { return null; }
  const index = documentIndex(doc);
  const lineText = (line: number): string => lineTextOf(doc, line);
  const at = instructionIndexAt(index, position);
  const instruction = at >= 0 ? astInstruction(index, at) : undefined;

  if (instruction) {
    const variable = variableHover(doc, index, at, position, language);
    if (variable) { return variable; }
    const contextual = contextualHover(doc, index, at, instruction, position, language);
    if (contextual) { return contextual; }
  }

  const hit = topicAt(index.directives, lineText, position, instruction);
  if (!hit) { return null; }
  const topic = topicMarkdown(hit.topic, language);
  if (!topic) { return null; }
  // On the CMD / ENTRYPOINT keyword: what the container will actually run, then the lesson.
  const keyword = instruction?.getKeyword();
  if ((keyword === 'CMD' || keyword === 'ENTRYPOINT') && hit.topic === keyword.toLowerCase()) {
    const start = startCommandMarkdown(index, at, language);
    if (start) { return markdownHover(start + SEPARATOR + topic, hit.range); }
  }
  return markdownHover(topic, hit.range);
}

function contextualHover(doc: ParsedDocument, index: DocumentIndex, at: number, instruction: Instruction, position: Position, language: Language): Hover | null {
  const keyword = instruction.getKeyword();
  const firstLine = (line: number): string => lineTextOf(doc, line);
  switch (keyword) {
    case 'FROM': {
      const from = instruction as From;
      const stageIndex = index.stageOf[at];
      const nameRange = from.getBuildStageRange();
      if (within(nameRange, position)) {
        return markdownHover(stageMarkdown(index, index.stages[stageIndex], firstLine, language), nameRange);
      }
      const imageRange = from.getImageRange();
      if (within(imageRange, position)) {
        const stage = index.stages[stageIndex];
        const parent = stageReferencedBy(index, stage.imageExpanded, at);
        if (parent) { return markdownHover(stageMarkdown(index, parent, firstLine, language), imageRange); }
        return markdownHover(imageMarkdown(stage.image, stage.imageExpanded, language), imageRange);
      }
      return null;
    }
    case 'COPY': {
      const flag = (instruction as Copy).getFromFlag();
      return fromValueHover(doc, index, at, flag?.getValue(), flag?.getValueRange(), position, language);
    }
    case 'RUN':
      for (const flag of flagsOf(instruction)) {
        if (flag.getName() !== 'mount') { continue; }
        const option = flag.getOption('from');
        const hover = fromValueHover(doc, index, at, option?.getValue(), option?.getValueRange(), position, language);
        if (hover) { return hover; }
      }
      return null;
    case 'CMD':
    case 'ENTRYPOINT': {
      const args = instruction.getArgumentsRange();
      if (!within(args, position)) { return null; }
      const start = startCommandMarkdown(index, at, language);
      return start ? markdownHover(start, args) : null;
    }
    default:
      return null;
  }
}

/** `--from=name` / `from=name`: a stage of this file, or else an image Docker will pull. */
function fromValueHover(doc: ParsedDocument, index: DocumentIndex, at: number, value: string | null | undefined, range: Range | null | undefined, position: Position, language: Language): Hover | null {
  if (!value || !within(range, position)) { return null; }
  const expanded = expandVariables(value, (n) => resolveVariable(index, at, n).value, index.escapeChar);
  const stage = stageReferencedBy(index, expanded, at);
  if (stage) {
    return markdownHover(stageMarkdown(index, stage, (line) => lineTextOf(doc, line), language, /^\d+$/.test(expanded)), range);
  }
  if (/^\d+$/.test(expanded)) { return markdownHover(msg(language, 'stage.noSuchNumber', { index: expanded }), range); }
  const notAStage = msg(language, 'stage.notAStage', { name: code(expanded) });
  return markdownHover(`${notAStage}\n\n${imageMarkdown(value, expanded, language)}`, range);
}

function flagsOf(instruction: Instruction): Flag[] {
  const withFlags = instruction as unknown as { getFlags?: () => Flag[] };
  return typeof withFlags.getFlags === 'function' ? withFlags.getFlags() : [];
}
