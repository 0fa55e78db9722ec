// Resource hygiene and engine faults, measured on the engine's side of the wire. The extension is
// pointed (through a workspace setting, which a trusted folder may do) at a Unix-socket proxy in
// front of the real engine; the proxy sees every connection the extension opens and what each one
// asked for, so "closed" means the engine's connection really closed, and "the engine stopped" is
// the proxy going away — without stopping the Docker engine other work shares.
// Runs last: it ends with the extension deactivated.
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activatedApi, EXTENSION_ID, recordingMessages } from '../helpers';
import { nodeNamed, treeShows } from '../containersHelpers';
import { note } from '../runInHost';
import { cleanupTestObjects, createTestContainer, engineProblem, STOPPABLE_CMD, testDocker, uniqueName, waitUntil } from '../../support/engineRig';
import type { DockerLearningApi } from '../../../client/src/extension';
import type { EventsWatcher } from '../../../client/src/engine/events';

const ENGINE_SOCKET = '/var/run/docker.sock';

interface Conn { client: net.Socket; upstream: net.Socket; request: string }

/** A transparent proxy in front of the engine that knows each connection's latest request line. */
class EngineProxy {
  readonly conns = new Set<Conn>();
  opened = 0;
  private server?: net.Server;
  constructor(readonly socketPath: string) {}

  get url(): string { return `unix://${this.socketPath}`; }

  async start(): Promise<void> {
    fs.rmSync(this.socketPath, { force: true });
    this.server = net.createServer((client) => {
      const upstream = net.connect(ENGINE_SOCKET);
      const conn: Conn = { client, upstream, request: '' };
      this.conns.add(conn);
      this.opened++;
      client.on('data', (chunk: Buffer) => {
        // A keep-alive connection carries one request after another: the newest line wins.
        const lines = chunk.toString('latin1').match(/^(GET|POST|PUT|DELETE|HEAD) \S+ HTTP\/1\.[01]$/gm);
        if (lines) { conn.request = lines[lines.length - 1]; }
      });
      client.pipe(upstream);
      upstream.pipe(client);
      const gone = () => { client.destroy(); upstream.destroy(); this.conns.delete(conn); };
      client.on('close', gone); upstream.on('close', gone);
      client.on('error', gone); upstream.on('error', gone);
    });
    await new Promise<void>((resolve, reject) => { this.server!.once('error', reject); this.server!.listen(this.socketPath, resolve); });
  }

  /** The engine goes away: nothing listens any more, every open connection breaks. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const c of this.conns) { c.client.destroy(); c.upstream.destroy(); }
    this.conns.clear();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }

  /** Open connections whose current request matches. */
  count(request: RegExp = /.*/): number {
    return [...this.conns].filter((c) => request.test(c.request)).length;
  }

  describe(): string { return [...this.conns].map((c) => c.request || '(no request yet)').join(' | '); }
}

const EVENTS = /^GET \S*\/events\b/;
const LOGS = /^GET \S*\/containers\/[^/]+\/logs\?/;
const EXEC_START = /^POST \S*\/exec\/[^/]+\/start\b/;

describe('disposal and engine faults (counted on the engine side)', () => {
  const docker = testDocker();
  const proxy = new EngineProxy(path.join(os.tmpdir(), `dl-proxy-${process.pid}-${Math.random().toString(36).slice(2, 8)}.sock`));
  let api: DockerLearningApi;
  /** Events streams open with both views visible. */
  let eventsVisible = 0;

  before(async function () {
    const problem = process.env.DOCKER_LEARNING_NO_ENGINE ?? (await engineProblem(docker));
    if (problem) { throw new Error(`a Docker engine is required for this suite: ${problem}`); }
    api = await activatedApi();
    await proxy.start();
  });
  after(async () => {
    await vscode.workspace.getConfiguration('dockerLearning').update('host', undefined, vscode.ConfigurationTarget.Workspace);
    await proxy.stop();
    await cleanupTestObjects(docker);
  });

  const showViews = async () => {
    await vscode.commands.executeCommand('workbench.view.extension.dockerLearning');
    await waitUntil('the Containers view to be visible', () => api.containers.view.view.visible);
  };

  it('a trusted folder\'s dockerLearning.host is used (the control for the Restricted-Mode suite)', async () => {
    await showViews();
    await vscode.workspace.getConfiguration('dockerLearning').update('host', proxy.url, vscode.ConfigurationTarget.Workspace);
    await waitUntil('the engine to move to the proxy', () => api.engine().endpoint.url === proxy.url);
    const name = uniqueName('proxied');
    await createTestContainer(docker, { name });
    assert.ok(await nodeNamed(api, name), 'the list came through the proxy');
    assert.ok(proxy.opened > 0, 'the proxy saw the extension connect');
    assert.ok(!api.containers.view.view.message, `no problem shown: ${api.containers.view.view.message}`);
  });

  it('one events stream per watcher, and only while its view is visible', async () => {
    await showViews();
    eventsVisible = await waitUntil('the watchers to connect and their streams to match', () => {
      const n = connectedWatchers(api);
      return n >= 1 && proxy.count(EVENTS) === n && !watchers(api).some((w) => w.state === 'connecting') ? n : 0;
    });
    assert.ok(eventsVisible <= 3, `${eventsVisible} events streams: ${proxy.describe()}`);
    for (const w of watchers(api)) { assert.ok(w.openStreams <= 1, `a watcher holds ${w.openStreams} streams`); }

    // Hiding the sidebar pauses both views: their streams close; showing it again opens one each.
    for (let round = 0; round < 3; round++) {
      await vscode.commands.executeCommand('workbench.action.closeSidebar');
      await waitUntil('the Containers view to be hidden', () => !api.containers.view.view.visible);
      assert.strictEqual(api.containers.view.eventsWatcher?.state, 'stopped');
      await waitUntil(`the views' streams to close (now ${proxy.describe()})`, () => proxy.count(EVENTS) === connectedWatchers(api) && connectedWatchers(api) < eventsVisible);
      const hidden = proxy.count(EVENTS);
      await showViews();
      await waitUntil(`${eventsVisible} events streams again (round ${round + 1}; now ${proxy.describe()})`, () => proxy.count(EVENTS) === eventsVisible && connectedWatchers(api) === eventsVisible);
      if (round === 0) { note(`events streams: ${eventsVisible} with the views visible, ${hidden} with the sidebar closed`); }
    }
    // A duplicate would still be open once the engine has answered an event through every stream.
    const name = uniqueName('after-rounds');
    await createTestContainer(docker, { name });
    await treeShows(api, (nodes) => nodes.some((n) => n.label === name), 15_000);
    assert.strictEqual(proxy.count(EVENTS), eventsVisible, `no duplicate subscription after hide/show: ${proxy.describe()}`);
  });

  it('the engine stops mid-session: the view says so, recovers when it returns, with no duplicate subscription', async () => {
    await showViews();
    await waitUntil('the events streams', () => proxy.count(EVENTS) === eventsVisible);
    const before = api.containers.view.eventsWatcher!.connections;
    await proxy.stop();
    const message = await waitUntil('the view to show the problem', () => api.containers.view.view.message);
    assert.match(message, /Cannot reach the Docker engine at unix:\/\/\S*dl-proxy-/);
    // An action now says what to do, like the view does, after the system's words.
    const advice = /\. (The engine is not running\. Start Docker Desktop|Docker does not seem to be installed\.)/;
    const away = { container: { id: 'f'.repeat(64), name: 'away', state: 'running' } };
    let { shown } = await recordingMessages(() => vscode.commands.executeCommand('dockerLearning.containers.stop', away));
    assert.strictEqual(shown.length, 1, JSON.stringify(shown));
    assert.match(shown[0].message, /^Could not stop away: connect E\w+ \S*dl-proxy-/);
    assert.match(shown[0].message, advice);
    ({ shown } = await recordingMessages(() => vscode.commands.executeCommand('dockerLearning.images.inspect', { ref: 'dl-test-away:1' })));
    assert.strictEqual(shown.length, 1, JSON.stringify(shown));
    assert.match(shown[0].message, /^Inspect failed: connect E\w+ \S*dl-proxy-/);
    assert.match(shown[0].message, advice);
    // Made while the engine is "away": the list must show it once the engine returns.
    const name = uniqueName('while-away');
    await createTestContainer(docker, { name });
    await proxy.start();
    // The toolbar's Refresh retries at once instead of waiting for the backoff.
    await vscode.commands.executeCommand('dockerLearning.containers.refresh');
    await vscode.commands.executeCommand('dockerLearning.images.refresh');
    await treeShows(api, (nodes) => nodes.some((n) => n.label === name), 30_000);
    await waitUntil('the message to clear', () => !api.containers.view.view.message, 30_000);
    await waitUntil(`${eventsVisible} events streams after the engine returned (now ${proxy.describe()})`, () => proxy.count(EVENTS) === eventsVisible && connectedWatchers(api) === eventsVisible, 70_000);
    assert.strictEqual(api.containers.view.eventsWatcher?.openStreams, 1);
    assert.ok(api.containers.view.eventsWatcher!.connections > before, 'the watcher reconnected');
    // And the new stream delivers: a container started now shows as running through its event.
    const seen = api.containers.view.eventsSeen;
    const live = uniqueName('after-return');
    await createTestContainer(docker, { name: live, cmd: STOPPABLE_CMD, start: true });
    await treeShows(api, (nodes) => nodes.some((n) => n.label === live && n.contextValue?.startsWith('container.running')), 15_000);
    assert.ok(api.containers.view.eventsSeen > seen, 'the view heard the events');
    assert.strictEqual(proxy.count(EVENTS), eventsVisible, `no duplicate subscription after the engine returned: ${proxy.describe()}`);
  }).timeout(120_000);

  it('closing a logs terminal closes its engine connection', async () => {
    const name = uniqueName('logs-close');
    await createTestContainer(docker, { name, cmd: ['sh', '-c', 'echo ready; trap "exit 0" TERM; while :; do sleep 1 & wait $!; done'], start: true });
    await vscode.commands.executeCommand('dockerLearning.containers.logs', name);
    const term = await waitUntil('the log in the terminal', () => api.containers.terminals().find((t) => t.kind === 'logs' && t.container === name && t.transcript.includes('ready')));
    assert.strictEqual(proxy.count(LOGS), 1, `one followed log: ${proxy.describe()}`);
    vscode.window.terminals.find((t) => t.name === `Logs: ${name}`)!.dispose();
    await waitUntil(`the log connection to close (${proxy.describe()})`, () => proxy.count(LOGS) === 0);
    assert.ok(term.streamClosed);
  });

  it('closing a shell terminal closes its exec connection and ends the shell in the container', async () => {
    const name = uniqueName('shell-close');
    await createTestContainer(docker, { name, start: true });
    await vscode.commands.executeCommand('dockerLearning.containers.shell', name);
    const terminal = vscode.window.terminals.find((t) => t.name === `Shell: ${name}`)!;
    terminal.sendText('echo $((6*7))');
    await waitUntil('the shell answered', () => api.containers.terminals().find((t) => t.kind === 'shell' && t.container === name && t.transcript.includes('42')));
    const execConn = [...proxy.conns].find((c) => EXEC_START.test(c.request));
    assert.ok(execConn, `an exec connection: ${proxy.describe()}`);
    const execId = /\/exec\/([^/]+)\/start/.exec(execConn.request)![1];
    assert.strictEqual((await docker.getExec(execId).inspect()).Running, true);
    terminal.dispose();
    await waitUntil(`the exec connection to close (${proxy.describe()})`, () => proxy.count(EXEC_START) === 0);
    await waitUntil('the shell process to end in the container', async () => !(await docker.getExec(execId).inspect()).Running);
  });

  it('deactivate closes every engine connection: streams, terminals, idle keep-alive', async () => {
    await showViews();
    const name = uniqueName('deactivate');
    await createTestContainer(docker, { name, cmd: ['sh', '-c', 'echo ready; trap "exit 0" TERM; while :; do sleep 1 & wait $!; done'], start: true });
    await vscode.commands.executeCommand('dockerLearning.containers.logs', name);
    const term = await waitUntil('the log in the terminal', () => api.containers.terminals().find((t) => t.kind === 'logs' && t.container === name && t.transcript.includes('ready')));
    await waitUntil('the events streams', () => proxy.count(EVENTS) === eventsVisible);
    const open = proxy.conns.size;
    const openedBefore = proxy.opened;
    assert.ok(open >= 2, `connections open before deactivate: ${proxy.describe()}`);
    // The module VS Code loaded (same require cache): its deactivate() is what VS Code calls.
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const main = require(path.join(ext.extensionPath, ext.packageJSON.main as string)) as { deactivate(): Promise<void> };
    await main.deactivate();
    assert.strictEqual(api.languageClient.isRunning(), false, 'the module deactivated is the one that activated');
    await waitUntil(`every engine connection to close (${proxy.describe()})`, () => proxy.conns.size === 0);
    assert.ok(term.streamClosed, 'the log terminal\'s stream ended');
    note(`deactivate: ${open} engine connections open before, 0 after`);
    // Nothing opens a new one afterwards (a view refreshing, a watcher retrying).
    api.containers.view.refreshNow();
    const snapshot = await api.containersTree.current();
    assert.strictEqual(snapshot.ok, false, 'the tree cannot reach an engine any more');
    assert.strictEqual(proxy.conns.size, 0, `no connection after deactivate: ${proxy.describe()}`);
    assert.strictEqual(proxy.opened, openedBefore, 'and none was opened');
  });
});

function watchers(api: DockerLearningApi): EventsWatcher[] {
  return [api.containers.view.eventsWatcher, api.images.eventsWatcher(), api.walkthrough.tracker.eventsWatcher].filter((w): w is EventsWatcher => !!w);
}

/** The watchers that say they have a stream open: each must match exactly one stream on the wire. */
function connectedWatchers(api: DockerLearningApi): number {
  return watchers(api).filter((w) => w.state === 'connected').length;
}
