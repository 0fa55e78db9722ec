// Resource hygiene: a session of actions through our engine modules, with the engine reached through
// a counting proxy of the test's own (a unix socket that forwards every connection to the real
// engine). Every stream and subscription must be closed when it ends or is stopped, idle keep-alive
// connections are all the engine keeps, and dispose() leaves no connection open at all.
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { DockerEngine } from '../../client/src/engine/dockerEngine';
import { resolveEndpoint } from '../../client/src/engine/endpoint';
import { inspectImage, listImages, removeImage, tagImage } from '../../client/src/engine/images';
import { cleanupTestObjects, createTestContainer, ensureTestImage, STOPPABLE_CMD, TEST_IMAGE, TEST_LABEL, testDocker, uniqueName, waitUntil } from '../support/engineRig';

/** The unix socket path of the engine the rig uses. */
function engineSocket(): string {
  const host = process.env.DOCKER_HOST;
  return host?.startsWith('unix://') ? host.slice(7) : '/var/run/docker.sock';
}

class CountingProxy {
  readonly path = path.join(os.tmpdir(), `dl-proxy-${process.pid}-${Math.random().toString(36).slice(2, 8)}.sock`);
  open = 0;
  total = 0;
  peak = 0;
  private readonly server: net.Server;
  private readonly sockets = new Set<net.Socket>();

  constructor(target: string) {
    this.server = net.createServer((client) => {
      this.open++; this.total++; this.peak = Math.max(this.peak, this.open);
      const upstream = net.connect(target);
      this.sockets.add(client); this.sockets.add(upstream);
      let closed = false;
      const close = () => {
        if (closed) { return; }
        closed = true;
        this.open--;
        client.destroy(); upstream.destroy();
        this.sockets.delete(client); this.sockets.delete(upstream);
      };
      client.on('error', close); upstream.on('error', close);
      client.on('close', close); upstream.on('close', close);
      client.pipe(upstream); upstream.pipe(client);
    });
  }

  listen(): Promise<void> { return new Promise((resolve) => this.server.listen(this.path, resolve)); }

  async close(): Promise<void> {
    for (const s of this.sockets) { s.destroy(); }
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    fs.rmSync(this.path, { force: true });
  }
}

describe('connections to the engine (counting proxy)', function () {
  this.timeout(60_000);
  const docker = testDocker();
  let proxy: CountingProxy;

  before(async function () {
    if (process.env.DOCKER_HOST && !process.env.DOCKER_HOST.startsWith('unix://')) { this.skip(); }
    await ensureTestImage(docker);
    proxy = new CountingProxy(engineSocket());
    await proxy.listen();
  });
  after(async () => {
    await proxy?.close();
    await cleanupTestObjects(docker, { images: true });
  });

  it('a session of actions leaves only idle keep-alive connections, and dispose closes them all', async () => {
    const engine = new DockerEngine(resolveEndpoint({ hostSetting: `unix://${proxy.path}`, env: {}, homedir: '/nonexistent', platform: process.platform, readFile: () => undefined }));
    assert.strictEqual(proxy.open, 0, 'nothing is open before the session');
    const c = await createTestContainer(docker, { name: uniqueName('conn'), cmd: ['sh', '-c', `echo started; ${STOPPABLE_CMD[2]}`] });
    const ops = engine.containers;

    // list, inspect, start
    assert.ok((await ops.list(true, [TEST_LABEL])).some((x) => x.id === c.id));
    await ops.inspect(c.id);
    assert.strictEqual(await ops.start(c.id), true);

    // events: subscribe, see our own action, unsubscribe
    const seen: string[] = [];
    let connected!: () => void;
    const isConnected = new Promise<void>((r) => { connected = r; });
    const watcher = engine.watchEvents({ event: (e) => seen.push(e.Action), state: (s) => { if (s === 'connected') { connected(); } } }, { filters: { type: ['container'], container: [c.id] } });
    watcher.start();
    await isConnected;

    // logs: follow until the first line, then stop following
    let logText = '';
    let sawStarted!: () => void;
    const started = new Promise<void>((r) => { sawStarted = r; });
    let logEnded = false;
    const session = await ops.logs(c.id, { follow: true }, {
      data: (_s, chunk) => { logText += chunk.toString(); if (logText.includes('started')) { sawStarted(); } },
      end: () => { logEnded = true; },
    });
    await started;
    session.stop();
    assert.ok(logEnded && session.stopped);

    // exec: a shell that runs one command and exits
    const shell = await ops.shell(c.id, { shells: ['/bin/sh'] });
    let shellOut = '';
    shell.onData((chunk) => { shellOut += chunk.toString(); });
    const exitCode = new Promise<number | undefined>((r) => shell.onExit(r));
    shell.write('echo from-$((6*7)); exit 3\n');
    assert.strictEqual(await exitCode, 3);
    assert.match(shellOut, /from-42/);
    shell.close();

    // stop; the events stream has reported start and stop
    assert.strictEqual(await ops.stop(c.id, 5), true);
    await waitUntil('the stop event', () => seen.includes('stop') || seen.includes('die'));
    watcher.stop();
    await waitUntil('the events stream closed', () => watcher.openStreams === 0);

    // images: list, inspect, tag, remove the tag
    const target = `docker-learning-test/conn-${process.pid}:v1`;
    assert.ok((await listImages(engine)).some((i) => i.repoTags.includes(TEST_IMAGE)));
    const base = await inspectImage(engine, TEST_IMAGE);
    await tagImage(engine, TEST_IMAGE, target);
    assert.strictEqual((await inspectImage(engine, target)).Id, base.Id);
    assert.deepStrictEqual((await removeImage(engine, target)).untagged, [target]);

    assert.ok(proxy.total >= 5, `${proxy.total} connections in the session`);
    assert.ok(proxy.peak >= 3, `at most ${proxy.peak} open at once: events, logs and the shell overlap`);

    // Closed streams reach the proxy asynchronously: wait until nothing is in use any more.
    await waitUntil('no connection in use', () => { const n = engine.connectionCounts(); return n.active === 0 && n.hijacked === 0 && proxy.open === n.idle; });
    const idle = engine.connectionCounts().idle;
    assert.ok(idle >= 1 && idle <= 4, `${idle} idle keep-alive connections (at most maxFreeSockets)`);
    assert.strictEqual(proxy.open, idle, 'every open connection is an idle keep-alive one');

    engine.dispose();
    await waitUntil('every connection closed', () => proxy.open === 0, 5000);
    assert.deepStrictEqual(engine.connectionCounts(), { active: 0, idle: 0, hijacked: 0 });
    assert.strictEqual(proxy.open, 0);
  });

  it('dispose closes streams still open: a followed log, an events subscription and a shell', async () => {
    const engine = new DockerEngine(resolveEndpoint({ hostSetting: `unix://${proxy.path}`, env: {}, homedir: '/nonexistent', platform: process.platform, readFile: () => undefined }));
    const before = proxy.open;
    const c = await createTestContainer(docker, { name: uniqueName('conn-open'), cmd: STOPPABLE_CMD, start: true });
    let connected!: () => void;
    const isConnected = new Promise<void>((r) => { connected = r; });
    const watcher = engine.watchEvents({ state: (s) => { if (s === 'connected') { connected(); } } });
    watcher.start();
    await isConnected;
    let logEnded = false;
    await engine.containers.logs(c.id, { follow: true }, { data: () => undefined, end: () => { logEnded = true; } });
    const shell = await engine.containers.shell(c.id, { shells: ['/bin/sh'] });
    const exited = new Promise<number | undefined>((r) => shell.onExit(r));
    await waitUntil('three streams open', () => proxy.open - before >= 3);
    const n = engine.connectionCounts();
    assert.strictEqual(n.hijacked, 1, 'the shell');
    assert.ok(n.active >= 2, 'the events and log streams');

    engine.dispose();
    await exited;
    await waitUntil('every connection of the engine closed', () => proxy.open === before, 5000);
    assert.strictEqual(watcher.state, 'stopped');
    assert.ok(logEnded, 'the log session ended');
    assert.deepStrictEqual(engine.connectionCounts(), { active: 0, idle: 0, hijacked: 0 });
  });
});
