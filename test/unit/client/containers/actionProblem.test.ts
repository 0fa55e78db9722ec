// Which action failures get the view's advice: faults on the way to the engine only, never an
// answer of the engine (whatever words it contains) nor an error raised by our own code.
import * as assert from 'node:assert';
import { connectionProblemKind } from '../../../../client/src/containers/model/actionProblem';
import { ContainerGoneError, InvalidOptionError } from '../../../../client/src/engine/containers';
import { EndpointError } from '../../../../client/src/engine/endpoint';
import { EngineError } from '../../../../client/src/engine/images';
import { EngineTimeoutError } from '../../../../client/src/engine/requestTimeout';

const sys = (code: string, message: string) => Object.assign(new Error(message), { code });
const installed = { hasProgram: (p: string) => p === 'docker' };

describe('connectionProblemKind (advice for a failed action)', () => {
  it('faults on the way to the engine are classified like the view does', () => {
    assert.strictEqual(connectionProblemKind(sys('ENOENT', 'connect ENOENT /var/run/docker.sock'), installed), 'notRunning');
    assert.strictEqual(connectionProblemKind(sys('ENOENT', 'connect ENOENT /var/run/docker.sock'), { hasProgram: () => false }), 'notInstalled');
    assert.strictEqual(connectionProblemKind(sys('EACCES', 'connect EACCES /var/run/docker.sock'), installed), 'permission');
    assert.strictEqual(connectionProblemKind(sys('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:2375'), installed), 'refused');
    assert.strictEqual(connectionProblemKind(new EngineTimeoutError('POST', '/containers/x/stop', 30_000), installed), 'noAnswer');
    assert.strictEqual(connectionProblemKind(new EndpointError('"foo" is not a Docker host'), installed), 'config');
    assert.strictEqual(connectionProblemKind(Object.assign(new Error('All configured authentication methods failed'), { level: 'client-authentication' }), installed), 'ssh');
    // The images layer keeps the fault's code on its EngineError.
    assert.strictEqual(connectionProblemKind(Object.assign(new EngineError('connect ECONNREFUSED /run/docker.sock'), { code: 'ECONNREFUSED' }), installed), 'notRunning');
  });

  it('an answer of the engine is never a connection problem, whatever it says', () => {
    assert.strictEqual(connectionProblemKind(new EngineError('pull access denied for openssh, x509: certificate signed by unknown authority', 500), installed), 'other');
    assert.strictEqual(connectionProblemKind(Object.assign(new Error('(HTTP code 409) conflict - container is not running'), { statusCode: 409 }), installed), 'other');
    assert.strictEqual(connectionProblemKind(new ContainerGoneError('0123456789abcdef', 'No such container: sshd'), installed), 'other');
  });

  it('a file the action reads or writes is not the engine, even with ENOENT or EACCES', () => {
    const fsError = (code: string, file: string) => Object.assign(new Error(`${code}: open '${file}'`), { code, syscall: 'open', path: file });
    assert.strictEqual(connectionProblemKind(fsError('ENOENT', '/nowhere/image.tar'), installed), 'other');
    assert.strictEqual(connectionProblemKind(fsError('EACCES', '/root/image.tar'), installed), 'other');
    // The same codes from connecting to the socket are the engine's (syscall connect, an address, no path).
    assert.strictEqual(connectionProblemKind(Object.assign(new Error('connect EACCES /var/run/docker.sock'), { code: 'EACCES', syscall: 'connect', address: '/var/run/docker.sock' }), installed), 'permission');
  });

  it('our own errors are not either, even when they mention ssh or certificates', () => {
    assert.strictEqual(connectionProblemKind(new Error('No container named or with id openssh-server'), installed), 'other');
    assert.strictEqual(connectionProblemKind(new EngineError('No image my-certificate-tool in the engine'), installed), 'other');
    assert.strictEqual(connectionProblemKind(new InvalidOptionError('shells ["ssh"]: absolute paths such as /bin/sh'), installed), 'other');
    assert.strictEqual(connectionProblemKind(undefined, installed), 'other');
    assert.strictEqual(connectionProblemKind('boom', installed), 'other');
  });
});
