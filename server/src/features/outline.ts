// Document symbols and folding ranges from the fast instruction scan (documents/instructionScanner.ts,
// dockerfile-ast's boundaries, comments and directives; redone only around an edit): VS Code asks for both
// after every edit, and a whole dockerfile-ast parse of a 25,000-line file took 0.7 s on the thread that
// answers hovers.
import { FoldingRange, FoldingRangeKind, SymbolInformation, SymbolKind } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../documents/parsedDocument';
import { lineTextOf } from '../hover/documentIndex';
import { runNow, STEP, Steps } from './steps';

/** Parser directives as properties, instructions as functions (MAINTAINER marked deprecated). */
export function computeSymbols(doc: ParsedDocument): SymbolInformation[] { return runNow(symbolSteps(doc)); }

/** computeSymbols in steps (features/steps.ts). */
export function* symbolSteps(doc: ParsedDocument): Steps<SymbolInformation[]> {
  const dockerfile = doc.rulesTree;
  yield;
  const symbols: SymbolInformation[] = dockerfile.getDirectives().map((d) => ({
    name: d.getName(), location: { uri: doc.uri, range: d.getNameRange() }, kind: SymbolKind.Property,
  }));
  const instructions = dockerfile.getInstructions();
  for (let i = 0; i < instructions.length; i++) {
    const instruction = instructions[i];
    const symbol: SymbolInformation = { name: instruction.getInstruction(), location: { uri: doc.uri, range: instruction.getInstructionRange() }, kind: SymbolKind.Function };
    if (instruction.getKeyword() === 'MAINTAINER') { symbol.deprecated = true; }
    symbols.push(symbol);
    if (i % STEP === STEP - 1) { yield; }
  }
  return symbols;
}

export interface FoldingOptions { lineFoldingOnly?: boolean; rangeLimit?: number }
let foldingOptions: FoldingOptions = {};
/** The client's foldingRange capabilities, from initialize. */
export function configureFolding(options: FoldingOptions | undefined): void { foldingOptions = options ?? {}; }

/** Instructions continued over several lines, and runs of two or more comment lines. */
export function computeFoldingRanges(doc: ParsedDocument): FoldingRange[] {
  const limit = foldingOptions.rangeLimit ?? Number.MAX_SAFE_INTEGER;
  if (limit < 1) { return []; }
  const ranges: FoldingRange[] = [];
  const create = (startLine: number, endLine: number, kind?: FoldingRangeKind): FoldingRange => {
    if (foldingOptions.lineFoldingOnly) { return kind ? { startLine, endLine, kind } : { startLine, endLine }; }
    const range = FoldingRange.create(startLine, endLine, lineTextOf(doc, startLine).length, lineTextOf(doc, endLine).length, kind);
    if (!kind) { delete range.kind; }
    return range;
  };
  const dockerfile = doc.rulesTree;
  for (const instruction of dockerfile.getInstructions()) {
    const { start, end } = instruction.getRange();
    if (start.line !== end.line) {
      ranges.push(create(start.line, end.line));
      if (ranges.length >= limit) { return ranges; }
    }
  }
  const comments = dockerfile.getComments().map((c) => c.getRange().start.line);
  for (let i = 0; i < comments.length;) {
    let j = i;
    while (j + 1 < comments.length && comments[j + 1] === comments[j] + 1) { j++; }
    if (j > i) {
      ranges.push(create(comments[i], comments[j], FoldingRangeKind.Comment));
      if (ranges.length >= limit) { return ranges; }
    }
    i = j + 1;
  }
  return ranges;
}
