// The events stream against a real engine: a change made by another client arrives; an engine that
// is not there is reported, retried with backoff, and picked up when it appears — with one stream.
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { DockerEngine } from '../../client/src/engine/dockerEngine';
import { resolveEndpoint } from '../../client/src/engine/endpoint';
import { classifyEngineError, programOnPath } from '../../client/src/engine/engineProblem';
import type { DockerEvent, WatchState } from '../../client/src/engine/events';
import { cleanupTestObjects, createTestContainer, testDocker, uniqueName, waitUntil as until } from '../support/engineRig';
import { engineUnderTest } from './containersHelpers';

/** A unix socket that forwards to the real engine, counting open /events requests. */
class EngineProxy {
  readonly server: net.Server;
  openEvents = 0;
  maxOpenEvents = 0;
  private readonly sockets = new Set<net.Socket>();
  constructor(readonly socketPath: string, target = process.env.DOCKER_HOST?.startsWith('unix://') ? process.env.DOCKER_HOST.slice(7) : '/var/run/docker.sock') {
    this.server = net.createServer((client) => {
      this.sockets.add(client);
      const upstream = net.connect(target);
      this.sockets.add(upstream);
      let isEvents = false;
      client.once('data', (first: Buffer) => {
        if (/^GET \/(v[\d.]+\/)?events/.test(first.toString('latin1'))) { isEvents = true; this.openEvents++; this.maxOpenEvents = Math.max(this.maxOpenEvents, this.openEvents); }
      });
      const closed = () => { if (isEvents) { isEvents = false; this.openEvents--; } };
      client.on('close', closed);
      client.pipe(upstream).pipe(client);
      client.on('error', () => upstream.destroy());
      upstream.on('error', () => client.destroy());
      client.on('close', () => { upstream.destroy(); this.sockets.delete(client); });
      upstream.on('close', () => { client.destroy(); this.sockets.delete(upstream); });
    });
  }
  listen(): Promise<void> { return new Promise((r) => this.server.listen(this.socketPath, r)); }
  /** The engine "goes away": the socket disappears and every connection is cut. */
  close(): Promise<void> {
    this.sockets.forEach((s) => s.destroy());
    return new Promise((r) => this.server.close(() => r()));
  }
}

describe('events stream (real engine)', () => {
  const docker = testDocker();
  after(() => cleanupTestObjects(docker));

  it('reports a container created and started by another client', async () => {
    const events: DockerEvent[] = [];
    const watcher = engineUnderTest().watchEvents({ event: (e) => events.push(e) });
    watcher.start();
    try {
      await until('connected', () => watcher.state === 'connected');
      const c = await createTestContainer(docker, { name: uniqueName('events'), start: true });
      await until('create and start events', () => ['create', 'start'].every((a) => events.some((e) => e.Actor.ID === c.id && e.Action === a)));
    } finally {
      watcher.stop();
    }
  });
});

describe('an engine that is not there, then is (real engine behind a proxy socket)', () => {
  const socketPath = path.join(os.tmpdir(), `dl-test-engine-${process.pid}.sock`);
  let proxy: EngineProxy | undefined;
  afterEach(async () => { await proxy?.close(); proxy = undefined; fs.rmSync(socketPath, { force: true }); });

  it('says which endpoint and what failed, recovers with backoff, and never holds two streams', async () => {
    fs.rmSync(socketPath, { force: true });
    const engine = new DockerEngine(resolveEndpoint({ hostSetting: `unix://${socketPath}`, env: {}, homedir: '/nonexistent', platform: process.platform, readFile: () => undefined }));
    assert.strictEqual(engine.endpoint.url, `unix://${socketPath}`);
    const error = await engine.containers.list(true).then(() => undefined, (e: unknown) => e);
    assert.ok(error, 'listing fails without an engine');
    const problem = classifyEngineError(error, { hasProgram: (p) => programOnPath(p) });
    assert.match(problem.detail, /ENOENT/);
    assert.ok(['notRunning', 'notInstalled'].includes(problem.kind), problem.kind);

    const states: { state: WatchState; retry?: number }[] = [];
    const watcher = engine.watchEvents({ state: (state, _e, retry) => states.push({ state, retry }) }, { minDelayMs: 20, maxDelayMs: 200 });
    watcher.start();
    try {
      await until('three failed attempts', () => states.filter((s) => s.state === 'waiting').length >= 3);
      const delays = states.filter((s) => s.state === 'waiting').map((s) => s.retry!);
      assert.ok(delays[1] > delays[0] && delays[2] > delays[1], `backoff grows: ${delays.join(', ')}`);
      watcher.start(); // a second start (the view shown again) must not add a stream

      proxy = new EngineProxy(socketPath);
      await proxy.listen();
      await until('reconnected', () => watcher.state === 'connected', 5000);
      assert.ok((await engine.containers.list(true)).length >= 0);
      assert.strictEqual(proxy.openEvents, 1);

      // The engine goes away and comes back: still exactly one stream at a time.
      await proxy.close();
      await until('noticed the engine left', () => watcher.state === 'waiting');
      proxy = new EngineProxy(socketPath);
      await proxy.listen();
      await until('reconnected again', () => watcher.state === 'connected' && proxy!.openEvents === 1, 5000);
      assert.strictEqual(proxy.maxOpenEvents, 1);
      assert.strictEqual(watcher.connections, 2);
    } finally {
      watcher.stop();
    }
    const p = proxy;
    await until('the stream closed after stop()', () => p.openEvents === 0);
  });
});
