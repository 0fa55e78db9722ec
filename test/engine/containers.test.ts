// Every container operation of the engine boundary against a real dockerd, each result checked
// through a second, independent dockerode client (the rig's), not through the code under test.
import * as assert from 'node:assert';
import type Dockerode from 'dockerode';
import type { StreamType } from '../../client/src/engine/logDemux';
import { cleanupTestObjects, createTestContainer, ensureTestImage, STOPPABLE_CMD as STOPPABLE, testDocker, testLabels, TEST_IMAGE, uniqueName, waitUntil as until } from '../support/engineRig';
import { engineUnderTest } from './containersHelpers';

async function state(docker: Dockerode, id: string): Promise<Dockerode.ContainerInspectInfo['State']> {
  return (await docker.getContainer(id).inspect()).State;
}


describe('container operations (real engine, checked by a second client)', () => {
  const docker = testDocker();
  const engine = engineUnderTest();
  const ops = engine.containers;
  before(() => ensureTestImage(docker));
  after(() => cleanupTestObjects(docker, { images: true }));

  it('lists with image, command, ports, mounts, networks and labels', async () => {
    const name = uniqueName('list');
    const c = await docker.createContainer({
      Image: TEST_IMAGE, name, Cmd: ['httpd', '-f', '-p', '80'], Labels: { ...testLabels(), 'com.docker.compose.project': 'shop' },
      ExposedPorts: { '80/tcp': {} }, HostConfig: { PortBindings: { '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '0' }] }, Binds: ['/tmp:/host-tmp:ro'] },
    });
    await c.start();
    const mine = (await ops.list(true)).find((x) => x.name === name);
    assert.ok(mine);
    assert.strictEqual(mine.id, c.id);
    assert.strictEqual(mine.state, 'running');
    assert.match(mine.status, /^Up/);
    assert.strictEqual(mine.image, TEST_IMAGE);
    assert.strictEqual(mine.command, 'httpd -f -p 80');
    assert.strictEqual(mine.labels['com.docker.compose.project'], 'shop');
    const published = mine.ports.find((p) => p.privatePort === 80 && p.publicPort);
    assert.ok(published, JSON.stringify(mine.ports));
    assert.strictEqual(published.ip, '127.0.0.1');
    const hostPort = (await c.inspect()).NetworkSettings.Ports['80/tcp']![0].HostPort;
    assert.strictEqual(String(published.publicPort), hostPort);
    assert.deepStrictEqual(mine.mounts.map((m) => [m.type, m.source, m.destination, m.rw]), [['bind', '/tmp', '/host-tmp', false]]);
    assert.ok(mine.networks.some((n) => n.name === 'bridge' && /^\d+\.\d+\.\d+\.\d+$/.test(n.ip)), JSON.stringify(mine.networks));
    assert.ok(!(await ops.list(false, [`com.docker.compose.project=nothing-${name}`])).length, 'label filter');
  });

  it('start, stop (already stopped is not an error), restart', async () => {
    const c = await createTestContainer(docker, { name: uniqueName('life'), cmd: STOPPABLE });
    assert.strictEqual(await ops.start(c.id), true);
    assert.strictEqual((await state(docker, c.id)).Running, true);
    assert.strictEqual(await ops.start(c.id), false, 'already running');
    const before = (await state(docker, c.id)).StartedAt;
    await ops.restart(c.id);
    const after = await state(docker, c.id);
    assert.strictEqual(after.Running, true);
    assert.notStrictEqual(after.StartedAt, before);
    assert.strictEqual(await ops.stop(c.id), true);
    const stopped = await state(docker, c.id);
    assert.strictEqual(stopped.Running, false);
    assert.strictEqual(stopped.ExitCode, 0, 'the trap made sh exit 0 on SIGTERM');
    assert.strictEqual(await ops.stop(c.id), false, 'already stopped');
  });

  it('pause, unpause, kill', async () => {
    const c = await createTestContainer(docker, { name: uniqueName('pause'), cmd: STOPPABLE, start: true });
    await ops.pause(c.id);
    assert.strictEqual((await state(docker, c.id)).Paused, true);
    await ops.unpause(c.id);
    // dockerd 20.10 also records pause/resume from containerd's events, handled a moment later: under load the
    // "paused" event of the pause above can land after the unpause and show Paused again until "resumed" comes.
    await until('the container to read as unpaused', async () => (await state(docker, c.id)).Paused === false);
    await ops.kill(c.id);
    // The engine answers once the signal is sent; the exit is recorded when the process is gone.
    const killed = await until('the killed container to stop', async () => { const s = await state(docker, c.id); return s.Running ? undefined : s; });
    assert.strictEqual(killed.Running, false);
    assert.strictEqual(killed.ExitCode, 137, 'SIGKILL is 128 + 9');
    assert.match((await ops.list(true)).find((x) => x.id === c.id)!.status, /^Exited \(137\)/);
  });

  it('remove: refuses a running container without force, removes with force', async () => {
    const c = await createTestContainer(docker, { name: uniqueName('rm'), cmd: STOPPABLE, start: true });
    await assert.rejects(ops.remove(c.id), (e: { statusCode?: number }) => e.statusCode === 409);
    await ops.remove(c.id, { force: true });
    await assert.rejects(docker.getContainer(c.id).inspect(), (e: { statusCode?: number }) => e.statusCode === 404);
    const stopped = await createTestContainer(docker, { name: uniqueName('rm2') });
    await ops.remove(stopped.id);
    await assert.rejects(docker.getContainer(stopped.id).inspect(), (e: { statusCode?: number }) => e.statusCode === 404);
  });

  it('rename', async () => {
    const c = await createTestContainer(docker, { name: uniqueName('old') });
    const newName = uniqueName('new');
    await ops.rename(c.id, newName);
    assert.strictEqual((await docker.getContainer(c.id).inspect()).Name, `/${newName}`);
  });

  it('commit makes an image with the container\'s changes', async () => {
    const c = await createTestContainer(docker, { name: uniqueName('commit'), cmd: ['sh', '-c', 'echo committed > /marker'] });
    await c.start();
    await c.wait();
    const repo = `dl-test-commit-${process.pid}`;
    const id = await ops.commit(c.id, { repo, tag: 'v1' });
    const image = await docker.getImage(`${repo}:v1`).inspect();
    assert.strictEqual(image.Id, id);
    assert.deepStrictEqual(Object.entries(testLabels()).filter(([k, v]) => image.Config.Labels?.[k] === v).length, 1, 'the image carries the run label (cleanup)');
    const check = await docker.createContainer({ Image: `${repo}:v1`, Cmd: ['cat', '/marker'], Labels: testLabels() });
    await check.start();
    await check.wait();
    const out = (await check.logs({ stdout: true })) as unknown as Buffer;
    assert.match(out.toString('latin1'), /committed/);
  });

  it('top lists the processes like docker container top', async () => {
    const c = await createTestContainer(docker, { name: uniqueName('top'), cmd: ['sleep', '600'], start: true });
    const top = await ops.top(c.id);
    assert.ok(top.titles.includes('PID') && top.titles.includes('CMD'), top.titles.join(' '));
    const cmd = top.titles.indexOf('CMD');
    assert.ok(top.processes.some((p) => p[cmd] === 'sleep 600'), JSON.stringify(top.processes));
  });

  it('inspect returns the engine\'s JSON', async () => {
    const c = await createTestContainer(docker, { name: uniqueName('inspect') });
    const info = await ops.inspect(c.id);
    assert.strictEqual(info.Id, c.id);
    assert.deepStrictEqual(info.Config.Cmd, ['sleep', '3600']);
  });
});

describe('logs (real engine)', () => {
  const docker = testDocker();
  const ops = engineUnderTest().containers;
  after(() => cleanupTestObjects(docker));
  const script = 'echo out1; echo err1 >&2; printf "\\033[31mred\\033[0m\\n"; echo 中文; echo err2 >&2; echo out2';

  function collector() {
    const got: Record<StreamType, Buffer[]> = { stdout: [], stderr: [], stdin: [] };
    let tty: boolean | undefined;
    let endResolve!: (e?: Error) => void;
    const ended = new Promise<Error | undefined>((r) => { endResolve = r; });
    return {
      sink: { begin: (t: boolean) => { tty = t; }, data: (s: StreamType, c: Buffer) => got[s].push(Buffer.from(c)), end: (e?: Error) => endResolve(e) },
      text: (s: StreamType) => Buffer.concat(got[s]).toString('utf8'),
      tty: () => tty,
      ended,
    };
  }

  it('demultiplexes stdout and stderr of a container without a TTY (no frame headers)', async () => {
    const c = await createTestContainer(docker, { name: uniqueName('logs'), cmd: ['sh', '-c', script] });
    await c.start();
    await c.wait();
    const col = collector();
    await ops.logs(c.id, { follow: true, tail: 'all' }, col.sink);
    assert.strictEqual(await col.ended, undefined, 'an exited container\'s log ends by itself');
    assert.strictEqual(col.tty(), false);
    assert.strictEqual(col.text('stdout'), 'out1\n\x1b[31mred\x1b[0m\n中文\nout2\n');
    assert.strictEqual(col.text('stderr'), 'err1\nerr2\n');
  });

  it('passes a TTY container\'s single stream through raw, colours and all', async () => {
    const c = await createTestContainer(docker, { name: uniqueName('logs-tty'), cmd: ['sh', '-c', script], tty: true });
    await c.start();
    await c.wait();
    const col = collector();
    await ops.logs(c.id, { follow: false }, col.sink);
    await col.ended;
    assert.strictEqual(col.tty(), true);
    const text = col.text('stdout');
    for (const part of ['out1\r\n', 'err1\r\n', '\x1b[31mred\x1b[0m\r\n', '中文\r\n', 'out2\r\n']) { assert.ok(text.includes(part), `${JSON.stringify(part)} in ${JSON.stringify(text)}`); }
    assert.strictEqual(col.text('stderr'), '');
  });

  it('tail, timestamps and since', async () => {
    const c = await createTestContainer(docker, { name: uniqueName('logs-tail'), cmd: ['sh', '-c', 'for i in 1 2 3 4 5; do echo line $i; done'] });
    await c.start();
    await c.wait();
    const col = collector();
    await ops.logs(c.id, { follow: false, tail: 2, timestamps: true }, col.sink);
    await col.ended;
    const lines = col.text('stdout').trim().split('\n');
    assert.strictEqual(lines.length, 2);
    assert.match(lines[0], /^\d{4}-\d{2}-\d{2}T\S+ line 4$/);
    const future = collector();
    await ops.logs(c.id, { follow: false, since: Math.floor(Date.now() / 1000) + 3600 }, future.sink);
    await future.ended;
    assert.strictEqual(future.text('stdout'), '');
  });

  it('follows a running container until stopped, and stop() closes the stream', async () => {
    const c = await createTestContainer(docker, { name: uniqueName('logs-follow'), cmd: ['sh', '-c', 'i=0; while :; do echo tick $i; i=$((i+1)); sleep 0.1; done'], start: true });
    const col = collector();
    const session = await ops.logs(c.id, { follow: true, tail: 0 }, col.sink);
    await until('tick 3', () => col.text('stdout').includes('tick 3'));
    session.stop();
    assert.strictEqual(await col.ended, undefined);
    assert.strictEqual(session.stopped, true);
    const length = col.text('stdout').length;
    await until('more ticks in the container', async () => ((await c.logs({ stdout: true, tail: 1 })) as unknown as Buffer).toString('latin1').includes('tick 8'));
    assert.strictEqual(col.text('stdout').length, length, 'nothing arrives after stop()');
  });
});

describe('shell exec (real engine)', () => {
  const docker = testDocker();
  const ops = engineUnderTest().containers;
  after(() => cleanupTestObjects(docker));

  it('picks /bin/sh when there is no bash', async () => {
    const c = await createTestContainer(docker, { name: uniqueName('pick'), start: true });
    assert.strictEqual(await ops.pickShell(c.id), '/bin/sh');
    assert.strictEqual(await ops.pickShell(c.id, ['/bin/sh', '/bin/bash']), '/bin/sh');
    assert.strictEqual(await ops.pickShell(c.id, ['/bin/nothing-here', '/bin/sh']), '/bin/sh');
  });

  it('round trip: typed input runs in a TTY, resize reaches the TTY, exit ends the session with its code', async () => {
    const c = await createTestContainer(docker, { name: uniqueName('exec'), start: true });
    const shell = await ops.shell(c.id, { columns: 100, rows: 30 });
    assert.strictEqual(shell.shell, '/bin/sh');
    let out = '';
    shell.onData((d) => { out += d.toString('utf8'); });
    const exited = new Promise<number | undefined>((r) => shell.onExit(r));
    shell.write('echo $((6*7))\n');
    await until('42 in the output', () => /\r\n42\r\n/.test(out));
    shell.write('busybox stty size\n');
    await until('30 100', () => out.includes('30 100'));
    await shell.resize(132, 40);
    shell.write('busybox stty size\n');
    await until('40 132', () => out.includes('40 132'));
    shell.write('exit 3\n');
    assert.strictEqual(await exited, 3);
  });

  it('close() ends the shell in the container (Docker would leave it running)', async () => {
    const c = await createTestContainer(docker, { name: uniqueName('exec-close'), start: true });
    const shell = await ops.shell(c.id);
    let out = '';
    shell.onData((d) => { out += d.toString('utf8'); });
    shell.write('cat\n');
    const cmdColumn = async () => { const top = await ops.top(c.id); const i = top.titles.indexOf('CMD'); return top.processes.map((p) => p[i]); };
    await until('cat runs in the shell', async () => (await cmdColumn()).includes('cat'));
    const exited = new Promise<number | undefined>((r) => shell.onExit(r));
    shell.close();
    await exited;
    await until('no shell and no cat left', async () => { const cmds = await cmdColumn(); return !cmds.includes('/bin/sh') && !cmds.includes('cat'); });
    assert.ok(out.length > 0);
  });
});
