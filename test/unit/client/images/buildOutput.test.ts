import * as assert from 'node:assert';
import { BuildTracker, buildErrorLocation, toTerminal } from '../../../../client/src/images/model/buildOutput';
import { parseDockerfile } from '../../../../client/src/images/model/dockerfile';

describe('images/buildOutput', () => {
  const parsed = parseDockerfile('FROM busybox\nENV A=1\nRUN echo hi && \\\n    exit 3\nCMD ["sh"]\n');

  it('follows the classic builder’s steps and remembers the image id and the error', () => {
    const t = new BuildTracker();
    assert.strictEqual(t.push({ stream: 'Step 1/5 : FROM busybox\n' }), 'Step 1/5 : FROM busybox\n');
    t.push({ stream: ' ---> 2be6b52ab65b\n' });
    t.push({ stream: ' ---> Running in 55bae596f59d\n' });
    assert.deepStrictEqual(t.stepImages, ['2be6b52ab65b']);
    t.push({ stream: 'Step 3/5 : RUN echo hi &&     exit 3\n' });
    assert.deepStrictEqual([t.step, t.totalSteps], [3, 5]);
    assert.strictEqual(t.push({ aux: { ID: 'sha256:abc' } }), '');
    assert.strictEqual(t.imageId, 'sha256:abc');
    t.push({ errorDetail: { message: "The command '/bin/sh -c echo hi &&     exit 3' returned a non-zero code: 3" }, error: 'x' });
    assert.match(t.error ?? '', /non-zero code: 3/);
    assert.strictEqual(t.push({ status: 'Downloading', id: 'abc', progress: '[==>  ]' }), 'abc: Downloading [==>  ]\n');
  });

  it('places an error on the instruction of the failing step, or on the line a parse error names', () => {
    assert.deepStrictEqual(buildErrorLocation(parsed, 'returned a non-zero code: 3', 3), { startLine: 2, endLine: 3, step: 3 });
    assert.deepStrictEqual(buildErrorLocation(parsed, 'Dockerfile parse error line 4: unknown instruction: EXIT', undefined), { startLine: 2, endLine: 3 });
    assert.strictEqual(buildErrorLocation(parsed, 'failed', 6), undefined, 'the --label step has no line');
    assert.strictEqual(buildErrorLocation(parsed, 'cannot connect', undefined), undefined);
  });

  it('writes CRLF for terminals', () => {
    assert.strictEqual(toTerminal('a\nb\r\nc'), 'a\r\nb\r\nc');
  });
});
