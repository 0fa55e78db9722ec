// dockerfile-language-service answers completion, signature help, highlights, rename, definition and
// links from the *text*: every request reparses the whole file (1.7 s for a 1 MB line) and asks each
// instruction for its arguments and variables again (dockerfile-ast recomputes them on every call,
// 0.25 s each for that line; highlight does it twice). `withParsedTree` runs one such call on the tree
// this version already has:
//  - DockerfileParser.parse(text) returns the cached tree when `text` is exactly this version's text, and
//  - an instruction's raw arguments (our scanner, installed for the whole process by
//    instructionArguments.ts) and variables are computed once per tree and handed out as copies:
//    fresh arrays (some dockerfile-ast subclasses shift/splice the array they get) of fresh objects with
//    fresh ranges (From.getImageNameRange moves the start and end of its argument's range in place);
//  - which ARG or ENV a variable name refers to on a line is looked up once per tree.
// The tree is what DockerfileParser.parse(text) returns for the same text, so the answers are the ones the
// service gives on its own (test/unit/server/features/serviceParse.test.ts compares both on the fixture
// corpus and on generated documents). Outside a call the library behaves as it does without this module.
import { Argument, Copy, DockerfileParser, Dockerfile, Flag, From, Instruction, Variable } from 'dockerfile-ast';
import type { Range } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../documents/parsedDocument';
import { installFastInstructionArguments } from './instructionArguments';

interface Scope { text: string; tree: Dockerfile }
let active: Scope | undefined;

/** Log prefix for a dockerfile-language-service call that failed inside the library and was answered empty. */
export const SERVICE_LIMITATION = 'dockerfile-language-service limitation:';
let report: (message: string) => void = () => undefined;
/** Where contained library failures are told (the server's log). */
export function reportServiceLimitations(log: (message: string) => void): void { report = log; }

function copyRange(range: Range): Range;
function copyRange(range: Range | null): Range | null;
function copyRange(range: Range | null): Range | null {
  return range && { start: { line: range.start.line, character: range.start.character }, end: { line: range.end.line, character: range.end.character } };
}
const copyArgument = (a: Argument): Argument => new Argument(a.getValue(), copyRange(a.getRange()));
const copyVariable = (v: Variable): Variable => new Variable(v.getName(), copyRange(v.getNameRange()), copyRange(v.getRange()), v.getModifier(),
  copyRange(v.getModifierRange()), v.getSubstitutionParameter(), copyRange(v.getSubstitutionRange()), v.isDefined(), v.isBuildVariable(), v.toString());

/**
 * Per instance, a method without arguments: computed once while a call is active, and each caller gets
 * `copy` of the answer (callers may edit what they get; the identity for answers nobody edits).
 */
function memoize<T>(proto: Record<string, unknown>, name: string, copy: (value: T) => T): void {
  const original = proto[name] as (this: object) => T;
  const cache = new WeakMap<object, T>();
  proto[name] = function (this: object): T {
    if (!active) { return original.call(this); }
    // One lookup on a hit (some are asked millions of times on 2,000 stages); no answer is undefined.
    let value = cache.get(this);
    if (value === undefined) { value = original.call(this); cache.set(this, value); }
    return copy(value);
  };
}
const same = <T>(value: T): T => value;

/**
 * Per instance and per arguments (as `keyOf` names them): the answer is a string, boolean, nothing or a
 * node of the tree, none of which a caller edits. `keyOf` answering undefined leaves the call unmemoized.
 */
function memoizeBy<A extends unknown[]>(proto: Record<string, unknown>, name: string, keyOf: (...args: A) => string | undefined): void {
  const original = proto[name] as (this: object, ...args: A) => unknown;
  const cache = new WeakMap<object, Map<string, unknown>>();
  proto[name] = function (this: object, ...args: A): unknown {
    const key = active ? keyOf(...args) : undefined;
    if (key === undefined) { return original.apply(this, args); }
    let answers = cache.get(this);
    if (!answers) { answers = new Map(); cache.set(this, answers); }
    if (!answers.has(key)) { answers.set(key, original.apply(this, args)); }
    return answers.get(key);
  };
}
/** Which ARG or ENV a variable name means on a line. */
const byVariableAndLine = (variable: string, line: number): string => `${line}\0${variable}`;
const byPosition = (position?: { line: number; character: number }): string | undefined => (position ? `${position.line}:${position.character}` : undefined);

let installed = false;
function install(tree: Dockerfile): void {
  if (installed) { return; }
  installed = true;
  // Before the wrapper below: the wrapper must call our scanner, and installing later must not remove it.
  installFastInstructionArguments();
  const parse = DockerfileParser.parse;
  DockerfileParser.parse = (content: string): Dockerfile => (active && content === active.text ? active.tree : parse(content));
  const proto = Instruction.prototype as unknown as Record<string, unknown>;
  memoize<Argument[]>(proto, 'getRawArguments', (list) => list.map(copyArgument));
  memoize<Variable[]>(proto, 'getVariables', (list) => list.map(copyVariable));
  // Each variable found asks both for its stage's ARGs and ENVs; 20,000 `$A` on one line ask 40,000 times.
  memoizeBy(proto, 'isBuildVariable', byVariableAndLine);
  // Completion in COPY walks the stage hierarchy, asking every FROM for its stage name once per stage:
  // quadratic in argument copies on 2,000 stages (1.3–1.5 s) without this.
  memoize<string | null>(From.prototype as unknown as Record<string, unknown>, 'getBuildStage', same);
  // `COPY --from` without `=stage` has a flag whose value is null; highlight, rename and definition compare
  // every COPY's value with a stage name and throw on it. Such a flag names no stage: they see none.
  const copyProto = Copy.prototype as unknown as Record<string, unknown>;
  const getFromFlag = copyProto.getFromFlag as (this: Copy) => Flag | null;
  copyProto.getFromFlag = function (this: Copy): Flag | null {
    const flag = getFromFlag.call(this);
    return active && flag && flag.getValue() === null ? null : flag;
  };
  // dockerfile-ast exports Dockerfile as a type only: its class is the prototype of any tree.
  const dockerfileProto = Object.getPrototypeOf(tree) as Record<string, unknown>;
  memoizeBy(dockerfileProto, 'resolveVariable', byVariableAndLine);
  // COPY completion walks the stage hierarchy: per parent stage it lists every FROM and asks which stage holds
  // a position, which measures every stage's range: cubic on 2,000 chained stages (0.55–0.6 s quiet, over 1 s
  // on a loaded machine). Stage ranges, FROM lists and the stage at a position are fixed for a tree.
  memoizeBy(dockerfileProto, 'getContainingImage', byPosition);
  const imageTemplateProto = Object.getPrototypeOf(dockerfileProto) as Record<string, unknown>;
  memoize<Range>(imageTemplateProto, 'getRange', (r) => copyRange(r));
  memoize<From[]>(imageTemplateProto, 'getFROMs', (froms) => froms.slice());
}

/** A TypeError thrown by code inside the Dockerfile libraries (not by ours, not by the caller's). */
export function isLibraryFault(e: unknown): e is TypeError {
  if (!(e instanceof TypeError) || !e.stack) { return false; }
  const top = e.stack.split('\n').find((line) => /^\s+at /.test(line));
  if (top === undefined) { return false; }
  if (/[\\/]node_modules[\\/]dockerfile-(language-service|ast|utils)[\\/]/.test(top)) { return true; }
  // Bundled (dist/server.js), every frame names the bundle: where the libraries' code lies in it is
  // appended to it at build time (scripts/lib/libraryRanges.mjs).
  const at = /([^\s(]+):(\d+):(\d+)\)?$/.exec(top);
  const ranges = at ? libraryCode()[at[1].split(/[\\/]/).pop()!] : undefined;
  return ranges !== undefined && inRanges(ranges, Number(at![2]) - 1, Number(at![3]) - 1);
}

function libraryCode(): Record<string, number[] | undefined> {
  return (globalThis as { __dockerLearningLibraryCode?: Record<string, number[]> }).__dockerLearningLibraryCode ?? {};
}

/** Whether (line, column) lies in one of `ranges`: [line, column, endLine, endColumn, …], in order, end exclusive. */
export function inRanges(ranges: readonly number[], line: number, column: number): boolean {
  const before = (l: number, c: number): boolean => line < l || (line === l && column < c);
  let lo = 0;
  let hi = ranges.length / 4;
  // The first range that ends after the position.
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(ranges[mid * 4 + 2], ranges[mid * 4 + 3])) { hi = mid; } else { lo = mid + 1; }
  }
  return lo < ranges.length / 4 && !before(ranges[lo * 4], ranges[lo * 4 + 1]);
}

/**
 * Runs `call` (a synchronous dockerfile-language-service call on `doc.text`) against this version's tree.
 * It answers `fallback` when the library cannot:
 *  - dockerfile-ast recurses without end in Dockerfile.resolveVariable on some garbage (stray carriage
 *    returns that split lines differently for the parser and for positions);
 *  - the library throws a TypeError of its own on a shape it does not expect (said in the log with the
 *    prefix SERVICE_LIMITATION; the fuzz test counts these and keeps them rare).
 */
export function withParsedTree<T>(doc: ParsedDocument, call: (text: string) => T, fallback: T): T {
  const tree = doc.dockerfile;
  install(tree);
  const outer = active;
  active = { text: doc.text, tree };
  try {
    return call(doc.text);
  } catch (e) {
    if (e instanceof RangeError && /call stack/.test(e.message)) { return fallback; }
    if (isLibraryFault(e)) {
      report(`${SERVICE_LIMITATION} ${doc.uri} version ${doc.version}: ${e.message} (${e.stack?.split('\n')[1]?.trim() ?? ''}); answered empty`);
      return fallback;
    }
    throw e;
  } finally {
    active = outer;
  }
}
