// Engine faults a learner meets: an address that accepts connections and never answers, a
// container removed (from a terminal) between the view's refresh and the click, and a container
// removed while its log is followed. Each must end with a clear, classified outcome, never a hang.
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { ContainerGoneError } from '../../client/src/engine/containers';
import { DockerEngine } from '../../client/src/engine/dockerEngine';
import { resolveEndpoint } from '../../client/src/engine/endpoint';
import { classifyEngineError } from '../../client/src/engine/engineProblem';
import { buildImage, loadImage, pullImage, pushImage, removeImage, runDetached, saveImage, tagImage } from '../../client/src/engine/images';
import { EngineTimeoutError } from '../../client/src/engine/requestTimeout';
import { cleanupTestObjects, createTestContainer, ensureTestImage, STOPPABLE_CMD, testDocker, uniqueName, waitUntil } from '../support/engineRig';
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

    it('actions (POST, DELETE) and streams fail as "no answer" when the engine does not answer a probe either', async () => {
      const bounds = { readTimeoutMs: 60_000, probeAfterMs: 300, probeTimeoutMs: 300 };
      const engine = new DockerEngine(resolveEndpoint({ hostSetting: `tcp://127.0.0.1:${port}`, env: {}, homedir: '/nonexistent', platform: process.platform, readFile: () => undefined }), bounds);
      const ops = engine.containers;
      const tarFile = path.join(os.tmpdir(), `dl-silent-${process.pid}.tar`);
      fs.writeFileSync(tarFile, Buffer.alloc(1024));
      const calls: Array<[string, RegExp, () => Promise<unknown>]> = [
        ['stop', /POST \/containers\/c1\/stop/, () => ops.stop('c1', 0)], ['start', /POST \/containers\/c1\/start/, () => ops.start('c1')],
        ['kill', /POST \/containers\/c1\/kill/, () => ops.kill('c1')], ['remove', /DELETE \/containers\/c1/, () => ops.remove('c1', { force: true })],
        ['rename', /POST \/containers\/c1\/rename/, () => ops.rename('c1', 'c2')], ['commit', /POST \/commit/, () => ops.commit('c1', { repo: 'x/y', tag: 'v1' })],
        ['image rm', /DELETE \/images\/x:1/, () => removeImage(engine, 'x:1')], ['tag', /POST \/images\/x:1\/tag/, () => tagImage(engine, 'x:1', 'x:2')],
        ['run', /POST \/containers\/create/, () => runDetached(engine, { Image: 'x:1' })],
        ['pull', /POST \/images\/create/, () => pullImage(engine, 'x:1', 'docker.io')],
        ['push', /POST \/images\/localhost:5000\/x:1\/push/, () => pushImage(engine, 'localhost:5000/x:1', 'localhost:5000', { auth: { username: 'u', password: 'p', serveraddress: 'localhost:5000' } })],
        ['save', /GET \/images\/x:1\/get/, () => saveImage(engine, 'x:1', path.join(os.tmpdir(), `dl-silent-${process.pid}.out.tar`))],
        ['load', /POST \/images\/load/, () => loadImage(engine, tarFile)],
        ['events', /GET \/events/, () => engine.api.getEvents({})],
      ];
      try {
        for (const [what, route, call] of calls) {
          const started = Date.now();
          await assert.rejects(call(), (e: unknown) => {
            assert.strictEqual(classifyEngineError(e, { hasProgram: () => true }).kind, 'noAnswer', `${what}: ${String(e)}`);
            assert.match((e as Error).message, /The engine did not answer/, what);
            assert.match((e as Error).message, route, what);
            return true;
          }, what);
          const ms = Date.now() - started;
          assert.ok(ms >= 550 && ms < 3000, `${what} took ${ms} ms`);
        }
        // A build reports its failure in the outcome, like a failed step.
        const started = Date.now();
        const outcome = await buildImage(engine, { context: Readable.from([Buffer.alloc(1024)]), dockerfile: 'Dockerfile', tags: ['x:1'] });
        assert.match(outcome.error ?? '', /The engine did not answer POST \/build/);
        assert.strictEqual(outcome.errorCode, 'ENGINE_TIMEOUT');
        assert.ok(Date.now() - started < 3000);
        // Each request waited for one probe, and each probe went unanswered.
        assert.deepStrictEqual(engine.probes, { sent: calls.length + 1, failed: calls.length + 1 });
      } finally {
        fs.rmSync(tarFile, { force: true });
        engine.dispose();
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

    it('a shell open in a container that is removed ends, saying the container is gone', async () => {
      const unhandled: unknown[] = [];
      const onUnhandled = (e: unknown) => unhandled.push(e);
      process.on('unhandledRejection', onUnhandled);
      const own = engineUnderTest();
      try {
        const c = await createTestContainer(docker, { name: uniqueName('gone-shell'), cmd: STOPPABLE_CMD, start: true });
        const shell = await own.containers.shell(c.id, { shells: ['/bin/sh'] });
        let out = '';
        shell.onData((chunk) => { out += chunk.toString(); });
        const exit = new Promise<[number | undefined, ContainerGoneError | undefined]>((r) => shell.onExit((code, gone) => r([code, gone])));
        shell.write('echo in-$((40+2))\n');
        await waitUntil('the shell answered', () => out.includes('in-42'));
        assert.strictEqual(own.connectionCounts().hijacked, 1);
        await docker.getContainer(c.id).remove({ force: true });
        const [code, gone] = await exit;
        assert.strictEqual(code, undefined);
        assert.ok(gone instanceof ContainerGoneError, String(gone));
        assert.match(gone.message, /no longer exists/);
        // Typing into the ended shell is ignored, and a late listener hears the same outcome.
        shell.write('echo too late\n');
        const late = await new Promise<ContainerGoneError | undefined>((r) => shell.onExit((_c, g) => r(g)));
        assert.strictEqual(late, gone);
        shell.close();
        await waitUntil('the shell connection closed', () => own.connectionCounts().hijacked === 0);
        await new Promise((r) => setImmediate(r));
        assert.deepStrictEqual(unhandled, []);
      } finally {
        own.dispose();
        process.off('unhandledRejection', onUnhandled);
      }
    });

    it('a slow action on a live engine is not cut: the probe gets an answer, the action its result', async () => {
      // sleep as PID 1 ignores SIGTERM, so stop waits its whole grace period before SIGKILL.
      const c = await createTestContainer(docker, { name: uniqueName('slow-stop'), cmd: ['sleep', '3600'], start: true });
      const probing = new DockerEngine(engine.endpoint, { readTimeoutMs: 30_000, probeAfterMs: 200, probeTimeoutMs: 300 });
      try {
        const started = Date.now();
        assert.strictEqual(await probing.containers.stop(c.id, 2), true);
        const ms = Date.now() - started;
        assert.ok(ms >= 1900, `stop returned after ${ms} ms, before the grace period`);
        assert.strictEqual((await docker.getContainer(c.id).inspect()).State.Running, false);
        // Probes at 200 ms, then 400 ms later, then 800 ms later: all answered.
        assert.ok(probing.probes.sent >= 3, `${probing.probes.sent} probes`);
        assert.strictEqual(probing.probes.failed, 0);
      } finally {
        probing.dispose();
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
