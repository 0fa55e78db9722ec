// Objects kept alive between validations so that V8 keeps the code it optimized for them.
//
// Every keystroke on a big file runs the same code over freshly made objects: the job message (made by
// deserializing what the main thread posted), an argument scanner per instruction, a text document,
// parser, validator and tree per revalidated chunk, the scan's and the chunk pass's closures. V8 optimizes
// that code for the object layouts (maps) and closures it sees and holds those weakly: a full collection
// that finds none of them alive drops the optimized code ("weak objects" in --trace-deopt) and clears the
// feedback it was built from, and the next validation runs unoptimized until V8 compiles it again. The
// worker's idle collection (idleCollection.ts) runs just when a validation has ended and nothing of it is
// alive, so each one threw away ~25 optimized functions; and V8 compiles on helper threads that run at the
// main thread's priority, so the recompiling took the CPU from its hovers. Keeping the newest object of each
// kind keeps every layout alive (a layout made by adding properties one by one lives only as long as some
// object has it: chunkedValidation.ts makes its per-name records with both fields at once for that reason).
// What the kept closures refer to is emptied when their pass ends, so little memory stays.
//
// Measured, 25,011 lines, ~330 edits each followed by a hover over LSP (a profiling script, --trace-opt):
// 2,400 TurboFan compilations (~12 s of compiler time) before, ~330 with no idle collection at all, 453
// with these kept; the server's CPU time for the loop 19.7–21.4 s instead of 23.4–30.6 (3 interleaved runs).
// The validation worker alone, 50 keystrokes after warming up: 2.7 s of compiling → 0.1 s.
import { DockerfileParser, type Dockerfile } from 'dockerfile-ast';
import { Parser } from 'dockerfile-ast/lib/parser';
import { Validator } from 'dockerfile-utils/lib/dockerValidator';
import { TextDocument } from 'vscode-languageserver-textdocument';

const kept = new Map<string, unknown>();
/** DOCKER_LEARNING_KEEP_SHAPES=0 keeps nothing (for comparing). */
const ENABLED = process.env.DOCKER_LEARNING_KEEP_SHAPES !== '0';
/**
 * Only the validation worker keeps anything (keepValidationShapes turns it on): the main thread makes no
 * idle collections, and a kept scanner there would hold an old version's text until the next hover.
 */
let active = false;

/** Keeps `value` alive as the newest of its kind (the one before it may now be collected); returns it. */
export function keepNewest<T>(kind: string, value: T): T {
  if (active) { kept.set(kind, value); }
  return value;
}

/** What is kept now (tests read it). */
export function keptKinds(): string[] {
  return [...kept.keys()];
}

let installed = false;
/**
 * From now on keepNewest keeps, and so are the newest text document, dockerfile-ast parser, tree with an
 * instruction, and dockerfile-utils validator (dockerfile-utils makes all four for each chunk it
 * validates). For the validation worker, before its first job; idempotent.
 */
export function keepValidationShapes(): void {
  if (installed || !ENABLED) { return; }
  installed = true;
  active = true;
  const parser = DockerfileParser as { parse: (content: string) => Dockerfile };
  const parse = parser.parse;
  parser.parse = (content: string): Dockerfile => {
    const dockerfile = parse(content);
    return dockerfile.getInstructions().length > 0 ? keepNewest('dockerfile-ast tree', dockerfile) : dockerfile;
  };
  const documents = TextDocument as { create: typeof TextDocument.create };
  const create = documents.create;
  documents.create = (...args: Parameters<typeof TextDocument.create>): TextDocument => keepNewest('text document', create(...args));
  keepReceivers(Parser.prototype as unknown as Record<string, unknown>, 'parse', 'dockerfile-ast parser');
  keepReceivers(Validator.prototype as unknown as Record<string, unknown>, 'validate', 'dockerfile-utils validator');
}

/** Wraps `prototype[method]` so that the newest object it was called on is kept. */
function keepReceivers(prototype: Record<string, unknown>, method: string, kind: string): void {
  const original = prototype[method] as (this: unknown, ...args: unknown[]) => unknown;
  prototype[method] = function (this: unknown, ...args: unknown[]): unknown {
    keepNewest(kind, this);
    return original.apply(this, args);
  };
}
