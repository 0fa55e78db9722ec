import * as assert from 'node:assert';
import { classifyEngineError } from '../../../../client/src/engine/engineProblem';
import { EndpointError } from '../../../../client/src/engine/endpoint';
import { EngineTimeoutError } from '../../../../client/src/engine/requestTimeout';

const err = (code: string, message: string) => Object.assign(new Error(message), { code });
const installed = { hasProgram: (p: string) => p === 'docker' };
const nothing = { hasProgram: () => false };

describe('classifyEngineError (what the view says when the engine cannot be reached)', () => {
  it('a missing socket with Docker installed: the engine is not running', () => {
    assert.strictEqual(classifyEngineError(err('ENOENT', 'connect ENOENT /var/run/docker.sock'), installed).kind, 'notRunning');
  });
  it('a missing socket and no docker, dockerd or podman: not installed', () => {
    assert.strictEqual(classifyEngineError(err('ENOENT', 'connect ENOENT /var/run/docker.sock'), nothing).kind, 'notInstalled');
  });
  it('permission denied on the socket', () => {
    const p = classifyEngineError(err('EACCES', 'connect EACCES /var/run/docker.sock'), installed);
    assert.deepStrictEqual(p, { kind: 'permission', detail: 'connect EACCES /var/run/docker.sock' });
  });
  it('a refused unix socket is a stopped engine; a refused tcp port is refused', () => {
    assert.strictEqual(classifyEngineError(err('ECONNREFUSED', 'connect ECONNREFUSED /run/user/1000/podman/podman.sock'), installed).kind, 'notRunning');
    assert.strictEqual(classifyEngineError(err('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:2375'), installed).kind, 'refused');
  });
  it('unknown hosts, TLS and ssh failures', () => {
    assert.strictEqual(classifyEngineError(err('ENOTFOUND', 'getaddrinfo ENOTFOUND nohost'), installed).kind, 'hostUnreachable');
    assert.strictEqual(classifyEngineError(err('DEPTH_ZERO_SELF_SIGNED_CERT', 'self signed certificate'), installed).kind, 'tls');
    assert.strictEqual(classifyEngineError(Object.assign(new Error('All configured authentication methods failed'), { level: 'client-authentication' }), installed).kind, 'ssh');
  });
  it('a bad endpoint configuration', () => {
    assert.strictEqual(classifyEngineError(new EndpointError('"foo" is not a Docker host'), installed).kind, 'config');
  });
  it('an endpoint that accepts and never answers a read in time: no answer', () => {
    const e = new EngineTimeoutError('GET', '/_ping', 30_000);
    assert.deepStrictEqual(classifyEngineError(e, installed), { kind: 'noAnswer', detail: 'The engine did not answer GET /_ping within 30 s' });
  });
  it('anything else keeps its message', () => {
    assert.deepStrictEqual(classifyEngineError(new Error('boom'), installed), { kind: 'other', detail: 'boom' });
  });
});
