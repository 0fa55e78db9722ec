// rawArguments is our own scanner for what dockerfile-ast's Instruction.getRawArguments answers: the same
// arguments (values and ranges) for every instruction and ONBUILD trigger of the fixture corpus, of
// generated and mutated documents, of the flag matrix, of the pathological documents the fuzzer sends and
// of random documents over the few characters the scan reacts to — plus the cases spelled out below.
import * as assert from 'node:assert';
import * as path from 'node:path';
import { Argument, DockerfileParser, Instruction, Onbuild } from 'dockerfile-ast';
import { libraryGetRawArguments, rawArguments } from '../../../../server/src/features/instructionArguments';
import { dockerfileCorpus } from '../../../support/dockerfileCorpus';
import { extremeDocuments, flagMatrixDocuments, generateDocument, rng, type Rng } from '../../../fuzz/dockerfileGenerator';

// Bundled to out/test/unit/server/features/.
const ROOT = path.resolve(__dirname, '..', '..', '..', '..', '..');

const libraryArguments = (instruction: Instruction): Argument[] => libraryGetRawArguments.call(instruction);

const plain = (args: Argument[]): unknown[] => args.map((a) => [a.getValue(), a.getRange()]);
/** [value, "line:char-line:char"] for the spelled-out cases. */
const short = (args: Argument[]): [string, string][] => args.map((a) => {
  const { start, end } = a.getRange();
  return [a.getValue(), `${start.line}:${start.character}-${end.line}:${end.character}`];
});

function instructionsOf(text: string): Instruction[] {
  const all: Instruction[] = [];
  for (const instruction of DockerfileParser.parse(text).getInstructions()) {
    all.push(instruction);
    const trigger = instruction instanceof Onbuild ? instruction.getTriggerInstruction() : null;
    if (trigger) { all.push(trigger); }
  }
  return all;
}

/** Compares every instruction of `texts`; returns how many were compared. */
function compareAll(texts: string[], label: string): number {
  let instructions = 0;
  for (const [d, text] of texts.entries()) {
    for (const instruction of instructionsOf(text)) {
      const expected = plain(libraryArguments(instruction));
      assert.deepStrictEqual(plain(rawArguments(instruction)), expected,
        `${label} #${d}, line ${instruction.getRange().start.line}: ${JSON.stringify(instruction.getTextContent().slice(0, 200))}`);
      instructions++;
    }
  }
  return instructions;
}

/** Instructions made of the characters the scan treats specially, in every order. */
function alphabetDocument(r: Rng): string {
  const pieces = [' ', ' ', '\t', '\n', '\r\n', '\r', '\\', '\\', '`', '#', '$', 'a', 'b', '"', "'", '\\\n', '\\ \n', '`\n', '\\\r\n', '  # c\n', '\n\n'];
  const header = r() < 0.3 ? '# escape=`\n' : '';
  const lines: string[] = [];
  for (let n = 1 + Math.floor(r() * 3); n > 0; n--) {
    let body = '';
    for (let k = Math.floor(r() * 16); k > 0; k--) { body += pieces[Math.floor(r() * pieces.length)]; }
    lines.push(`${r() < 0.1 ? 'ONBUILD RUN' : 'RUN'}${r() < 0.9 ? ' ' : ''}${body}`);
  }
  return header + lines.join('\n');
}

describe('rawArguments (our scanner for getRawArguments)', function () {
  this.timeout(120_000);

  it('finds the same arguments as dockerfile-ast on the corpus, generated, flag-matrix and pathological documents', () => {
    const corpus = dockerfileCorpus(ROOT, ['test/fixtures', 'sample', 'test/grammar']);
    assert.ok(corpus.length >= 10, `fixture corpus: ${corpus.length} files`);
    const r = rng(7);
    const generated = Array.from({ length: 2000 }, () => generateDocument(r, corpus));
    const extreme = extremeDocuments().filter((d) => d.text.length < 200_000).map((d) => d.text);
    let withEscapes = 0;
    for (const text of [...corpus, ...generated]) {
      for (const instruction of instructionsOf(text)) {
        if (/[\\`]\s*\n/.test(instruction.getTextContent())) { withEscapes++; }
      }
    }
    const instructions = compareAll(corpus, 'corpus') + compareAll(generated, 'generated')
      + compareAll(flagMatrixDocuments(), 'flag matrix') + compareAll(extreme, 'extreme');
    assert.ok(instructions > 20_000 && withEscapes > 500, `${instructions} instructions compared, ${withEscapes} with escaped line breaks`);
  });

  it('finds the same arguments as dockerfile-ast on 20,000 random documents over blanks, breaks, escapes, # and quotes', () => {
    const r = rng(4242);
    const texts = Array.from({ length: 20_000 }, () => alphabetDocument(r));
    const instructions = compareAll(texts, 'alphabet');
    assert.ok(instructions > 30_000, `${instructions} instructions compared`);
  });

  const cases: [string, string, [string, string][]][] = [
    ['quotes kept, blanks and tabs separate', 'RUN "a b"\t\'c\'', [['"a', '0:4-0:6'], ['b"', '0:7-0:9'], ["'c'", '0:10-0:13']]],
    ['LF continuation joins a word', 'RUN ab\\\ncd e', [['abcd', '0:4-1:2'], ['e', '1:3-1:4']]],
    ['CRLF continuation', 'RUN ab\\\r\ncd e', [['abcd', '0:4-1:2'], ['e', '1:3-1:4']]],
    ['lone CR after the escape takes the next character with it', 'RUN a\\\rbc d', [['ac', '0:4-1:2'], ['d', '1:3-1:4']]],
    ['backtick escape', '# escape=`\nRUN a`\nb c`$d `x', [['ab', '1:4-2:1'], ['c`$d', '2:2-2:6'], ['x', '2:7-2:9']]],
    ['backslash is ordinary with the backtick escape', '# escape=`\nRUN C:\\x\\ y', [['C:\\x\\', '1:4-1:9'], ['y', '1:10-1:11']]],
    // The parser still joins the next line to the instruction; the arguments keep one escape and do not join.
    ['escaped escape at the end of a line', 'RUN a\\\\\nRUN b', [['a\\', '0:4-0:7'], ['RUN', '1:0-1:3'], ['b', '1:4-1:5']]],
    ['escape + $ stays two characters, escape + other is that character', 'RUN \\$A \\"q\\"', [['\\$A', '0:4-0:7'], ['"q"', '0:8-0:13']]],
    ['blanks between the escape and the line break', 'RUN a \\  \t\n  b', [['a', '0:4-0:5'], ['b', '1:2-1:3']]],
    ['a word cut by blanks-only continuation ends at the escape', 'RUN ab\\  \n c', [['ab', '0:4-0:6'], ['c', '1:1-1:2']]],
    ['word interrupted by a continuation and an indented line', 'RUN ab\\\n  c', [['ab', '0:4-0:6'], ['c', '1:2-1:3']]],
    ['escape + blank + text', 'RUN ab\\ x', [['ab', '0:4-0:6'], ['x', '0:8-0:9']]],
    ['escape + blank at the start of an argument', 'RUN \\ x', [['x', '0:6-0:7']]],
    ['escape + blanks at the end', 'RUN ab\\ ', [['ab', '0:4-0:7']]],
    ['trailing escape dropped', 'RUN ab\\', [['ab', '0:4-0:7']]],
    ['comment and empty lines inside continuations', 'RUN a \\\n# c d\n\n   \n  # e \\\n b', [['a', '0:4-0:5'], ['b', '5:1-5:2']]],
    ['# after the first word of a joined line is text', 'RUN a \\\n b#c', [['a', '0:4-0:5'], ['b#c', '1:1-1:4']]],
    ['escape + character inside a comment line', 'RUN a \\\n# c \\d e\n f', [['a', '0:4-0:5'], ['d', '1:4-1:6']]],
    ['escape + blank + text on an indented joined line: empty argument first', 'RUN a \\\n  \\ x', [['a', '0:4-0:5'], ['', '0:2-1:2'], ['x', '1:4-1:5']]],
    ['end of file inside a continuation', 'RUN a \\\n', [['a', '0:4-0:5']]],
    ['end of file right after a joined word', 'RUN ab\\\n', [['ab', '0:4-0:6']]],
    ['no arguments', 'RUN', []],
  ];
  for (const [name, text, expected] of cases) {
    it(name, () => {
      const instruction = instructionsOf(text)[0];
      assert.deepStrictEqual(short(libraryArguments(instruction)), expected, 'the library answers this (the case is a fact about it)');
      assert.deepStrictEqual(short(rawArguments(instruction)), expected);
    });
  }

  it('keeps a 1 MB argument whole', () => {
    const text = `FROM alpine\nRUN echo ${'x'.repeat(1024 * 1024)} \\\n  done\n`;
    const run = DockerfileParser.parse(text).getInstructions()[1];
    assert.deepStrictEqual(plain(rawArguments(run)), plain(libraryArguments(run)));
    assert.strictEqual(rawArguments(run)[1].getValue().length, 1024 * 1024);
  });
});
