import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { activatedApi } from '../helpers';
import { cleanupTestObjects, createTestContainer, engineProblem, testDocker, uniqueName } from '../../support/engineRig';

describe('Containers view (real engine, real extension host)', () => {
  const docker = testDocker();
  before(async function () {
    const problem = process.env.DOCKER_LEARNING_NO_ENGINE ?? (await engineProblem(docker));
    if (problem) { throw new Error(`a Docker engine is required for this suite: ${problem}`); }
  });
  after(() => cleanupTestObjects(docker));

  it('lists a container created by a second client', async () => {
    const api = await activatedApi();
    const name = uniqueName('tree');
    await createTestContainer(docker, { name, start: true });
    api.containersTree.refresh();
    const nodes = await api.containersTree.getChildren();
    // The tree's classes live in dist/extension.js, not in this test bundle: match on what VS Code shows.
    const node = nodes.find((n) => n.label === name);
    assert.ok(node, `${name} is in the tree; it shows: ${nodes.map((n) => `${n.label} ${n.tooltip ?? ''}`).join(' | ')}`);
    assert.match(String(node.description), /Up/);
    assert.strictEqual(node.contextValue, 'container.running');
  });

  it('reveals the Docker Learning view container', async () => {
    await vscode.commands.executeCommand('workbench.view.extension.dockerLearning');
  });
});
