// Every destructive action asks first, in a modal that names exactly what it touches, and Cancel
// leaves the engine as it was. The suite answers the modal itself: it replaces
// vscode.window.showWarningMessage (the extension and this bundle share the extension's `vscode`
// API object) with one that records the question and answers like the Cancel button (undefined).
// The real dialog, drawn and cancelled with the mouse, is checked by the UI smoke step.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { activatedApi } from '../helpers';
import { nodeNamed } from '../containersHelpers';
import { cleanupTestObjects, createTestContainer, engineProblem, STOPPABLE_CMD, testDocker, TEST_LABEL, TEST_RUN, uniqueName } from '../../support/engineRig';

interface Asked { title: string; modal: boolean; detail: string; buttons: string[] }

/** Runs `fn` with every warning message answered as Cancel; returns what was asked. */
async function cancellingModals<T>(fn: () => Thenable<T>): Promise<{ asked: Asked[]; result: T }> {
  const window = vscode.window as { showWarningMessage: typeof vscode.window.showWarningMessage };
  const original = window.showWarningMessage;
  const asked: Asked[] = [];
  window.showWarningMessage = ((title: string, ...rest: unknown[]) => {
    const options = rest[0] && typeof rest[0] === 'object' && !('title' in (rest[0] as object)) ? rest.shift() as vscode.MessageOptions : {};
    asked.push({ title, modal: !!options.modal, detail: options.detail ?? '', buttons: rest.map((b) => (typeof b === 'string' ? b : (b as vscode.MessageItem).title)) });
    return Promise.resolve(undefined);
  }) as typeof window.showWarningMessage;
  try {
    return { asked, result: await fn() };
  } finally {
    window.showWarningMessage = original;
  }
}

/** The names a modal's detail lists, one "• name" per line. */
const listed = (detail: string) => detail.split('\n').filter((l) => l.startsWith('• ')).map((l) => l.slice(2));

describe('destructive actions confirm, name their targets, and Cancel changes nothing', () => {
  const docker = testDocker();
  const exists = (id: string) => docker.getContainer(id).inspect().then(() => true, () => false);
  before(async function () {
    const problem = process.env.DOCKER_LEARNING_NO_ENGINE ?? (await engineProblem(docker));
    if (problem) { throw new Error(`a Docker engine is required for this suite: ${problem}`); }
    await activatedApi();
  });
  after(() => cleanupTestObjects(docker, { images: true }));

  it('remove a container (tree node): the modal names it; Cancel keeps it', async () => {
    const api = await activatedApi();
    const name = uniqueName('confirm-rm');
    const c = await createTestContainer(docker, { name });
    const node = await nodeNamed(api, name);
    const { asked, result } = await cancellingModals(() => vscode.commands.executeCommand<{ done: string[] }>('dockerLearning.containers.remove', node));
    assert.strictEqual(asked.length, 1);
    assert.strictEqual(asked[0].modal, true);
    assert.strictEqual(asked[0].title, `Remove the container ${name}?`);
    assert.deepStrictEqual(listed(asked[0].detail), [name]);
    assert.deepStrictEqual(asked[0].buttons, ['Remove']);
    assert.deepStrictEqual(result.done, []);
    assert.ok(await exists(c.id), `${name} is still there`);
  });

  it('remove a multi-selection with a running container: exactly the selected ones, both ways to remove offered', async () => {
    const api = await activatedApi();
    const a = uniqueName('confirm-sel-a'); const b = uniqueName('confirm-sel-b'); const other = uniqueName('confirm-sel-other');
    const ca = await createTestContainer(docker, { name: a, cmd: STOPPABLE_CMD, start: true });
    const cb = await createTestContainer(docker, { name: b });
    await createTestContainer(docker, { name: other });
    const nodes = await Promise.all([a, b].map((n) => nodeNamed(api, n)));
    const { asked } = await cancellingModals(() => vscode.commands.executeCommand('dockerLearning.containers.remove', nodes[0], nodes));
    assert.strictEqual(asked.length, 1);
    assert.strictEqual(asked[0].title, 'Remove these 2 containers?');
    assert.deepStrictEqual(listed(asked[0].detail).sort(), [a, b].sort());
    assert.ok(asked[0].detail.includes(`Running now: ${a}.`), asked[0].detail);
    assert.deepStrictEqual(asked[0].buttons, ['Stop and Remove', 'Force Remove (rm -f)']);
    assert.strictEqual((await docker.getContainer(ca.id).inspect()).State.Running, true);
    assert.ok(await exists(cb.id));
  });

  it('kill (tree node, then a selection): the modal names exactly the containers it kills; Cancel leaves them running', async () => {
    const api = await activatedApi();
    const a = uniqueName('confirm-kill-a'); const b = uniqueName('confirm-kill-b'); const stopped = uniqueName('confirm-kill-stopped');
    const ca = await createTestContainer(docker, { name: a, cmd: STOPPABLE_CMD, start: true });
    const cb = await createTestContainer(docker, { name: b, cmd: STOPPABLE_CMD, start: true });
    await createTestContainer(docker, { name: stopped });
    const running = async () => Promise.all([ca, cb].map((c) => c.inspect().then((i) => i.State.Running)));

    const node = await nodeNamed(api, a);
    let { asked, result } = await cancellingModals(() => vscode.commands.executeCommand<{ done: string[] }>('dockerLearning.containers.kill', node));
    assert.strictEqual(asked.length, 1);
    assert.strictEqual(asked[0].modal, true);
    assert.strictEqual(asked[0].title, `Kill the container ${a}?`);
    assert.deepStrictEqual(listed(asked[0].detail), [a]);
    assert.ok(asked[0].detail.includes('SIGKILL'), asked[0].detail);
    assert.deepStrictEqual(asked[0].buttons, ['Kill']);
    assert.deepStrictEqual(result.done, []);
    assert.deepStrictEqual(await running(), [true, true]);

    // A selection with a stopped container: kill acts on the running ones, and the modal lists just those.
    const nodes = await Promise.all([a, b, stopped].map((n) => nodeNamed(api, n)));
    ({ asked, result } = await cancellingModals(() => vscode.commands.executeCommand<{ done: string[] }>('dockerLearning.containers.kill', nodes[0], nodes)));
    assert.strictEqual(asked.length, 1);
    assert.strictEqual(asked[0].title, 'Kill these 2 containers?');
    assert.deepStrictEqual(listed(asked[0].detail).sort(), [a, b].sort());
    assert.deepStrictEqual(result.done, []);
    assert.deepStrictEqual(await running(), [true, true]);
  });

  it('stop all and remove all stopped: the modal lists exactly the containers; Cancel touches none', async () => {
    const label = `${TEST_LABEL}.confirm-bulk-${process.pid}`;
    const running = [uniqueName('confirm-all-a'), uniqueName('confirm-all-b')];
    const stopped = uniqueName('confirm-all-stopped');
    const made = [];
    for (const name of running) { made.push(await createTestContainer(docker, { name, cmd: STOPPABLE_CMD, start: true, labels: { [label]: '1' } })); }
    made.push(await createTestContainer(docker, { name: stopped, labels: { [label]: '1' } }));

    let { asked } = await cancellingModals(() => vscode.commands.executeCommand('dockerLearning.containers.stopAll', { label: `${label}=1` }));
    assert.strictEqual(asked.length, 1);
    assert.strictEqual(asked[0].title, 'Stop all 2 running containers?');
    assert.deepStrictEqual(listed(asked[0].detail).sort(), [...running].sort());
    ({ asked } = await cancellingModals(() => vscode.commands.executeCommand('dockerLearning.containers.removeStopped', { label: `${label}=1` })));
    assert.strictEqual(asked.length, 1);
    assert.strictEqual(asked[0].title, 'Remove all 1 stopped containers?');
    assert.deepStrictEqual(listed(asked[0].detail), [stopped]);
    const states = await Promise.all(made.map((c) => c.inspect().then((i) => i.State.Status)));
    assert.deepStrictEqual(states, ['running', 'running', 'created']);
  });

  it('remove an image: the modal names its reference and the command; Cancel keeps it', async () => {
    const name = uniqueName('confirm-img');
    const c = await createTestContainer(docker, { name });
    const repo = `dl-test-confirm-${process.pid}`;
    await c.commit({ repo, tag: 'v1', changes: [`LABEL ${TEST_LABEL}=${TEST_RUN}`] } as object);
    const ref = `${repo}:v1`;
    const { asked, result } = await cancellingModals(() => vscode.commands.executeCommand('dockerLearning.images.remove', { ref }));
    assert.strictEqual(asked.length, 1);
    assert.strictEqual(asked[0].modal, true);
    assert.strictEqual(asked[0].title, `Remove image ${ref}?`);
    assert.ok(asked[0].detail.endsWith(`docker image rm ${ref}`), asked[0].detail);
    assert.strictEqual(result, undefined);
    assert.ok(await docker.getImage(ref).inspect(), `${ref} is still there`);
  });

  it('prune dangling images: the modal lists exactly them (by id); Cancel keeps them', async () => {
    const name = uniqueName('confirm-prune');
    const c = await createTestContainer(docker, { name, cmd: ['sh', '-c', 'echo x > /x'] });
    await c.start();
    await c.wait();
    // A commit without a name is a dangling image: what `docker image prune` removes.
    const label = `${TEST_LABEL}.confirm-prune-${process.pid}`;
    const committed = await c.commit({ changes: [`LABEL ${TEST_LABEL}=${TEST_RUN}`, `LABEL ${label}=1`] } as object) as { Id: string };
    const { asked, result } = await cancellingModals(() => vscode.commands.executeCommand('dockerLearning.images.prune', { label: `${label}=1` }));
    assert.strictEqual(asked.length, 1);
    assert.strictEqual(asked[0].title.startsWith('Remove 1 dangling images'), true, asked[0].title);
    const shortId = committed.Id.replace(/^sha256:/, '').slice(0, 12);
    const lines = asked[0].detail.split('\n').filter((l) => /^[0-9a-f]{12}\s/.test(l));
    assert.deepStrictEqual(lines.map((l) => l.slice(0, 12)), [shortId]);
    assert.strictEqual(result, undefined);
    assert.ok(await docker.getImage(committed.Id).inspect(), 'the dangling image is still there');
  });
});
