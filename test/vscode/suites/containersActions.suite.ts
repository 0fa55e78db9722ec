// Every Containers action through its command, in a real extension host, each result checked with a
// second dockerode client; every action's docker command checked too.
import * as assert from 'node:assert';
import * as http from 'node:http';
import * as vscode from 'vscode';
import { activatedApi, recordingMessages } from '../helpers';
import { nodeNamed } from '../containersHelpers';
import { cleanupTestObjects, createTestContainer, engineProblem, STOPPABLE_CMD, testDocker, testLabels, TEST_IMAGE, TEST_LABEL, TEST_RUN, uniqueName, waitUntil } from '../../support/engineRig';

type Result = { done: string[]; failed: { name: string; error: string }[]; command?: string };
const run = <T = Result>(action: string, ...args: unknown[]) => vscode.commands.executeCommand<T>(`dockerLearning.containers.${action}`, ...args);

describe('Containers actions (real engine, checked by a second client)', () => {
  const docker = testDocker();
  const inspect = (id: string) => docker.getContainer(id).inspect();
  before(async function () {
    const problem = process.env.DOCKER_LEARNING_NO_ENGINE ?? (await engineProblem(docker));
    if (problem) { throw new Error(`a Docker engine is required for this suite: ${problem}`); }
    await activatedApi();
  });
  after(() => cleanupTestObjects(docker, { images: true }));

  it('start / stop / restart / pause / unpause / kill, from tree nodes, teaching each command', async () => {
    const api = await activatedApi();
    const name = uniqueName('life');
    const c = await createTestContainer(docker, { name, cmd: STOPPABLE_CMD });
    let node = await nodeNamed(api, name);
    assert.ok(node);
    let r = await run('start', node);
    assert.deepStrictEqual(r.done, [name]);
    assert.strictEqual((await inspect(c.id)).State.Running, true);
    assert.strictEqual(api.lastCliEquivalent()?.command, `docker container start ${name}`);
    assert.match(api.lastCliEquivalent()!.message, new RegExp(`^Started ${name}`));

    const startedAt = (await inspect(c.id)).State.StartedAt;
    r = await run('restart', name);
    assert.notStrictEqual((await inspect(c.id)).State.StartedAt, startedAt);
    assert.strictEqual(r.command, `docker container restart ${name}`);

    node = await nodeNamed(api, name);
    r = await run('pause', node);
    assert.strictEqual((await inspect(c.id)).State.Paused, true);
    assert.strictEqual(r.command, `docker container pause ${name}`);
    r = await run('unpause', c.id);
    assert.strictEqual((await inspect(c.id)).State.Paused, false);
    assert.strictEqual(r.command, `docker container unpause ${name}`);

    r = await run('stop', name);
    assert.strictEqual((await inspect(c.id)).State.Running, false);
    assert.strictEqual(r.command, `docker container stop ${name}`);

    await run('start', name);
    // Kill asks first (confirmations.suite.ts); { confirm: true } is the answer a program gives.
    r = await run('kill', name, { confirm: true });
    const killed = (await inspect(c.id)).State;
    assert.strictEqual(killed.Running, false);
    assert.strictEqual(killed.ExitCode, 137);
    assert.strictEqual(r.command, `docker container kill ${name}`);
  });

  it('acts on a multi-selection, only on the containers the action fits', async () => {
    const api = await activatedApi();
    const a = uniqueName('multi-a'); const b = uniqueName('multi-b'); const s = uniqueName('multi-s');
    const ca = await createTestContainer(docker, { name: a, cmd: STOPPABLE_CMD, start: true });
    const cb = await createTestContainer(docker, { name: b, cmd: STOPPABLE_CMD, start: true });
    await createTestContainer(docker, { name: s });
    const nodes = await Promise.all([a, b, s].map((n) => nodeNamed(api, n)));
    // VS Code passes (clicked node, all selected nodes).
    const r = await run('stop', nodes[0], nodes);
    assert.deepStrictEqual(r.done, [a, b]);
    assert.strictEqual(r.command, `docker container stop ${a} ${b}`);
    assert.strictEqual((await inspect(ca.id)).State.Running, false);
    assert.strictEqual((await inspect(cb.id)).State.Running, false);
  });

  it('remove: stop-and-remove, force, plain; names are shell-quoted in the command', async () => {
    const running = uniqueName('rm-run');
    const forced = uniqueName('rm-force');
    const stopped = uniqueName('rm-stopped');
    const c1 = await createTestContainer(docker, { name: running, cmd: STOPPABLE_CMD, start: true });
    const c2 = await createTestContainer(docker, { name: forced, start: true });
    const c3 = await createTestContainer(docker, { name: stopped });
    const gone = (id: string) => inspect(id).then(() => false, (e: { statusCode?: number }) => e.statusCode === 404);

    let r = await run('remove', running, { confirm: 'stopAndRemove' });
    assert.ok(await gone(c1.id));
    assert.strictEqual(r.command, `docker container stop ${running} && docker container rm ${running}`);
    r = await run('remove', forced, { confirm: 'force' });
    assert.ok(await gone(c2.id));
    assert.strictEqual(r.command, `docker container rm -f ${forced}`);
    r = await run('remove', [stopped], { confirm: true });
    assert.ok(await gone(c3.id));
    assert.strictEqual(r.command, `docker container rm ${stopped}`);
    r = await run('remove', uniqueName('never'), { confirm: true });
    assert.deepStrictEqual(r.done, []);
  });

  it('rename and commit, with the value passed instead of typed', async () => {
    const api = await activatedApi();
    const name = uniqueName('ren');
    const c = await createTestContainer(docker, { name, cmd: ['sh', '-c', 'echo hi > /greeting'] });
    const newName = `${name}-renamed`;
    let r = await run('rename', name, newName);
    assert.strictEqual((await inspect(c.id)).Name, `/${newName}`);
    assert.strictEqual(r.command, `docker container rename ${name} ${newName}`);
    r = await run('rename', newName, 'x');
    assert.deepStrictEqual(r.done, [], 'a one-character name is refused before the engine is asked');

    await c.start();
    await c.wait();
    const repo = `dl-test-ui-commit-${process.pid}`;
    const committed = await run<Result & { imageId: string }>('commit', newName, `${repo}:v2`);
    const image = await docker.getImage(`${repo}:v2`).inspect();
    assert.strictEqual(image.Id, committed.imageId);
    assert.strictEqual(image.Config.Labels?.[TEST_LABEL], TEST_RUN);
    assert.strictEqual(committed.command, `docker container commit ${newName} ${repo}:v2`);
    assert.ok(api.lastCliEquivalent()?.message.includes(`${repo}:v2`));
  });

  it('copy id and name to the clipboard', async () => {
    const name = uniqueName('copy');
    const c = await createTestContainer(docker, { name });
    let r = await run<Result & { copied: string }>('copyId', name);
    assert.strictEqual(await vscode.env.clipboard.readText(), c.id);
    assert.strictEqual(r.command, `docker container inspect --format '{{.Id}}' ${name}`);
    r = await run<Result & { copied: string }>('copyName', c.id);
    assert.strictEqual(await vscode.env.clipboard.readText(), name);
  });

  it('inspect and processes open read-only documents', async () => {
    const name = uniqueName('docs');
    const c = await createTestContainer(docker, { name, cmd: ['sleep', '777'], start: true });
    const ins = await run<Result & { document: vscode.TextDocument }>('inspect', name);
    assert.strictEqual(ins.document.uri.scheme, 'docker-learning');
    assert.strictEqual(ins.document.languageId, 'json');
    assert.strictEqual((JSON.parse(ins.document.getText()) as { Id: string }[])[0].Id, c.id);
    assert.strictEqual(ins.command, `docker container inspect ${name}`);
    const top = await run<Result & { document: vscode.TextDocument }>('processes', name);
    const text = top.document.getText();
    assert.match(text, new RegExp(`^\\$ docker container top ${name}`));
    assert.match(text, /\bPID\b.*\bCMD\b/);
    assert.match(text, /sleep 777/);
    assert.strictEqual(top.command, `docker container top ${name}`);
  });

  it('logs in a terminal: both streams, no frame headers, colours kept; closing stops the stream', async () => {
    const api = await activatedApi();
    const name = uniqueName('logs');
    await createTestContainer(docker, { name, start: true, cmd: ['sh', '-c', 'for i in 1 2 3; do echo old $i; done; echo to-stderr >&2; printf "\\033[32mgreen\\033[0m\\n"; echo 中文; trap "exit 0" TERM; while :; do sleep 1 & wait $!; done'] });
    await waitUntil('the container printed', async () => ((await docker.getContainer(name).logs({ stdout: true, stderr: true })) as unknown as Buffer).includes('中文'));
    // (--tail itself is checked in test/engine: the engine may order stdout and stderr lines of
    // the same instant either way, so a tail across both streams is not a stable count.)
    const r = await run('logs', name, { tail: 100 });
    assert.strictEqual(r.command, `docker container logs -f --tail 100 ${name}`);
    const term = await waitUntil('the log in the terminal', () => api.containers.terminals().find((t) => t.kind === 'logs' && t.container === name && t.transcript.includes('中文')));
    assert.ok(term.transcript.includes('to-stderr\r\n'), JSON.stringify(term.transcript));
    assert.ok(term.transcript.includes('\x1b[32mgreen\x1b[0m\r\n'));
    assert.ok(term.transcript.includes('old 1\r\n'));
    assert.ok(!/[\x00\x01\x02]/.test(term.transcript), 'no frame header bytes');
    const terminal = vscode.window.terminals.find((t) => t.name === `Logs: ${name}`);
    assert.ok(terminal);
    terminal.dispose();
    await waitUntil('the log stream to close', () => term.streamClosed);
  });

  it('logs refuses a --since or --tail it cannot read: the message says what is accepted, no terminal opens', async () => {
    const api = await activatedApi();
    const name = uniqueName('logs-bad');
    await createTestContainer(docker, { name, cmd: ['sh', '-c', 'echo ready; trap "exit 0" TERM; while :; do sleep 1 & wait $!; done'], start: true });
    const cases: [object, string][] = [
      [{ since: 'yesterday' }, '--since yesterday: Use a duration like 10m or 2h, a date like 2024-05-01T10:00:00Z, or Unix seconds'],
      [{ since: '10 minutes', tail: 5 }, '--since 10 minutes: Use a duration like 10m or 2h, a date like 2024-05-01T10:00:00Z, or Unix seconds'],
      [{ tail: -5 }, '--tail -5: Type a number or all'],
      [{ tail: '20; rm -rf /' }, '--tail 20; rm -rf /: Type a number or all'],
      [{ follow: 'yes' }, '--follow yes: true or false'],
    ];
    for (const [options, problem] of cases) {
      const terminals = vscode.window.terminals.length;
      const { shown, result } = await recordingMessages(() => run('logs', name, options));
      assert.deepStrictEqual(result.done, [], JSON.stringify(options));
      assert.deepStrictEqual(shown.map((m) => [m.kind, m.message]), [['error', `Could not read the log of ${name}: ${problem}`]]);
      assert.strictEqual(vscode.window.terminals.length, terminals, `no terminal for ${JSON.stringify(options)}`);
      assert.ok(!api.containers.terminals().some((t) => t.container === name), 'no log stream started');
    }
    // The control: readable options open the log, with the --since the learner gave.
    const r = await run('logs', name, { since: '10m', tail: 'all' });
    assert.strictEqual(r.command, `docker container logs -f --since 10m ${name}`);
    await waitUntil('the log in the terminal', () => api.containers.terminals().find((t) => t.kind === 'logs' && t.container === name && t.transcript.includes('ready')));
    vscode.window.terminals.find((t) => t.name === `Logs: ${name}`)?.dispose();
  });

  it('logs of an exited container end with a note', async () => {
    const api = await activatedApi();
    const name = uniqueName('logs-exited');
    const c = await createTestContainer(docker, { name, cmd: ['sh', '-c', 'echo bye'] });
    await c.start();
    await c.wait();
    await run('logs', name);
    const term = await waitUntil('the end of the log', () => api.containers.terminals().find((t) => t.container === name && t.streamClosed && t.transcript.includes('end of the log')));
    assert.ok(term.transcript.includes('bye\r\n'));
    vscode.window.terminals.find((t) => t.name === `Logs: ${name}`)?.dispose();
  });

  it('a shell in a terminal: typed commands run in the container, exit closes it', async () => {
    const api = await activatedApi();
    const name = uniqueName('shell');
    await createTestContainer(docker, { name, start: true });
    const r = await run<Result & { shell: string }>('shell', name);
    assert.strictEqual(r.shell, '/bin/sh', JSON.stringify(r));
    assert.strictEqual(r.command, `docker container exec -it ${name} sh`);
    const terminal = vscode.window.terminals.find((t) => t.name === `Shell: ${name}`)!;
    terminal.sendText('echo $((6*7)) $(hostname)');
    const term = await waitUntil('the answer', () => api.containers.terminals().find((t) => t.kind === 'shell' && t.container === name && /42 [0-9a-f]{12}/.test(t.transcript)));
    const closed = new Promise<vscode.Terminal>((resolve) => { const sub = vscode.window.onDidCloseTerminal((t) => { if (t === terminal) { sub.dispose(); resolve(t); } }); });
    terminal.sendText('exit 5');
    assert.strictEqual((await closed).exitStatus?.code, 5);
    assert.ok(term.streamClosed);
  });

  it('a shell whose container is removed says so, and stays open until a key closes it', async () => {
    const api = await activatedApi();
    const name = uniqueName('shell-gone');
    const c = await createTestContainer(docker, { name, start: true });
    await run('shell', name);
    const terminal = vscode.window.terminals.find((t) => t.name === `Shell: ${name}`)!;
    terminal.sendText('echo $((6*7))');
    const term = await waitUntil('the shell answered', () => api.containers.terminals().find((t) => t.kind === 'shell' && t.container === name && t.transcript.includes('42')));
    let closed = false;
    const closing = new Promise<void>((resolve) => { const sub = vscode.window.onDidCloseTerminal((t) => { if (t === terminal) { closed = true; sub.dispose(); resolve(); } }); });
    await c.remove({ force: true });
    await waitUntil('the shell to say why it ended', () => term.transcript.includes(`The container ${name} was removed; the shell ended. Press any key to close this terminal.`), 20_000);
    assert.ok(term.streamClosed);
    assert.strictEqual(closed, false, 'the terminal stays open to show why');
    terminal.sendText('x', false);
    await closing;
  });

  it('a shell in a stopped container is refused with a reason', async () => {
    const name = uniqueName('shell-stopped');
    await createTestContainer(docker, { name });
    const r = await run('shell', name);
    assert.match(r.failed[0].error, /is not running/);
  });

  it('opens a published port (the address; a request reaches the container)', async () => {
    const name = uniqueName('port');
    const c = await docker.createContainer({
      Image: TEST_IMAGE, name, Cmd: ['httpd', '-f', '-p', '80'], Labels: testLabels(),
      ExposedPorts: { '80/tcp': {} }, HostConfig: { PortBindings: { '80/tcp': [{ HostPort: '0' }] } },
    });
    await c.start();
    const hostPort = (await c.inspect()).NetworkSettings.Ports['80/tcp']![0].HostPort;
    const api = await activatedApi();
    const node = await nodeNamed(api, name);
    assert.strictEqual(node?.contextValue, 'container.running.ports');
    const r = await run<Result & { url: string }>('openPort', name, { open: false });
    assert.strictEqual(r.url, `http://localhost:${hostPort}/`);
    assert.strictEqual(r.command, `docker container port ${name}`);
    const status = await new Promise<number>((resolve, reject) => http.get(r.url, (res) => { res.resume(); resolve(res.statusCode ?? 0); }).on('error', reject));
    assert.ok(status > 0, 'busybox httpd answered');
  });

  it('stop all running and remove all stopped: exactly the listed containers, the course\'s commands', async () => {
    const api = await activatedApi();
    // Only this test's containers: the engine is shared with other work (and other tests).
    const bulkLabel = `docker-learning.test.bulk-${process.pid}`;
    const label = `${bulkLabel}=1`;
    const names = [uniqueName('all-a'), uniqueName('all-b')];
    for (const name of names) { await createTestContainer(docker, { name, cmd: STOPPABLE_CMD, start: true, labels: { [bulkLabel]: '1' } }); }
    const stop = await run('stopAll', { confirm: true, label });
    assert.ok(names.every((n) => stop.done.includes(n)), stop.done.join(', '));
    assert.strictEqual(stop.command, 'docker container stop $(docker container ps -aq)');
    const mine = await docker.listContainers({ all: true, filters: { label: [label] } });
    assert.deepStrictEqual(mine.filter((c) => c.State === 'running'), []);
    assert.ok(api.lastCliEquivalent()?.message.startsWith('Stopped'));

    const removed = await run('removeStopped', { confirm: true, label });
    assert.ok(names.every((n) => removed.done.includes(n)));
    assert.strictEqual(removed.command, 'docker container prune -f');
    assert.deepStrictEqual(await docker.listContainers({ all: true, filters: { label: [label] } }), []);
    const none = await run('removeStopped', { confirm: true, label });
    assert.deepStrictEqual(none.done, []);
  });

  it('asks nothing when told not to confirm', async () => {
    const name = uniqueName('keep');
    const c = await createTestContainer(docker, { name });
    const r = await run('remove', name, { confirm: false });
    assert.deepStrictEqual(r.done, []);
    assert.ok(await inspect(c.id));
  });
});
