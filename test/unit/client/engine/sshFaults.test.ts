// ssh:// engines that fail the way real ones do: nobody listens on the port, the server hangs up in
// the middle of the SSH handshake, the server refuses the login, the server accepts the TCP
// connection and never says a word. Each must end in a classified error within a bound, with no
// unhandled rejection and no SSH connection left open. Real loopback servers, real ssh2 client.
import * as assert from 'node:assert';
import * as net from 'node:net';
import { Server, utils } from 'ssh2';
import { DockerEngine } from '../../../../client/src/engine/dockerEngine';
import { resolveEndpoint } from '../../../../client/src/engine/endpoint';
import { classifyEngineError, EngineProblemKind } from '../../../../client/src/engine/engineProblem';
import { SshAgent } from '../../../../client/src/engine/sshTransport';

const BOUNDS = { readTimeoutMs: 1500, probeAfterMs: 500, probeTimeoutMs: 500 };

function sshEngine(port: number): DockerEngine {
  return new DockerEngine(resolveEndpoint({ env: { DOCKER_HOST: `ssh://learner@127.0.0.1:${port}` }, homedir: '/nonexistent', platform: 'linux', readFile: () => undefined }), BOUNDS);
}

async function listen(server: net.Server | Server): Promise<number> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return (server.address() as net.AddressInfo).port;
}

describe('ssh:// engine faults (loopback servers)', () => {
  const unhandled: unknown[] = [];
  const onUnhandled = (e: unknown) => unhandled.push(e);
  before(() => { process.on('unhandledRejection', onUnhandled); });
  after(() => { process.off('unhandledRejection', onUnhandled); });

  /** Runs a read (ping) and an action (stop) and returns how each failed. */
  async function failures(engine: DockerEngine): Promise<Array<{ kind: EngineProblemKind; ms: number; message: string }>> {
    const out: Array<{ kind: EngineProblemKind; ms: number; message: string }> = [];
    for (const call of [() => engine.ping(), () => engine.containers.stop('abc')]) {
      const started = Date.now();
      const error = await call().then(() => undefined, (e: unknown) => e);
      assert.ok(error, 'the call must fail');
      out.push({ kind: classifyEngineError(error, { hasProgram: () => true }).kind, ms: Date.now() - started, message: (error as Error).message });
    }
    await new Promise((r) => setImmediate(r));
    assert.deepStrictEqual(unhandled, []);
    return out;
  }

  it('a port where nobody listens: refused at once', async () => {
    const probe = net.createServer();
    const port = await listen(probe);
    await new Promise<void>((r) => probe.close(() => r()));
    const engine = sshEngine(port);
    const result = await failures(engine);
    engine.dispose();
    for (const r of result) {
      assert.strictEqual(r.kind, 'refused', r.message);
      assert.match(r.message, /ECONNREFUSED/);
      assert.ok(r.ms < 1000, `${r.ms} ms`);
    }
  });

  it('a server that hangs up during the handshake: an SSH error, not a hang', async () => {
    let connections = 0;
    const server = net.createServer((s) => {
      connections++;
      s.on('error', () => undefined);
      s.write('SSH-2.0-DockerLearningTest\r\n');
      // Hang up once the client has sent its identification and key exchange offer.
      s.once('data', () => setImmediate(() => s.destroy()));
    });
    const port = await listen(server);
    try {
      const engine = sshEngine(port);
      const result = await failures(engine);
      engine.dispose();
      for (const r of result) {
        assert.strictEqual(r.kind, 'ssh', r.message);
        assert.match(r.message, /closed the connection before the login completed|Connection lost before handshake/);
        assert.ok(r.ms < 1000, `${r.ms} ms`);
      }
      // One SSH connection per attempt: the failed one is not kept for the next request.
      assert.strictEqual(connections, 2);
    } finally {
      server.close();
    }
  });

  it('a server that refuses the login: an SSH authentication error', async () => {
    const hostKey = utils.generateKeyPairSync('ed25519').private;
    const methods: string[] = [];
    const server = new Server({ hostKeys: [hostKey] }, (client) => {
      client.on('error', () => undefined);
      client.on('authentication', (ctx) => { methods.push(`${ctx.username}/${ctx.method}`); ctx.reject(); });
    });
    const port = await listen(server);
    try {
      const engine = sshEngine(port);
      const result = await failures(engine);
      engine.dispose();
      for (const r of result) {
        assert.strictEqual(r.kind, 'ssh', r.message);
        assert.match(r.message, /All configured authentication methods failed/);
        assert.ok(r.ms < 2000, `${r.ms} ms`);
      }
      assert.ok(methods.length >= 2 && methods.every((m) => m.startsWith('learner/')), methods.join());
    } finally {
      server.close();
    }
  });

  it('a server that accepts and never speaks: no answer within the bound, and the connection is closed', async () => {
    const sockets = new Set<net.Socket>();
    const server = net.createServer((s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); s.on('error', () => undefined); s.resume(); });
    const port = await listen(server);
    try {
      const engine = sshEngine(port);
      const result = await failures(engine);
      assert.deepStrictEqual(result.map((r) => r.kind), ['noAnswer', 'noAnswer'], result.map((r) => r.message).join(' | '));
      // The read has its own deadline; the action fails when its probe (a ping) gets no answer either.
      assert.ok(result[0].ms >= BOUNDS.readTimeoutMs - 50 && result[0].ms < BOUNDS.readTimeoutMs + 1000, `ping: ${result[0].ms} ms`);
      assert.ok(result[1].ms >= BOUNDS.probeAfterMs + BOUNDS.probeTimeoutMs - 50 && result[1].ms < 3000, `stop: ${result[1].ms} ms`);
      assert.ok(sockets.size >= 1, 'the SSH connection is still waiting for the server');
      engine.dispose();
      const deadline = Date.now() + 3000;
      while (sockets.size && Date.now() < deadline) { await new Promise((r) => setTimeout(r, 10)); }
      assert.strictEqual(sockets.size, 0, 'dispose closes the SSH connection');
      assert.strictEqual((engine.agent as SshAgent).openConnections, 0);
    } finally {
      server.close();
    }
  });
});
