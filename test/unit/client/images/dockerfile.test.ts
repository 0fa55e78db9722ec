import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildArgs, instructionForStep, lineFromEngineMessage, parentStage, parseDockerfile, targetStage } from '../../../../client/src/images/model/dockerfile';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..', '..');

describe('images/dockerfile', () => {
  it('reads the multi-stage fixture: stages, instruction lines, continuations', () => {
    const parsed = parseDockerfile(fs.readFileSync(path.join(ROOT, 'test/fixtures/build/multistage/Dockerfile'), 'utf8'));
    assert.deepStrictEqual(parsed.stages.map((s) => [s.name, s.base, s.line]), [['builder', '${BASE}', 2], ['final', '${BASE}', 8]]);
    assert.deepStrictEqual(parsed.instructions.map((i) => [i.keyword, i.startLine, i.endLine, i.stage]), [
      ['ARG', 1, 1, -1], ['FROM', 2, 2, 0], ['WORKDIR', 3, 3, 0], ['COPY', 4, 4, 0], ['RUN', 5, 6, 0],
      ['FROM', 8, 8, 1], ['ENV', 9, 9, 1], ['COPY', 10, 10, 1], ['RUN', 11, 11, 1], ['CMD', 12, 12, 1],
    ]);
    // The builder keeps the spaces of the next line and drops only the backslash and newline.
    assert.strictEqual(parsed.instructions[4].args, 'dd if=/dev/zero of=/src/blob bs=1024 count=64 &&     cat /src/hello.txt > /src/out.txt');
    assert.strictEqual(instructionForStep(parsed, 5)?.keyword, 'RUN');
    assert.strictEqual(instructionForStep(parsed, 11), undefined, 'the --label step is not in the file');
    assert.strictEqual(targetStage(parsed)?.name, 'final');
    assert.strictEqual(targetStage(parsed, 'BUILDER')?.index, 0);
    assert.deepStrictEqual(buildArgs(parsed), [{ name: 'BASE', defaultValue: 'docker-learning-test/busybox:1', line: 1 }]);
  });

  it('honours the escape directive, comments inside continuations, heredocs and stages FROM stages', () => {
    const parsed = parseDockerfile([
      '# escape=`',
      'FROM busybox AS base',
      'RUN echo a `',
      '# a comment the builder drops',
      '    b',
      'FROM base AS test',
      'RUN <<EOF',
      'echo in heredoc',
      'EOF',
      'ARG A B=2',
      'COPY x \\',
      '  y',
    ].join('\n'));
    assert.strictEqual(parsed.escape, '`');
    assert.deepStrictEqual(parsed.instructions.map((i) => [i.keyword, i.startLine, i.endLine]), [
      ['FROM', 1, 1], ['RUN', 2, 4], ['FROM', 5, 5], ['RUN', 6, 8], ['ARG', 9, 9], ['COPY', 10, 10],
      // With ` as the escape, a backslash continues nothing: the next line is its own (bad) instruction.
      ['Y', 11, 11],
    ]);
    assert.strictEqual(parsed.instructions[1].args, 'echo a     b');
    assert.strictEqual(parentStage(parsed, parsed.stages[1])?.name, 'base');
    assert.deepStrictEqual(buildArgs(parsed).map((a) => [a.name, a.defaultValue]), [['A', undefined], ['B', '2']]);
  });

  it('finds the line in a parse error', () => {
    assert.strictEqual(lineFromEngineMessage('Dockerfile parse error line 5: unknown instruction: RUNN'), 4);
    assert.strictEqual(lineFromEngineMessage("The command '/bin/sh -c exit 3' returned a non-zero code: 3"), undefined);
  });
});
