// The Images view in a real extension host against the real engine: build (layers linked to the
// Dockerfile, a failed step as a diagnostic), live refresh on commit, and each action's command.
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DockerLearningApi } from '../../../client/src/extension';
import { activatedApi, nextDiagnostics, workspaceFile } from '../helpers';
import { cleanupTestObjects, engineProblem, ensureTestImage, testDocker, testLabels, TEST_IMAGE, TEST_LABEL, TEST_RUN, uniqueName } from '../../support/engineRig';

type Node = vscode.TreeItem & { ref?: string; image?: { id: string }; command?: vscode.Command };

const MULTISTAGE = [
  '# Two stages FROM the offline busybox image',
  `ARG BASE=${TEST_IMAGE}`,
  'FROM ${BASE} AS builder',
  'WORKDIR /src',
  'RUN dd if=/dev/zero of=/src/blob bs=1024 count=64 && \\',
  '    echo built > /src/out.txt',
  '',
  'FROM ${BASE} AS final',
  'ENV GREETING=hello',
  'COPY --from=builder /src/out.txt /app/out.txt',
  'RUN echo one > /app/one.txt',
  'RUN echo two > /app/two.txt',
  'CMD ["cat", "/app/out.txt"]',
  '',
].join('\n');

const FAILING = [
  `FROM ${TEST_IMAGE}`,
  'ENV STAGE=test',
  'RUN echo "about to fail" && \\',
  '    exit 3',
  'CMD ["sh"]',
  '',
].join('\n');

/** The tree's nodes once `predicate` holds: re-read after each change the view announces (events, actions). */
function treeShows(api: DockerLearningApi, predicate: (nodes: Node[]) => boolean, what: string, timeoutMs = 30_000): Promise<Node[]> {
  const tree = api.images.imagesTree;
  return new Promise((resolve, reject) => {
    let last: Node[] = [];
    let done = false;
    const finish = (error?: Error) => { if (done) { return; } done = true; clearTimeout(timer); sub.dispose(); if (error) { reject(error); } else { resolve(last); } };
    const check = async () => {
      last = (await tree.getChildren()) as Node[];
      if (predicate(last)) { finish(); }
    };
    const timer = setTimeout(() => finish(new Error(`the Images view never showed ${what}; it shows: ${last.map((n) => n.label).join(', ')}`)), timeoutMs);
    const sub = tree.onDidChangeTreeData(() => { void check(); });
    void check();
  });
}

const labelOf = (n: vscode.TreeItem) => (typeof n.label === 'string' ? n.label : n.label?.label ?? '');

describe('Images view (real engine, real extension host)', function () {
  this.timeout(120_000);
  const docker = testDocker();
  const repo = uniqueName('view').toLowerCase();
  const stepImages: string[] = [];
  let api: DockerLearningApi;
  let dir: string;

  before(async function () {
    const problem = process.env.DOCKER_LEARNING_NO_ENGINE ?? (await engineProblem(docker));
    if (problem) { throw new Error(`a Docker engine is required for this suite: ${problem}`); }
    await ensureTestImage(docker);
    api = await activatedApi();
    await vscode.commands.executeCommand('workbench.view.extension.dockerLearning');
    await vscode.commands.executeCommand('dockerLearning.images.focus');
    dir = workspaceFile('images-test').fsPath;
    fs.mkdirSync(path.join(dir, 'multistage'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'failing'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'multistage', 'Dockerfile'), MULTISTAGE);
    fs.writeFileSync(path.join(dir, 'failing', 'Dockerfile'), FAILING);
  });

  after(async () => {
    await cleanupTestObjects(docker, { images: true });
    const base = (await docker.getImage(TEST_IMAGE).inspect()).Id;
    for (const id of stepImages.reverse()) {
      const info = await docker.getImage(id).inspect().catch(() => undefined);
      if (info && info.Id !== base && !info.RepoTags?.length) { await docker.getImage(info.Id).remove().catch(() => undefined); }
    }
  });

  it('builds from a Dockerfile with the build command; the new image shows in the tree', async () => {
    const uri = vscode.Uri.file(path.join(dir, 'multistage', 'Dockerfile'));
    const result = await vscode.commands.executeCommand<{ ok: boolean; imageId?: string; command: string; error?: string }>('dockerLearning.buildImage', uri, {
      tag: `${repo}:1`, target: null, buildArgs: {}, labels: testLabels(),
    });
    assert.ok(result?.ok, `the build succeeded: ${result?.error}`);
    assert.strictEqual(result.command, `docker image build -t ${repo}:1 --label ${TEST_LABEL}=${TEST_RUN} images-test/multistage`);
    assert.strictEqual(api.lastCliEquivalent()?.command, result.command);
    const nodes = await treeShows(api, (n) => n.some((x) => labelOf(x) === `${repo}:1`), `${repo}:1`);
    const node = nodes.find((x) => labelOf(x) === `${repo}:1`)!;
    assert.strictEqual(node.contextValue, 'image.tagged');
    assert.match(String(node.description), /^\d[\d.]*[kMG]?B · .*ago/);
    assert.strictEqual(node.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    const resolved = await api.images.imagesTree.resolveTreeItem(node, node);
    const tooltip = (resolved.tooltip as vscode.MarkdownString).value;
    for (const part of [result.imageId ?? '?', 'linux/amd64', 'Layers: ', '["cat","/app/out.txt"]']) { assert.ok(tooltip.includes(part), `tooltip has ${part}: ${tooltip}`); }
  });

  it('expands an image into its layers, each linked to the Dockerfile line that made it', async () => {
    const nodes = await treeShows(api, (n) => n.some((x) => labelOf(x) === `${repo}:1`), `${repo}:1`);
    const image = nodes.find((x) => labelOf(x) === `${repo}:1`)!;
    const layers = (await api.images.imagesTree.getChildren(image)) as Node[];
    assert.match(labelOf(layers[0]), /steps: \d+ add files, \d+ only metadata/);
    assert.match(labelOf(layers[1]), /2 RUN layers in a row: chain them with &&/);
    const rows = layers.filter((l) => l.contextValue?.startsWith('layer'));
    const run2 = rows.find((l) => labelOf(l) === 'RUN echo two > /app/two.txt')!;
    assert.ok(run2, rows.map(labelOf).join(' | '));
    assert.strictEqual(run2.contextValue, 'layer.linked');
    assert.match(String(run2.description), /^\+4B · line 12$/);
    assert.strictEqual(run2.command?.command, 'vscode.open');
    const [target, options] = run2.command!.arguments as [vscode.Uri, vscode.TextDocumentShowOptions];
    assert.strictEqual(target.fsPath, path.join(dir, 'multistage', 'Dockerfile'));
    assert.strictEqual((options.selection as vscode.Range).start.line, 11);
    const env = rows.find((l) => labelOf(l) === 'ENV GREETING=hello')!;
    assert.match(String(env.description), /metadata only · line 9/);
    const label = rows[0];
    assert.match(labelOf(label), /^LABEL docker-learning\.test=/);
    assert.strictEqual(label.contextValue, 'layer', 'the --label step has no Dockerfile line');
    assert.ok(String(rows[rows.length - 1].description).startsWith('+1.98MB'), 'the imported base layer');
    // Clicking opens the line.
    await vscode.commands.executeCommand(run2.command!.command, ...(run2.command!.arguments ?? []));
    assert.strictEqual(vscode.window.activeTextEditor?.selection.start.line, 11);
  });

  it('marks the failing line of a build with the engine’s message', async () => {
    const uri = vscode.Uri.file(path.join(dir, 'failing', 'Dockerfile'));
    const result = await vscode.commands.executeCommand<{ ok: boolean; line?: number; step?: number; error?: string; stepImages: string[] }>('dockerLearning.buildImage', uri, {
      tag: `${repo}:failing`, target: null, buildArgs: {}, labels: testLabels(),
    });
    stepImages.push(...(result?.stepImages ?? []));
    assert.strictEqual(result?.ok, false);
    assert.strictEqual(result.step, 3);
    assert.strictEqual(result.line, 2);
    const diagnostics = await nextDiagnostics(uri, (d) => d.some((x) => x.source === 'docker build'));
    const d = diagnostics.find((x) => x.source === 'docker build')!;
    assert.strictEqual(d.range.start.line, 2);
    assert.strictEqual(d.range.end.line, 3);
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Error);
    assert.match(d.message, /step 3: .*returned a non-zero code: 3/);
    assert.strictEqual(api.images.buildDiagnostics.get(uri)?.length, 1);
  });

  it('builds a target stage chosen by name', async () => {
    const uri = vscode.Uri.file(path.join(dir, 'multistage', 'Dockerfile'));
    const result = await vscode.commands.executeCommand<{ ok: boolean; command: string }>('dockerLearning.buildImage', uri, {
      tag: `${repo}:builder`, target: 'builder', buildArgs: { BASE: TEST_IMAGE }, labels: testLabels(),
    });
    assert.ok(result?.ok);
    assert.match(result.command, /--target builder --build-arg BASE=docker-learning-test\/busybox:1/);
    const nodes = await treeShows(api, (n) => n.some((x) => labelOf(x) === `${repo}:builder`), `${repo}:builder`);
    const layers = (await api.images.imagesTree.getChildren(nodes.find((x) => labelOf(x) === `${repo}:builder`))) as Node[];
    const run = layers.find((l) => labelOf(l).startsWith('RUN dd'))!;
    assert.match(String(run.description), /^\+65\.5kB · line 5$/);
  });

  it('shows a committed container as a new image, refreshed by the engine’s events', async () => {
    const c = await docker.createContainer({ Image: TEST_IMAGE, Cmd: ['sh', '-c', 'echo state > /state'], Labels: testLabels() });
    await c.start();
    await c.wait();
    const before = api.images.eventsSeen();
    // Another client commits (the Containers view's action, or a terminal): no refresh is asked for.
    await c.commit({ repo, tag: 'committed', changes: [`LABEL ${TEST_LABEL}=${TEST_RUN}`] } as object);
    await treeShows(api, (n) => n.some((x) => labelOf(x) === `${repo}:committed`), `${repo}:committed`);
    assert.ok(api.images.eventsSeen() > before, 'an engine event refreshed the view');
  });

  it('tags, inspects and shows history, each with its command', async () => {
    const tagged = await vscode.commands.executeCommand<{ target: string; command: string }>('dockerLearning.images.tag', { ref: `${repo}:1` }, { target: `${repo}/account-app:v1` });
    assert.match(tagged?.command ?? '', new RegExp(`^docker image tag [0-9a-f]{12} ${repo}/account-app:v1$`));
    await treeShows(api, (n) => n.some((x) => labelOf(x) === `${repo}/account-app:v1`), 'the new tag');
    const inspected = await vscode.commands.executeCommand<{ uri: string; command: string }>('dockerLearning.images.inspect', { ref: `${repo}:1` });
    assert.strictEqual(inspected?.command, `docker image inspect ${repo}:1`);
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === inspected.uri);
    assert.ok(doc, 'the inspect document is open');
    assert.strictEqual(doc.languageId, 'json');
    const json = JSON.parse(doc.getText()) as { RepoTags: string[] };
    assert.ok(json.RepoTags.includes(`${repo}:1`));
    const history = await vscode.commands.executeCommand<{ command: string }>('dockerLearning.images.history', { ref: `${repo}:1` });
    assert.strictEqual(history?.command, `docker image history ${repo}:1`);
  });

  it('save → remove → load through the commands restores the same image id', async () => {
    const id = (await docker.getImage(`${repo}:committed`).inspect()).Id;
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dl-save-')), 'committed.tar');
    const saved = await vscode.commands.executeCommand<{ bytes: number; command: string }>('dockerLearning.images.save', { ref: `${repo}:committed` }, { file });
    assert.ok(saved && saved.bytes > 0 && fs.existsSync(file));
    assert.strictEqual(saved.command, `docker image save ${repo}:committed -o ${file}`);
    const removed = await vscode.commands.executeCommand<{ removed?: { deleted: string[] } }>('dockerLearning.images.remove', { ref: `${repo}:committed` }, { confirm: true });
    assert.ok(removed?.removed?.deleted.includes(id));
    await treeShows(api, (n) => !n.some((x) => labelOf(x) === `${repo}:committed`), 'the removal');
    const loaded = await vscode.commands.executeCommand<{ loaded: string[]; command: string }>('dockerLearning.images.load', { file });
    assert.deepStrictEqual(loaded?.loaded, [`${repo}:committed`]);
    assert.strictEqual(loaded.command, `docker image load -i ${file}`);
    assert.strictEqual((await docker.getImage(`${repo}:committed`).inspect()).Id, id);
    await treeShows(api, (n) => n.some((x) => labelOf(x) === `${repo}:committed`), 'the loaded image');
  });

  it('runs a container from an image, refuses to remove the image while used, then forces', async () => {
    const name = uniqueName('run');
    const run = await vscode.commands.executeCommand<{ containerId: string; command: string }>('dockerLearning.images.run', { ref: `${repo}:committed` }, {
      name, ports: '', env: 'GREETING="hello world"', mode: 'detached', command: ['cat', '/state'], labels: testLabels(), confirm: true,
    });
    assert.ok(run?.containerId);
    assert.strictEqual(run.command, `docker container run -d --name ${name} --env 'GREETING=hello world' --label ${TEST_LABEL}=${TEST_RUN} ${repo}:committed cat /state`);
    await docker.getContainer(run.containerId).wait();
    const nodes = await treeShows(api, (n) => n.some((x) => labelOf(x) === `${repo}:committed` && /used by 1/.test(String(x.description))), 'the container count');
    assert.ok(nodes);
    const refused = await vscode.commands.executeCommand<{ refused?: { containers: Array<{ name: string }> } }>('dockerLearning.images.remove', { ref: `${repo}:committed` }, { confirm: true, force: false });
    assert.deepStrictEqual(refused?.refused?.containers.map((c) => c.name), [name]);
    const forced = await vscode.commands.executeCommand<{ removed?: { untagged: string[] }; command: string }>('dockerLearning.images.remove', { ref: `${repo}:committed` }, { confirm: true, force: true });
    assert.deepStrictEqual(forced?.removed?.untagged, [`${repo}:committed`]);
    assert.strictEqual(forced.command, `docker image rm -f ${repo}:committed`);
  });

  it('prunes exactly the dangling images it listed', async () => {
    const sub = path.join(dir, 'moving');
    fs.mkdirSync(sub, { recursive: true });
    const uri = vscode.Uri.file(path.join(sub, 'Dockerfile'));
    const build = async (text: string) => {
      fs.writeFileSync(uri.fsPath, text);
      return vscode.commands.executeCommand<{ ok: boolean; imageId: string }>('dockerLearning.buildImage', uri, { tag: `${repo}:moving`, target: null, buildArgs: {}, labels: testLabels() });
    };
    const first = await build(`FROM ${TEST_IMAGE}\nRUN echo one > /v\n`);
    const second = await build(`FROM ${TEST_IMAGE}\nRUN echo two > /v\n`);
    assert.ok(first?.ok && second?.ok && first.imageId !== second.imageId);
    const nodes = await treeShows(api, (n) => n.some((x) => x.contextValue === 'danglingGroup'), 'the dangling group');
    const group = nodes.find((x) => x.contextValue === 'danglingGroup')!;
    const dangling = (await api.images.imagesTree.getChildren(group)) as Node[];
    assert.ok(dangling.some((d) => d.image?.id === first.imageId), 'the replaced build is listed as dangling');
    const pruned = await vscode.commands.executeCommand<{ removed: string[]; command: string }>('dockerLearning.images.prune', undefined, { confirm: true, label: `${TEST_LABEL}=${TEST_RUN}` });
    assert.ok(pruned?.removed.includes(first.imageId));
    assert.strictEqual(pruned.command, 'docker image prune');
    await assert.rejects(docker.getImage(first.imageId).inspect());
  });

  it('pull and push explain that no registry is reachable', async () => {
    const pulled = await vscode.commands.executeCommand<{ ok: boolean; problem?: string; command: string }>('dockerLearning.images.pull', { ref: 'docker-learning-test/not-there:1' });
    assert.deepStrictEqual([pulled?.ok, pulled?.problem, pulled?.command], [false, 'unreachable', 'docker image pull docker-learning-test/not-there:1']);
    const naming = await vscode.commands.executeCommand<{ ok: boolean; problem?: string; message?: string }>('dockerLearning.images.push', undefined, { ref: `${repo}:1` });
    assert.strictEqual(naming?.problem, 'naming');
    assert.match(naming.message ?? '', /account\/name:tag/);
    const pushed = await vscode.commands.executeCommand<{ ok: boolean; problem?: string; command: string }>('dockerLearning.images.push', undefined, { ref: `${repo}/account-app:v1`, anonymous: true });
    assert.deepStrictEqual([pushed?.ok, pushed?.problem, pushed?.command], [false, 'unreachable', `docker image push ${repo}/account-app:v1`]);
  });
});
