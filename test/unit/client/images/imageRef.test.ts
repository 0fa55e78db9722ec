import * as assert from 'node:assert';
import { imageRefProblem, pushNamingProblem, registryOf, repositoryOf, splitImageRef, withDefaultTag } from '../../../../client/src/images/model/imageRef';

describe('images/imageRef', () => {
  it('splits names like Docker: registry, path, tag, digest', () => {
    assert.deepStrictEqual(splitImageRef('nginx'), { domain: undefined, path: 'nginx', tag: undefined, digest: undefined });
    assert.deepStrictEqual(splitImageRef('account/nginx:v1'), { domain: undefined, path: 'account/nginx', tag: 'v1', digest: undefined });
    assert.deepStrictEqual(splitImageRef('localhost:5000/app'), { domain: 'localhost:5000', path: 'app', tag: undefined, digest: undefined });
    assert.deepStrictEqual(splitImageRef('registry.example.com:443/team/app:1.2@sha256:abc'), { domain: 'registry.example.com:443', path: 'team/app', tag: '1.2', digest: 'sha256:abc' });
    assert.strictEqual(registryOf('nginx:1'), 'docker.io');
    assert.strictEqual(registryOf('localhost:5000/app:1'), 'localhost:5000');
    assert.strictEqual(repositoryOf('localhost:5000/app:1'), 'localhost:5000/app');
    assert.strictEqual(withDefaultTag('nginx'), 'nginx:latest');
    assert.strictEqual(withDefaultTag('localhost:5000/app'), 'localhost:5000/app:latest');
    assert.strictEqual(withDefaultTag('nginx:1.25'), 'nginx:1.25');
  });

  it('accepts what Docker accepts', () => {
    for (const ok of ['nginx', 'nginx:v1', 'account/nginx:v1', 'a/b/c:1.0-rc_1', 'localhost:5000/app:1', 'my.registry.io/x__y/z-q:latest', 'shijinting/nginx:v1']) {
      assert.strictEqual(imageRefProblem(ok), undefined, ok);
    }
    assert.strictEqual(imageRefProblem('nginx@sha256:' + 'a'.repeat(64), undefined, { allowDigest: true }), undefined);
  });

  it('explains what Docker would refuse', () => {
    assert.match(imageRefProblem('') ?? '', /Enter an image name/);
    assert.match(imageRefProblem('My/App:1') ?? '', /lowercase: my\/app/);
    assert.match(imageRefProblem('account/MyApp:1') ?? '', /lowercase: account\/myapp/);
    assert.match(imageRefProblem('nginx:-bad') ?? '', /not a valid tag/);
    assert.match(imageRefProblem('nginx:' + 'x'.repeat(129)) ?? '', /not a valid tag/);
    assert.match(imageRefProblem('my app') ?? '', /no spaces/);
    assert.match(imageRefProblem('a//b') ?? '', /not a valid name part/);
    assert.match(imageRefProblem('app-:1') ?? '', /not a valid name part/);
    assert.match(imageRefProblem('nginx@sha256:abc') ?? '', /digest/);
    assert.match(imageRefProblem('nginx@sha256:zz', undefined, { allowDigest: true }) ?? '', /not a digest/);
  });

  it('uses the translator it is given', () => {
    const t = (m: string, ...a: Array<string | number | boolean>) => `<${m}|${a.join(',')}>`;
    assert.strictEqual(imageRefProblem('My/App', t), '<Repository names must be lowercase: {0}|my/app>');
  });

  it('explains the account/name:tag rule for Docker Hub pushes', () => {
    assert.match(pushNamingProblem('nginx:v1') ?? '', /account\/name:tag.*youraccount\/nginx:v1/);
    assert.strictEqual(pushNamingProblem('shijinting/nginx:v1'), undefined);
    assert.strictEqual(pushNamingProblem('localhost:5000/nginx:v1'), undefined, 'a private registry needs no account');
  });
});
