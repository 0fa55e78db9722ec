// Restricted Mode, in a real code-server window whose folder is NOT trusted (the driver starts
// code-server with workspace trust on and no trust remembered: scripts/lib/codeServer.mjs). The
// folder's .vscode/settings.json points dockerLearning.host at a socket this suite listens on: a
// folder nobody trusted must not choose the engine the extension talks to.
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as vscode from 'vscode';
import { activatedApi, EXTENSION_ID, hoverAt, nextDiagnostics, workspaceFile } from '../helpers';
import { nodeNamed } from '../containersHelpers';
import { note } from '../runInHost';
import { cleanupTestObjects, createTestContainer, engineProblem, ensureTestImage, STOPPABLE_CMD, testDocker, TEST_IMAGE, uniqueName, waitUntil } from '../../support/engineRig';

type Refused = { refused?: string };

describe('Restricted Mode (a folder nobody trusted, real engine)', () => {
  const docker = testDocker();
  const canaryPath = process.env.DOCKER_LEARNING_CANARY_SOCKET;
  let canary: net.Server | undefined;
  let canaryConnections = 0;
  const tags: string[] = [];

  before(async function () {
    const problem = process.env.DOCKER_LEARNING_NO_ENGINE ?? (await engineProblem(docker));
    if (problem) { throw new Error(`a Docker engine is required for this suite: ${problem}`); }
    assert.ok(canaryPath, 'the driver names the socket the workspace setting points at (DOCKER_LEARNING_CANARY_SOCKET)');
    fs.rmSync(canaryPath, { force: true });
    canary = net.createServer((socket) => { canaryConnections++; socket.destroy(); });
    await new Promise<void>((resolve, reject) => { canary!.once('error', reject); canary!.listen(canaryPath, resolve); });
  });
  after(async () => {
    canary?.close();
    for (const t of tags) { await docker.getImage(t).remove().catch(() => undefined); }
    await cleanupTestObjects(docker, { images: true });
  });

  it('the window really is in Restricted Mode', () => {
    assert.strictEqual(vscode.workspace.isTrusted, false);
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.strictEqual(ext?.packageJSON.capabilities.untrustedWorkspaces.supported, 'limited');
  });

  it('hovers teach on a Dockerfile', async () => {
    const uri = workspaceFile('Dockerfile');
    await vscode.window.showTextDocument(uri);
    await activatedApi();
    const text = await hoverAt(uri, new vscode.Position(1, 1), (t) => t.includes('reference/dockerfile/#from'));
    assert.match(text, /### FROM/);
  });

  it('diagnostics appear on a Dockerfile with a mistake', async () => {
    const uri = workspaceFile('restricted', 'Dockerfile');
    await vscode.workspace.fs.writeFile(uri, Buffer.from('FROM alpine:3.19\nENTRYPOINT[“/src/hello”]\n'));
    await vscode.window.showTextDocument(uri);
    const diagnostics = await nextDiagnostics(uri, (d) => d.some((x) => x.source === 'docker-learning' && x.range.start.line === 1));
    note(`Restricted Mode: ${diagnostics.length} diagnostics on ENTRYPOINT[“/src/hello”]: ${diagnostics.map((d) => String(typeof d.code === 'object' ? d.code.value : d.code)).join(', ')}`);
  });

  it('ignores the folder\'s dockerLearning.host: the engine is the user\'s, the folder\'s socket is never dialled', async () => {
    const api = await activatedApi();
    const inspected = vscode.workspace.getConfiguration('dockerLearning').inspect<string>('host');
    // The file on disk really asks for the canary; VS Code does not apply it in Restricted Mode.
    const onDisk = JSON.parse(fs.readFileSync(workspaceFile('.vscode', 'settings.json').fsPath, 'utf8')) as Record<string, string>;
    assert.strictEqual(onDisk['dockerLearning.host'], `unix://${canaryPath}`);
    assert.strictEqual(vscode.workspace.getConfiguration('dockerLearning').get<string>('host'), '');
    const endpoint = api.engine().endpoint;
    note(`Restricted Mode: workspace value ${JSON.stringify(inspected?.workspaceValue)}, endpoint used ${endpoint.url} (${endpoint.source})`);
    assert.notStrictEqual(endpoint.url, `unix://${canaryPath}`);
    assert.notStrictEqual(endpoint.source, 'setting');
    // The list comes from the user's engine: a container made for this test shows in the tree.
    const name = uniqueName('restricted-seen');
    await createTestContainer(docker, { name });
    assert.ok(await nodeNamed(api, name), `${name} is listed`);
    assert.strictEqual(canaryConnections, 0, 'nothing connected to the socket the folder named');
  });

  it('refuses every engine command, and the engine is untouched', async () => {
    const api = await activatedApi();
    const runningName = uniqueName('restricted-run');
    const stoppedName = uniqueName('restricted-stopped');
    const running = await createTestContainer(docker, { name: runningName, cmd: STOPPABLE_CMD, start: true });
    const stopped = await createTestContainer(docker, { name: stoppedName });
    await ensureTestImage(docker);
    const tag = `dl-test-restricted-${process.pid}:keep`;
    await docker.getImage(TEST_IMAGE).tag({ repo: tag.split(':')[0], tag: 'keep' });
    tags.push(tag);
    const before = { events: api.containers.view.eventsSeen };

    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { commands: { command: string; enablement?: string }[] } };
    const engineCommands = manifest.contributes.commands.filter((c) => /\bisWorkspaceTrusted\b/.test(c.enablement ?? '')).map((c) => c.command);
    assert.ok(engineCommands.length >= 37, `${engineCommands.length} engine commands in the manifest`);
    const answers = new Map<string, Refused | undefined>();
    for (const id of engineCommands) {
      // Arguments that would act for real if the handler ran: names, confirm: true, force.
      const args: unknown[] = id.startsWith('dockerLearning.containers.')
        ? (/stopAll|removeStopped/.test(id) ? [{ confirm: true }] : [id.endsWith('.start') ? stoppedName : runningName, { confirm: true }])
        : id.startsWith('dockerLearning.images.') ? [{ ref: tag }, { confirm: true, force: true }]
          : id === 'dockerLearning.buildImage' ? [workspaceFile('Dockerfile'), { confirm: true }] : [];
      // Bounded only so that a command that did run (a picker waiting, a stop taking its time) is
      // named in the failure instead of timing out the whole test.
      let timer: ReturnType<typeof setTimeout> | undefined;
      const noAnswer = new Promise<Refused>((resolve) => { timer = setTimeout(() => resolve({ refused: 'no answer within 5 s: it ran' }), 5_000); });
      answers.set(id, await Promise.race([vscode.commands.executeCommand<Refused>(id, ...args), noAnswer]));
      clearTimeout(timer);
    }
    const ran = [...answers].filter(([, a]) => a?.refused !== 'restrictedMode').map(([id, a]) => `${id}: ${JSON.stringify(a)?.slice(0, 80)}`);
    assert.deepStrictEqual(ran, [], 'every engine command refused');
    note(`Restricted Mode: ${answers.size} engine commands refused by executeCommand`);

    const r = (await running.inspect()).State;
    assert.strictEqual(r.Running, true, `${runningName} still runs`);
    assert.strictEqual(r.Paused, false);
    assert.strictEqual((await stopped.inspect()).State.Status, 'created', `${stoppedName} was not started`);
    assert.ok(await docker.getImage(tag).inspect(), `${tag} still exists`);
    assert.strictEqual(api.lastCliEquivalent(), undefined, 'no action reported a docker command');
    assert.strictEqual(vscode.window.terminals.filter((t) => /^(Logs|Shell|Run|Build)/.test(t.name)).length, 0, 'no logs, shell, run or build terminal opened');
    assert.ok(api.containers.view.eventsSeen >= before.events);
  });

  it('the views say why their actions are off', async () => {
    const api = await activatedApi();
    await vscode.commands.executeCommand('workbench.view.extension.dockerLearning');
    const message = await waitUntil('the Containers view message', () => api.containers.view.view.message);
    assert.match(message, /^Restricted Mode: this folder is not trusted/);
  });
});
