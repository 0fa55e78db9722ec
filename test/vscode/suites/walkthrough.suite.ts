// The Learn Docker walkthrough's commands in a real extension host, and the tracker that completes its
// steps from what really happens: the engine's events and the practice file's diagnostics.
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activatedApi, hoverAt, nextDiagnostics } from '../helpers';
import { cleanupTestObjects, createTestContainer, engineProblem, testDocker, uniqueName } from '../../support/engineRig';
import { WalkthroughTracker } from '../../../client/src/walkthrough/tracker';
import type { ProgressKey } from '../../../client/src/walkthrough/progress';
import type { EngineCheck } from '../../../client/src/walkthrough/checkEngine';

function progressed(tracker: WalkthroughTracker, key: ProgressKey, timeoutMs = 20_000): Promise<void> {
  if (tracker.has(key)) { return Promise.resolve(); }
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { sub.dispose(); reject(new Error(`${key} was not reached within ${timeoutMs} ms`)); }, timeoutMs);
    const sub = tracker.onDidProgress((k) => { if (k === key) { clearTimeout(timer); sub.dispose(); resolve(); } });
  });
}

const problemsOf = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.severity <= vscode.DiagnosticSeverity.Warning);

describe('Learn Docker walkthrough (real extension host)', () => {
  const docker = testDocker();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'dl-walkthrough-'));
  before(async function () {
    const problem = process.env.DOCKER_LEARNING_NO_ENGINE ?? (await engineProblem(docker));
    if (problem) { throw new Error(`a Docker engine is required for this suite: ${problem}`); }
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await cleanupTestObjects(docker);
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  it('"Check the connection" reaches the engine, names it, and completes its step', async () => {
    const api = await activatedApi();
    const result = await vscode.commands.executeCommand<EngineCheck>('dockerLearning.walkthrough.checkEngine');
    assert.ok(result.ok, result.message);
    assert.strictEqual(result.url, api.engine().endpoint.url);
    assert.ok(result.message.includes(result.url), result.message);
    assert.ok(api.walkthrough.tracker.has('engineConnected'));
  });

  it('engine events complete the container steps, also for containers made outside the editor', async () => {
    const api = await activatedApi();
    // A tracker of our own starts from nothing, so nothing another suite did can make this pass.
    const tracker = new WalkthroughTracker(api.engine);
    try {
      await tracker.whenWatching();
      const started = progressed(tracker, 'containerStarted');
      const container = await createTestContainer(docker, { name: uniqueName('walk'), start: true });
      await started;
      const looked = progressed(tracker, 'lookedInside');
      await container.top();
      await looked;
      // (Whether the step was already done is not asserted: the engine is shared, and any container
      // removed meanwhile — another run's cleanup — completes it, as it would for a learner.)
      const removed = progressed(tracker, 'containerRemoved');
      await container.remove({ force: true });
      await removed;
    } finally {
      tracker.dispose();
    }
  });

  it('the practice Dockerfile has the course\'s mistake; fixing it completes the step', async () => {
    const api = await activatedApi();
    assert.ok(!api.walkthrough.tracker.has('dockerfileFixed'));
    const uri = await vscode.commands.executeCommand<vscode.Uri>('dockerLearning.walkthrough.openPractice');
    const doc = await vscode.workspace.openTextDocument(uri);
    const line = doc.getText().split('\n').findIndex((l) => l.startsWith('ENTRYPOINT'));
    assert.strictEqual(doc.lineAt(line).text, 'ENTRYPOINT[“/src/hello”]');
    await nextDiagnostics(uri, (d) => d.some((x) => x.range.start.line === line && x.severity <= vscode.DiagnosticSeverity.Warning));
    await hoverAt(uri, new vscode.Position(doc.getText().split('\n').findIndex((l) => l.startsWith('FROM')), 1), (t) => t.includes('reference/dockerfile/#from'));

    const fixed = progressed(api.walkthrough.tracker, 'dockerfileFixed');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, doc.lineAt(line).range, 'ENTRYPOINT ["/src/hello"]');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await fixed;
    // The step completed on the server's answer for the edited text: nothing is left on that line.
    assert.deepStrictEqual(problemsOf(uri).filter((d) => d.range.start.line === line).map((d) => d.message), [],
      `the server still reports problems on the fixed line: ${doc.lineAt(line).text}`);
  });

  it('"Try the C snippet" writes a multi-stage Dockerfile and completes its step', async () => {
    const api = await activatedApi();
    const uri = await vscode.commands.executeCommand<vscode.Uri>('dockerLearning.walkthrough.newMultiStage');
    const text = (await vscode.workspace.openTextDocument(uri)).getText();
    assert.match(text, /^FROM gcc:13\.2 AS build$/m);
    assert.match(text, /^COPY --from=build \/src\/hello \/usr\/local\/bin\/hello$/m);
    await progressed(api.walkthrough.tracker, 'multiStageWritten');
  });

  it('"Open the sample" writes the sample workspace into a new folder and leaves an existing one alone', async () => {
    await activatedApi();
    const folder = await vscode.commands.executeCommand<vscode.Uri>('dockerLearning.walkthrough.openSample', { parent: vscode.Uri.file(scratch), open: false });
    assert.strictEqual(folder.fsPath, path.join(scratch, 'docker-learning-sample'));
    for (const f of ['Dockerfile', 'hello.c', 'first-container/Dockerfile', 'python-app/Dockerfile']) {
      assert.ok(fs.existsSync(path.join(folder.fsPath, f)), `${f} written`);
    }
    assert.match(fs.readFileSync(path.join(folder.fsPath, 'Dockerfile'), 'utf8'), /^RUN gcc --static -o hello hello\.c$/m);
    fs.writeFileSync(path.join(folder.fsPath, 'hello.c'), '/* the learner changed this */\n');
    const again = await vscode.commands.executeCommand<vscode.Uri>('dockerLearning.walkthrough.openSample', { parent: vscode.Uri.file(scratch), open: false });
    assert.strictEqual(again.fsPath, folder.fsPath, 'our earlier sample is reused');
    assert.strictEqual(fs.readFileSync(path.join(folder.fsPath, 'hello.c'), 'utf8'), '/* the learner changed this */\n');
    fs.mkdirSync(path.join(scratch, 'other', 'docker-learning-sample'), { recursive: true });
    const beside = await vscode.commands.executeCommand<vscode.Uri>('dockerLearning.walkthrough.openSample', { parent: vscode.Uri.file(path.join(scratch, 'other')), open: false });
    assert.strictEqual(path.basename(beside.fsPath), 'docker-learning-sample-2', 'a folder of the same name that is not ours is not touched');
  });

  it('"Create .dockerignore" writes the starter next to the Dockerfile, and never overwrites one', async () => {
    await activatedApi();
    const dir = path.join(scratch, 'ctx');
    fs.mkdirSync(dir, { recursive: true });
    const uri = await vscode.commands.executeCommand<vscode.Uri>('dockerLearning.createDockerignore', vscode.Uri.file(dir));
    assert.strictEqual(uri.fsPath, path.join(dir, '.dockerignore'));
    const text = fs.readFileSync(uri.fsPath, 'utf8');
    for (const line of ['.git', '.env', '**/node_modules']) { assert.ok(text.split('\n').includes(line), `${line} in\n${text}`); }
    assert.strictEqual((await vscode.workspace.openTextDocument(uri)).languageId, 'ignore');
    fs.writeFileSync(uri.fsPath, 'mine\n');
    await vscode.commands.executeCommand('dockerLearning.createDockerignore', vscode.Uri.file(dir));
    assert.strictEqual(fs.readFileSync(uri.fsPath, 'utf8'), 'mine\n');
  });

  it('our snippets are in the completion list of a Dockerfile', async () => {
    await activatedApi();
    const doc = await vscode.workspace.openTextDocument({ language: 'dockerfile', content: 'multistage' });
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(0, 10));
    const labels = list.items.filter((i) => i.kind === vscode.CompletionItemKind.Snippet).map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const prefix of ['multistage-c', 'multistage-go', 'multistage-python']) { assert.ok(labels.includes(prefix), `${prefix} in ${labels.join(', ')}`); }
  });
});
