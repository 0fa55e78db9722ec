// Engine faults a learner meets: an address that accepts connections and never answers, a
// container removed (from a terminal) between the view's refresh and the click, and a container
// removed while its log is followed. Each must end with a clear, classified outcome, never a hang.
import * as assert from 'node:assert';
import * as net from 'node:net';
import { ContainerGoneError } from '../../client/src/engine/containers';
import { DockerEngine } from '../../client/src/engine/dockerEngine';
import { resolveEndpoint } from '../../client/src/engine/endpoint';
import { classifyEngineError } from '../../client/src/engine/engineProblem';
import { EngineTimeoutError } from '../../client/src/engine/requestTimeout';
import { cleanupTestObjects, createTestContainer, ensureTestImage, testDocker, uniqueName } from '../support/engineRig';
import { engineUnderTest } from './containersHelpers';

describe('engine faults', () => {
  describe('an endpoint that accepts and never answers', () => {
    let server: net.Server;
    const sockets = new Set<net.Socket>();
    let port = 0;
    before(async () => {
      // Our own silent listener: it takes the connection and the request, and says nothing.
      server = net.createServer((s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); s.resume(); });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as net.AddressInfo).port;
    });
    after(async () => {
      for (const s of sockets) { s.destroy(); }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });
    const silentEngine = (timeoutMs: number) => new DockerEngine(
      resolveEndpoint({ hostSetting: `tcp://127.0.0.1:${port}`, env: {}, homedir: '/nonexistent', platform: process.platform, readFile: () => undefined }), timeoutMs);

    it('ping, list and inspect fail with a classified "no answer" within the bound', async () => {
      const engine = silentEngine(300);
      for (const call of [() => engine.ping(), () => engine.listContainers(), () => engine.containers.inspect('anything')]) {
        const started = Date.now();
        await assert.rejects(call(), (e: unknown) => {
          assert.ok(e instanceof EngineTimeoutError, String(e));
          assert.match((e as Error).message, /did not answer GET \/\S+ within/);
          assert.strictEqual(classifyEngineError(e, { hasProgram: () => true }).kind, 'noAnswer');
          return true;
        });
        assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms`);
      }
    });

    it('leaves no connection open behind a timed-out call', async () => {
      const engine = silentEngine(200);
      await assert.rejects(engine.ping(), EngineTimeoutError);
      const deadline = Date.now() + 3000;
      while (sockets.size && Date.now() < deadline) { await new Promise((r) => setImmediate(r)); }
      assert.strictEqual(sockets.size, 0);
    });
  });

  describe('a container removed meanwhile (real engine)', () => {
    const docker = testDocker();
    const engine = engineUnderTest();
    before(() => ensureTestImage(docker));
    after(() => cleanupTestObjects(docker));

    it('every action on it says it no longer exists', async () => {
      const c = await createTestContainer(docker, { name: uniqueName('gone') });
      await docker.getContainer(c.id).remove({ force: true });
      const ops = engine.containers;
      const calls: Array<[string, () => Promise<unknown>]> = [
        ['inspect', () => ops.inspect(c.id)], ['start', () => ops.start(c.id)], ['stop', () => ops.stop(c.id, 0)],
        ['restart', () => ops.restart(c.id)], ['pause', () => ops.pause(c.id)], ['kill', () => ops.kill(c.id)],
        ['remove', () => ops.remove(c.id, { force: true })], ['rename', () => ops.rename(c.id, uniqueName('gone2'))],
        ['top', () => ops.top(c.id)], ['commit', () => ops.commit(c.id, { repo: 'docker-learning-test/gone', tag: 'v1' })],
        ['logs', () => ops.logs(c.id, { follow: false }, { data: () => undefined, end: () => undefined })],
        ['shell', () => ops.shell(c.id)],
      ];
      for (const [what, call] of calls) {
        await assert.rejects(call(), (e: unknown) => {
          assert.ok(e instanceof ContainerGoneError, `${what}: ${String(e)}`);
          assert.match((e as Error).message, /no longer exists/);
          assert.strictEqual((e as ContainerGoneError).statusCode, 404);
          return true;
        }, what);
      }
    });

    it('a followed log ends cleanly when the container is removed', async () => {
      const c = await createTestContainer(docker, { name: uniqueName('gone-logs'), cmd: ['sh', '-c', 'echo ready; exec sleep 3600'], start: true });
      let text = '';
      let sawReady!: () => void;
      const ready = new Promise<void>((r) => { sawReady = r; });
      const ended = new Promise<Error | undefined>((resolve) => {
        void engine.containers.logs(c.id, { follow: true }, {
          data: (_s, chunk) => { text += chunk.toString(); if (text.includes('ready')) { sawReady(); } },
          end: (error) => resolve(error),
        });
      });
      await ready;
      await docker.getContainer(c.id).remove({ force: true });
      const error = await ended;
      assert.strictEqual(error, undefined, `the stream ended with ${String(error)}`);
      assert.match(text, /ready/);
    });
  });
});
