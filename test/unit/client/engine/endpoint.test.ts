import * as assert from 'node:assert';
import * as crypto from 'node:crypto';
import * as util from 'node:util';
import { resolveEndpoint, EndpointError, EndpointInputs } from '../../../../client/src/engine/endpoint';

function inputs(over: Partial<EndpointInputs> & { files?: Record<string, string> } = {}): EndpointInputs {
  const files = over.files ?? {};
  return { env: {}, homedir: '/home/u', platform: 'linux', readFile: (f) => files[f], ...over };
}

describe('resolveEndpoint (like the docker CLI)', () => {
  it('uses the default socket when nothing is configured', () => {
    const e = resolveEndpoint(inputs());
    assert.strictEqual(e.source, 'default');
    assert.deepStrictEqual(e.options, { socketPath: '/var/run/docker.sock' });
  });
  it('uses the named pipe on Windows', () => {
    const e = resolveEndpoint(inputs({ platform: 'win32' }));
    assert.strictEqual(e.options.socketPath, '\\\\.\\pipe\\docker_engine');
  });
  it('prefers the setting over DOCKER_HOST', () => {
    const e = resolveEndpoint(inputs({ hostSetting: 'unix:///tmp/a.sock', env: { DOCKER_HOST: 'unix:///tmp/b.sock' } }));
    assert.strictEqual(e.source, 'setting');
    assert.strictEqual(e.options.socketPath, '/tmp/a.sock');
  });
  it('reads tcp:// with TLS certificates from DOCKER_CERT_PATH', () => {
    const e = resolveEndpoint(inputs({
      env: { DOCKER_HOST: 'tcp://10.0.0.5:2376', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/certs' },
      files: { '/certs/ca.pem': 'CA', '/certs/cert.pem': 'CERT', '/certs/key.pem': 'KEY' },
    }));
    assert.strictEqual(e.source, 'DOCKER_HOST');
    assert.deepStrictEqual({ ...e.options }, { host: '10.0.0.5', port: 2376, protocol: 'https' }, 'the TLS material is not enumerable');
    assert.deepStrictEqual([e.options.ca, e.options.cert, e.options.key], ['CA', 'CERT', 'KEY']);
    for (const printed of [JSON.stringify(e), util.inspect(e, { depth: null })]) {
      assert.ok(!/"?(CA|CERT|KEY)"?\b/.test(printed.replace(/DOCKER_HOST/g, '')), printed);
    }
  });
  it('refuses TLS verification without certificates, saying where it looked', () => {
    assert.throws(() => resolveEndpoint(inputs({ env: { DOCKER_HOST: 'tcp://h:2376', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/nope' } })), /\/nope/);
  });
  it('reads plain tcp:// without TLS', () => {
    const e = resolveEndpoint(inputs({ env: { DOCKER_HOST: 'tcp://127.0.0.1:2375' } }));
    assert.deepStrictEqual({ ...e.options }, { host: '127.0.0.1', port: 2375, protocol: 'http' });
  });
  it('reads ssh://user@host:port', () => {
    const e = resolveEndpoint(inputs({ env: { DOCKER_HOST: 'ssh://learner@build-box:2222', SSH_AUTH_SOCK: '/tmp/agent' } }));
    assert.strictEqual(e.options.protocol, 'ssh');
    assert.strictEqual(e.options.host, 'build-box');
    assert.strictEqual(e.options.port, 2222);
    assert.strictEqual(e.options.username, 'learner');
  });
  it('follows the current docker context from config.json to its meta.json', () => {
    const digest = crypto.createHash('sha256').update('remote').digest('hex');
    const e = resolveEndpoint(inputs({
      files: {
        '/home/u/.docker/config.json': JSON.stringify({ currentContext: 'remote' }),
        [`/home/u/.docker/contexts/meta/${digest}/meta.json`]: JSON.stringify({ Name: 'remote', Endpoints: { docker: { Host: 'unix:///run/podman/podman.sock' } } }),
      },
    }));
    assert.strictEqual(e.source, 'context');
    assert.strictEqual(e.contextName, 'remote');
    assert.strictEqual(e.options.socketPath, '/run/podman/podman.sock');
  });
  it('lets DOCKER_CONTEXT pick the context', () => {
    const digest = crypto.createHash('sha256').update('ci').digest('hex');
    const e = resolveEndpoint(inputs({
      env: { DOCKER_CONTEXT: 'ci' },
      files: { [`/home/u/.docker/contexts/meta/${digest}/meta.json`]: JSON.stringify({ Endpoints: { docker: { Host: 'tcp://127.0.0.1:9999' } } }) },
    }));
    assert.strictEqual(e.url, 'tcp://127.0.0.1:9999');
  });
  it('explains an unknown scheme and a missing context', () => {
    assert.throws(() => resolveEndpoint(inputs({ hostSetting: 'ftp://x' })), EndpointError);
    assert.throws(() => resolveEndpoint(inputs({ hostSetting: 'not a url' })), /not a Docker host/);
    assert.throws(() => resolveEndpoint(inputs({ env: { DOCKER_CONTEXT: 'gone' } })), /gone/);
  });
});
