// installFastInstructionArguments() swaps dockerfile-ast's Instruction.prototype.getRawArguments for our
// scanner in the whole process (server and validation worker). Everything built on it must stay exactly as
// the library ships: each document is first taken through the unpatched method (parse tree shape, the
// validator with our settings and with every rule on, semantic tokens), then through ours.
import * as assert from 'node:assert';
import * as path from 'node:path';
import * as ast from 'dockerfile-ast';
import { DockerfileParser, Dockerfile, Instruction } from 'dockerfile-ast';
import { DockerfileLanguageServiceFactory } from 'dockerfile-language-service';
import { ValidationSeverity, type ValidatorSettings } from 'dockerfile-utils';
import { installFastInstructionArguments, libraryGetRawArguments } from '../../../server/src/features/instructionArguments';
import { VALIDATOR_SETTINGS } from '../../../server/src/diagnostics/validatorSettings';
import { dockerfileCorpus } from '../../support/dockerfileCorpus';
import { extremeDocuments, flagMatrixDocuments, generateDocument, rng } from '../../fuzz/dockerfileGenerator';

// Bundled to out/test/unit/server/.
const ROOT = path.resolve(__dirname, '..', '..', '..', '..');

const service = DockerfileLanguageServiceFactory.createLanguageService();
const EVERY_RULE: Required<ValidatorSettings> = Object.fromEntries(
  Object.keys(VALIDATOR_SETTINGS).map((k) => [k, ValidationSeverity.WARNING])) as Required<ValidatorSettings>;

const proto = Instruction.prototype as unknown as { getRawArguments: typeof libraryGetRawArguments };

function withLibrary<T>(run: () => T): T {
  const ours = proto.getRawArguments;
  proto.getRawArguments = libraryGetRawArguments;
  try { return run(); } finally { proto.getRawArguments = ours; }
}

/** Zero-argument getters of the objects a tree hands out, called and recorded recursively. */
const GETTER = /^(get|is|has)[A-Z]|^toString$/;
// Getters that take no argument but lead back up (or sideways into the whole tree again).
const SKIP = new Set(['getInitialARGs']);

function shape(value: unknown, depth: number, counts: { objects: number }): unknown {
  if (value === null || typeof value !== 'object') { return value; }
  if (Array.isArray(value)) { return value.map((v) => shape(v, depth, counts)); }
  const proto = Object.getPrototypeOf(value) as object | null;
  if (proto === Object.prototype || proto === null) { return JSON.parse(JSON.stringify(value)) as unknown; }
  counts.objects++;
  if (depth > 5) { return `<${value.constructor.name}>`; }
  const out: Record<string, unknown> = { '@': value.constructor.name };
  for (const name of gettersOf(proto)) {
    const method = (value as Record<string, () => unknown>)[name];
    out[name] = shape(attempt(() => method.call(value)), depth + 1, counts);
  }
  return out;
}

const getters = new Map<object, string[]>();
function gettersOf(proto: object): string[] {
  let names = getters.get(proto);
  if (!names) {
    const all = new Set<string>();
    for (let p: object | null = proto; p && p !== Object.prototype; p = Object.getPrototypeOf(p) as object | null) {
      for (const name of Object.getOwnPropertyNames(p)) { all.add(name); }
    }
    names = [...all].sort().filter((name) => {
      const method = (proto as Record<string, unknown>)[name];
      return typeof method === 'function' && method.length === 0 && GETTER.test(name) && !SKIP.has(name);
    });
    getters.set(proto, names);
  }
  return names;
}

/** What `run` answers, or how it fails (the library overflows its stack on stage cycles, in both runs alike). */
function attempt(run: () => unknown): unknown {
  try { return run(); } catch (e) { return `throws ${(e as Error).name}: ${(e as Error).message}`; }
}

interface Result { tree: unknown; validated: unknown; everyRule: unknown; tokens: unknown; instructions: number; objects: number }

/** The parts of an instruction the parser and dockerfile-utils build on (for documents too big for `shape`). */
const LIGHT = ['getKeyword', 'getRange', 'getArgumentsRange', 'getRawArguments', 'getArguments', 'getFlags', 'getHeredocs', 'getVariables',
  'getProperties', 'getJSONStrings', 'getOpeningBracket', 'getClosingBracket', 'getTriggerInstruction', 'toString'];

function lightShape(instruction: Instruction, counts: { objects: number }): unknown {
  const out: Record<string, unknown> = {};
  for (const name of LIGHT) {
    const method = (instruction as unknown as Record<string, unknown>)[name];
    if (typeof method === 'function') { out[name] = shape(attempt(() => (method as () => unknown).call(instruction)), 4, counts); }
  }
  return out;
}

/**
 * `light`: every getter of every object for small documents, the main getters for huge ones. `tokens`: the
 * service's semantic tokens too (45 ms for a flag-matrix document, minutes on 5,000 continuation lines).
 */
function everything(text: string, light: boolean, tokens: boolean): Result {
  const counts = { objects: 0 };
  const dockerfile: Dockerfile = DockerfileParser.parse(text);
  const instructions = dockerfile.getInstructions();
  const tree = light ? instructions.map((i) => lightShape(i, counts)) : {
    escape: dockerfile.getEscapeCharacter(),
    directives: shape(dockerfile.getDirectives(), 0, counts),
    comments: shape(dockerfile.getComments(), 0, counts),
    instructions: shape(instructions, 0, counts),
    initialARGs: shape(dockerfile.getInitialARGs(), 0, counts),
    onbuild: shape(dockerfile.getOnbuildTriggers(), 0, counts),
    variables: instructions.map((i) => shape(attempt(() => dockerfile.getAvailableVariables(i.getRange().start.line)), 0, counts)),
    // Quadratic in the library (0.8 s for all lines of a 70-line document): the last line only.
    workdirs: attempt(() => dockerfile.getAvailableWorkingDirectories(instructions.length ? instructions[instructions.length - 1].getRange().start.line : 0)),
  };
  return {
    tree,
    validated: attempt(() => service.validate(text, VALIDATOR_SETTINGS)),
    everyRule: attempt(() => service.validate(text, EVERY_RULE)),
    tokens: tokens && !light ? attempt(() => service.computeSemanticTokens(text)) : null,
    instructions: instructions.length,
    objects: counts.objects,
  };
}

describe('installFastInstructionArguments (our getRawArguments for the whole process)', function () {
  this.timeout(300_000);
  before(() => installFastInstructionArguments());

  it('is installed once, on Instruction only: no dockerfile-ast class overrides the method', () => {
    assert.notStrictEqual(proto.getRawArguments, libraryGetRawArguments);
    const installed = proto.getRawArguments;
    installFastInstructionArguments();
    assert.strictEqual(proto.getRawArguments, installed, 'a second call changes nothing');
    const classes = (Object.values(ast) as unknown[]).filter((v): v is { prototype: object } => typeof v === 'function' && !!(v as { prototype?: unknown }).prototype);
    assert.ok(classes.length > 20, `${classes.length} classes exported`);
    const own = classes.filter((c) => Object.prototype.hasOwnProperty.call(c.prototype, 'getRawArguments'));
    assert.deepStrictEqual(own, [Instruction]);
    const run = DockerfileParser.parse('FROM a\nONBUILD RUN b c').getInstructions()[1] as ast.Onbuild;
    assert.strictEqual((run.getTriggerInstruction() as unknown as typeof proto).getRawArguments, installed);
  });

  it('gives the same trees, diagnostics and semantic tokens as the unpatched library', () => {
    const corpus = dockerfileCorpus(ROOT, ['test/fixtures', 'sample', 'test/grammar']);
    const r = rng(99);
    const sets: [string, string[], boolean][] = [
      ['corpus', corpus, true],
      ['generated', Array.from({ length: 600 }, () => generateDocument(r, corpus)), true],
      // Every fourth (each is ~60 instructions with every flag; instructionArguments.test.ts compares all of them).
      ['flag matrix', flagMatrixDocuments().filter((_, i) => i % 4 === 0), false],
      ['extreme', extremeDocuments().filter((d) => d.text.length < 120_000).map((d) => d.text), false],
    ];
    const tally: string[] = [];
    let documents = 0;
    let instructions = 0;
    let objects = 0;
    let diagnostics = 0;
    for (const [label, texts, tokens] of sets) {
      let inSet = 0;
      for (const [d, text] of texts.entries()) {
        const light = text.length > 20_000;
        const expected = withLibrary(() => everything(text, light, tokens));
        const actual = everything(text, light, tokens);
        assert.deepStrictEqual(actual, expected, `${label} #${d}: ${JSON.stringify(text.slice(0, 300))}`);
        documents++;
        instructions += actual.instructions;
        inSet += actual.instructions;
        objects += actual.objects;
        if (Array.isArray(actual.everyRule)) { diagnostics += actual.everyRule.length; }
      }
      tally.push(`${label}: ${texts.length} documents, ${inSet} instructions`);
    }
    console.log(`      compared ${documents} documents, ${instructions} instructions, ${objects} tree objects, ${diagnostics} diagnostics (every rule on); ${tally.join('; ')}`);
    assert.ok(documents > 800 && instructions > 15_000, `${documents} documents, ${instructions} instructions`);
  });
});
