import * as assert from 'node:assert';
import * as cp from 'node:child_process';
import { dockerCommand, shellQuote } from '../../../../client/src/cli/shellQuote';

const NASTY = ['web', 'my app', "it's", '$(rm -rf /)', 'a;b', '`id`', 'x"y', '', 'tab\there', 'new\nline', '--force', '*'];

describe('shellQuote', () => {
  it('leaves plain names readable', () => {
    assert.strictEqual(dockerCommand('container', 'stop', 'web'), 'docker container stop web');
    assert.strictEqual(dockerCommand('container', 'logs', '-f', '--tail', '200', 'web'), 'docker container logs -f --tail 200 web');
    assert.strictEqual(dockerCommand('image', 'tag', 'sha256:abc', 'account/nginx:v1'), 'docker image tag sha256:abc account/nginx:v1');
  });

  it('keeps deliberate shell syntax only when marked raw', () => {
    assert.strictEqual(dockerCommand('container', 'stop', { raw: '$(docker container ps -q)' }), 'docker container stop $(docker container ps -q)');
    assert.strictEqual(dockerCommand('container', 'stop', '$(docker container ps -q)'), "docker container stop '$(docker container ps -q)'");
  });

  for (const word of NASTY) {
    it(`a real shell reads ${JSON.stringify(word)} back as one word, unchanged`, () => {
      const out = cp.execFileSync('sh', ['-c', `printf '%s\\0' ${shellQuote(word)}`]);
      assert.deepStrictEqual(out.toString('utf8').split('\0').slice(0, -1), [word]);
    });
  }
});
