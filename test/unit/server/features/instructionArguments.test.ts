// rawArguments is dockerfile-ast's Instruction.getRawArguments without per-character strings: the same
// arguments (values and ranges) for every instruction and ONBUILD trigger of the fixture corpus, of
// generated and mutated documents, of the flag matrix and of the pathological documents the fuzzer sends.
import * as assert from 'node:assert';
import * as path from 'node:path';
import { Argument, DockerfileParser, Instruction, Onbuild } from 'dockerfile-ast';
import { rawArguments } from '../../../../server/src/features/instructionArguments';
import { dockerfileCorpus } from '../../../support/dockerfileCorpus';
import { extremeDocuments, flagMatrixDocuments, generateDocument, rng } from '../../../fuzz/dockerfileGenerator';

// Bundled to out/test/unit/server/features/.
const ROOT = path.resolve(__dirname, '..', '..', '..', '..', '..');

function libraryArguments(instruction: Instruction): Argument[] {
  return (instruction as unknown as { getRawArguments(): Argument[] }).getRawArguments();
}

const plain = (args: Argument[]): unknown[] => args.map((a) => [a.getValue(), a.getRange()]);

describe('rawArguments (getRawArguments without per-character strings)', function () {
  this.timeout(120_000);

  it('finds the same arguments as dockerfile-ast on the corpus, generated, flag-matrix and pathological documents', () => {
    const corpus = dockerfileCorpus(ROOT, ['test/fixtures', 'sample', 'test/grammar']);
    assert.ok(corpus.length >= 10, `fixture corpus: ${corpus.length} files`);
    const r = rng(7);
    const generated = Array.from({ length: 2000 }, () => generateDocument(r, corpus));
    const extreme = extremeDocuments().filter((d) => d.text.length < 200_000).map((d) => d.text);
    let instructions = 0;
    let withEscapes = 0;
    for (const [d, text] of [...corpus, ...generated, ...flagMatrixDocuments(), ...extreme].entries()) {
      const all: Instruction[] = [];
      for (const instruction of DockerfileParser.parse(text).getInstructions()) {
        all.push(instruction);
        const trigger = instruction instanceof Onbuild ? instruction.getTriggerInstruction() : null;
        if (trigger) { all.push(trigger); }
      }
      for (const instruction of all) {
        const expected = plain(libraryArguments(instruction));
        assert.deepStrictEqual(plain(rawArguments(instruction)), expected, `document #${d}, line ${instruction.getRange().start.line}: ${instruction.getTextContent().slice(0, 200)}`);
        instructions++;
        if (/[\\`]\s*\n/.test(instruction.getTextContent())) { withEscapes++; }
      }
    }
    assert.ok(instructions > 20_000 && withEscapes > 500, `${instructions} instructions compared, ${withEscapes} with escaped line breaks`);
  });

  it('keeps a 1 MB argument whole', () => {
    const text = `FROM alpine\nRUN echo ${'x'.repeat(1024 * 1024)} \\\n  done\n`;
    const run = DockerfileParser.parse(text).getInstructions()[1];
    assert.deepStrictEqual(plain(rawArguments(run)), plain(libraryArguments(run)));
    assert.strictEqual(rawArguments(run)[1].getValue().length, 1024 * 1024);
  });
});
