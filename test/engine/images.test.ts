// The Images view's engine boundary against a real dockerd: build (multi-stage, failing, context
// rules), history and layers, tag, save → remove → load, remove while in use, commit, prune, pull.
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DockerEngine } from '../../client/src/engine/dockerEngine';
import { resolveEndpoint } from '../../client/src/engine/endpoint';
import { createBuildContext } from '../../client/src/engine/buildContext';
import {
  buildImage, CancelledError, danglingImages, ImageInUseError, imageHistory, inspectImage, listImages, loadImage,
  pruneImages, pullImage, RegistryError, removeImage, runDetached, saveImage, tagImage,
} from '../../client/src/engine/images';
import { BuildTracker, buildErrorLocation } from '../../client/src/images/model/buildOutput';
import { parseDockerfile } from '../../client/src/images/model/dockerfile';
import { historyToLayers, matchLayersToDockerfile } from '../../client/src/images/model/layers';
import { runCreateOptions } from '../../client/src/images/model/runCommand';
import { cleanupTestObjects, createTestContainer, ensureTestImage, testDocker, testLabels, TEST_IMAGE, TEST_LABEL, TEST_RUN, uniqueName } from '../support/engineRig';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'build');
const RUN_LABEL = `${TEST_LABEL}=${TEST_RUN}`;

function engine(): DockerEngine {
  return new DockerEngine(resolveEndpoint({ env: process.env, homedir: '/nonexistent', platform: process.platform, readFile: () => undefined }));
}

async function build(dir: string, tag: string, options: { target?: string; dockerfile?: string; buildArgs?: Record<string, string> } = {}) {
  const dockerfile = options.dockerfile ?? 'Dockerfile';
  const context = await createBuildContext(dir, { dockerfile });
  const tracker = new BuildTracker();
  let output = '';
  const outcome = await buildImage(engine(), {
    context: context.stream, dockerfile, tags: [tag], target: options.target, buildArgs: options.buildArgs, labels: testLabels(),
    onMessage: (m) => { output += tracker.push(m); },
  });
  return { outcome, tracker, output, context };
}

/**
 * A failed classic build keeps the images of the steps that worked as cache, without our label:
 * remove those no other image or container needs (the engine refuses the rest).
 */
async function removeStepImages(ids: string[]): Promise<void> {
  const base = (await inspectImage(engine(), TEST_IMAGE)).Id;
  for (const id of [...ids].reverse()) {
    const info = await inspectImage(engine(), id).catch(() => undefined);
    if (!info || info.Id === base || info.RepoTags?.length) { continue; }
    await removeImage(engine(), info.Id).catch(() => undefined);
  }
}

describe('images (real Docker engine)', function () {
  this.timeout(120_000);
  const docker = testDocker();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dl-images-'));
  const repo = uniqueName('img').toLowerCase();
  before(async () => { await ensureTestImage(docker); });
  after(async () => {
    await cleanupTestObjects(docker, { images: true });
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('builds a multi-stage Dockerfile FROM the offline busybox image; the final stage runs', async () => {
    const dir = path.join(FIXTURES, 'multistage');
    const parsed = parseDockerfile(fs.readFileSync(path.join(dir, 'Dockerfile'), 'utf8'));
    assert.deepStrictEqual(parsed.stages.map((s) => s.name), ['builder', 'final']);
    const { outcome, tracker, output } = await build(dir, `${repo}:final`);
    assert.strictEqual(outcome.error, undefined, output);
    assert.match(outcome.imageId ?? '', /^sha256:[0-9a-f]{64}$/);
    assert.strictEqual(tracker.totalSteps, parsed.instructions.length + 1, 'one step per instruction, plus the --label step');
    const info = await inspectImage(engine(), `${repo}:final`);
    assert.strictEqual(info.Id, outcome.imageId);
    assert.strictEqual(info.Config.Labels?.[TEST_LABEL], TEST_RUN);
    const id = await runDetached(engine(), { ...runCreateOptions({ image: `${repo}:final`, ports: [], env: [], mode: 'detached', labels: testLabels() }) });
    const container = docker.getContainer(id);
    assert.strictEqual((await container.wait()).StatusCode, 0);
    const logs = (await container.logs({ stdout: true })) as unknown as Buffer;
    assert.match(logs.toString('latin1'), /hello from the build context/);
  });

  it('history shows the RUN layer with its size, linked to its Dockerfile lines; ENV/CMD are metadata only', async () => {
    const dir = path.join(FIXTURES, 'multistage');
    const parsed = parseDockerfile(fs.readFileSync(path.join(dir, 'Dockerfile'), 'utf8'));
    const { outcome, output } = await build(dir, `${repo}:builder`, { target: 'builder' });
    assert.strictEqual(outcome.error, undefined, output);
    const rows = historyToLayers(await imageHistory(engine(), `${repo}:builder`));
    const run = rows.find((r) => r.keyword === 'RUN');
    assert.ok(run, rows.map((r) => r.text).join('\n'));
    assert.ok(run.size >= 64 * 1024, `the dd layer adds 64 KiB, got ${run.size}`);
    assert.match(run.text, /dd if=\/dev\/zero/);
    const links = matchLayersToDockerfile(rows, parsed, 'builder');
    const ins = links.get(run.index);
    assert.ok(ins, 'the RUN row is matched to an instruction');
    assert.deepStrictEqual([ins.startLine, ins.endLine], [5, 6]);
    assert.strictEqual(links.get(rows.findIndex((r) => r.keyword === 'WORKDIR'))?.startLine, 3);
    const label = rows[0];
    assert.strictEqual(label.keyword, 'LABEL');
    assert.ok(label.metadataOnly, 'the --label step adds no bytes');
    assert.ok(!links.has(0), 'the --label step has no Dockerfile line');
    const base = rows[rows.length - 1];
    assert.ok(base.size > 1_000_000 && !links.has(base.index), 'the imported busybox layer is the base, not a Dockerfile line');

    const finalRows = historyToLayers(await imageHistory(engine(), `${repo}:final`));
    const finalLinks = matchLayersToDockerfile(finalRows, parsed);
    const env = finalRows.find((r) => r.keyword === 'ENV');
    assert.ok(env?.metadataOnly, 'ENV changes only metadata');
    assert.strictEqual(finalLinks.get(env.index)?.startLine, 9);
    const finalRun = finalRows.find((r) => r.keyword === 'RUN');
    assert.strictEqual(finalRun?.size, 6, 'echo built > /app/built.txt adds 6 bytes');
    assert.strictEqual(finalLinks.get(finalRun.index)?.startLine, 11);
  });

  it('a failing RUN reports the step, which maps to its Dockerfile line', async () => {
    const dir = path.join(FIXTURES, 'failing');
    const parsed = parseDockerfile(fs.readFileSync(path.join(dir, 'Dockerfile'), 'utf8'));
    const { outcome, tracker } = await build(dir, `${repo}:failing`);
    assert.match(outcome.error ?? '', /returned a non-zero code: 3/);
    assert.strictEqual(tracker.step, 3);
    assert.deepStrictEqual(buildErrorLocation(parsed, outcome.error ?? '', tracker.step), { startLine: 2, endLine: 3, step: 3 });
    await removeStepImages(tracker.stepImages);
  });

  it('a parse error names its line', async () => {
    const dir = path.join(tmp, 'parse');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'Dockerfile'), `FROM ${TEST_IMAGE}\nRUNN echo typo\n`);
    const parsed = parseDockerfile(fs.readFileSync(path.join(dir, 'Dockerfile'), 'utf8'));
    const { outcome, tracker } = await build(dir, `${repo}:parse`);
    assert.ok(outcome.error, 'the engine refuses the file');
    assert.deepStrictEqual(buildErrorLocation(parsed, outcome.error, tracker.step), { startLine: 1, endLine: 1 });
  });

  it('sends the context the CLI would: .dockerignore honoured, symlinks stored as links and never followed', async () => {
    const dir = path.join(tmp, 'context');
    fs.mkdirSync(path.join(dir, 'keep'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'logs'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'keep', 'keep.txt'), 'kept\n');
    fs.writeFileSync(path.join(dir, 'logs', 'a.log'), 'noise\n');
    fs.writeFileSync(path.join(dir, 'logs', 'important.log'), 'kept anyway\n');
    fs.writeFileSync(path.join(dir, 'secret.txt'), 'never sent\n');
    fs.symlinkSync('/etc/hostname', path.join(dir, 'outside'));
    fs.symlinkSync('keep/keep.txt', path.join(dir, 'inside'));
    fs.writeFileSync(path.join(dir, '.dockerignore'), 'secret.txt\nlogs\n!logs/important.log\nDockerfile\n');
    fs.writeFileSync(path.join(dir, 'Dockerfile'), [
      `FROM ${TEST_IMAGE}`,
      'COPY . /ctx',
      'RUN test -L /ctx/outside && [ "$(readlink /ctx/outside)" = /etc/hostname ] && test -L /ctx/inside' +
        ' && test ! -e /ctx/secret.txt && test ! -e /ctx/logs/a.log && test -e /ctx/logs/important.log && test -e /ctx/keep/keep.txt',
      '',
    ].join('\n'));
    const { outcome, output, context } = await build(dir, `${repo}:context`);
    assert.strictEqual(outcome.error, undefined, output);
    const names = context.listing.entries.map((e) => e.name).sort();
    assert.deepStrictEqual(names, ['.dockerignore', 'Dockerfile', 'inside', 'keep', 'keep/keep.txt', 'logs/important.log', 'outside']);
  });

  it('tags an image: both names point to one id', async () => {
    await tagImage(engine(), `${repo}:final`, `${repo}/account-app:v1`);
    const a = await inspectImage(engine(), `${repo}:final`);
    const b = await inspectImage(engine(), `${repo}/account-app:v1`);
    assert.strictEqual(a.Id, b.Id);
    assert.ok(a.RepoTags.includes(`${repo}/account-app:v1`));
    const listed = (await listImages(engine(), { label: RUN_LABEL })).find((i) => i.id === a.Id);
    assert.ok(listed?.repoTags.includes(`${repo}:final`) && listed.repoTags.includes(`${repo}/account-app:v1`));
    await removeImage(engine(), `${repo}/account-app:v1`);
  });

  it('save → remove → load round trip restores the same image id', async () => {
    // A fresh single-tag image so removing the tag really deletes it.
    const dir = path.join(tmp, 'roundtrip');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'Dockerfile'), `FROM ${TEST_IMAGE}\nRUN echo ${repo} > /marker\n`);
    const built = await build(dir, `${repo}:saved`);
    assert.strictEqual(built.outcome.error, undefined, built.output);
    const id = built.outcome.imageId;
    const file = path.join(tmp, 'saved.tar');
    let progress = 0;
    const bytes = await saveImage(engine(), `${repo}:saved`, file, { onBytes: (n) => { progress = n; } });
    assert.ok(bytes > 1_000_000 && progress === bytes && fs.statSync(file).size === bytes);
    const removed = await removeImage(engine(), `${repo}:saved`);
    assert.ok(removed.deleted.includes(id ?? ''), `the image was deleted: ${JSON.stringify(removed)}`);
    await assert.rejects(inspectImage(engine(), id ?? ''));
    let reads = 0;
    const loaded = await loadImage(engine(), file, { onBytes: () => { reads++; } });
    assert.deepStrictEqual(loaded.loaded, [`${repo}:saved`]);
    assert.ok(reads > 0);
    assert.strictEqual((await inspectImage(engine(), `${repo}:saved`)).Id, id, 'same image id after the round trip');
  });

  it('a cancelled save leaves no half-written file', async () => {
    const file = path.join(tmp, 'cancelled.tar');
    const controller = new AbortController();
    await assert.rejects(saveImage(engine(), `${repo}:final`, file, { signal: controller.signal, onBytes: () => controller.abort() }), CancelledError);
    assert.ok(!fs.existsSync(file));
  });

  it('remove is refused while a container uses the image, names it, and is then forced', async () => {
    const dir = path.join(tmp, 'inuse');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'Dockerfile'), `FROM ${TEST_IMAGE}\nRUN echo in-use > /marker\n`);
    const built = await build(dir, `${repo}:inuse`);
    assert.strictEqual(built.outcome.error, undefined, built.output);
    const name = uniqueName('uses');
    const container = await docker.createContainer({ Image: `${repo}:inuse`, name, Cmd: ['true'], Labels: testLabels() });
    const listed = (await listImages(engine(), { label: RUN_LABEL })).find((i) => i.id === built.outcome.imageId);
    assert.deepStrictEqual(listed?.containers.map((c) => c.name), [name]);
    const refused = await removeImage(engine(), `${repo}:inuse`).then(() => undefined, (e: unknown) => e);
    assert.ok(refused instanceof ImageInUseError, String(refused));
    assert.deepStrictEqual(refused.containers.map((c) => c.name), [name]);
    assert.strictEqual(refused.cannotForce, false);
    const forced = await removeImage(engine(), `${repo}:inuse`, { force: true });
    assert.deepStrictEqual(forced.untagged, [`${repo}:inuse`]);
    assert.ok(forced.deleted.includes(built.outcome.imageId ?? ''), JSON.stringify(forced));
    // The stopped container keeps its filesystem: forcing only took the image away from the list.
    assert.strictEqual((await container.inspect()).Image, built.outcome.imageId);
    await container.remove({ force: true });
  });

  it('a running container’s image cannot be force-removed by id', async () => {
    const c = await createTestContainer(docker, { start: true });
    const id = (await inspectImage(engine(), TEST_IMAGE)).Id;
    const refused = await removeImage(engine(), id, { force: true }).then(() => undefined, (e: unknown) => e);
    assert.ok(refused instanceof ImageInUseError, String(refused));
    assert.ok(refused.cannotForce);
    assert.ok(refused.containers.some((x) => x.id === c.id));
    await c.remove({ force: true });
  });

  it('a committed container appears as an image with its new tag', async () => {
    const c = await createTestContainer(docker, { cmd: ['sh', '-c', 'echo committed > /state'], start: true });
    await c.wait();
    await c.commit({ repo, tag: 'committed', comment: 'from the test', changes: [`LABEL ${TEST_LABEL}=${TEST_RUN}`] } as object);
    const listed = (await listImages(engine(), { label: RUN_LABEL })).find((i) => i.repoTags.includes(`${repo}:committed`));
    assert.ok(listed, 'the committed image is listed with its tag');
    const rows = historyToLayers(await imageHistory(engine(), `${repo}:committed`));
    assert.strictEqual(rows[0].comment, 'from the test');
    assert.ok(rows[0].size > 0, 'the container layer became an image layer');
  });

  it('prunes exactly the dangling images it listed', async () => {
    const dir = path.join(tmp, 'dangling');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'Dockerfile'), `FROM ${TEST_IMAGE}\nRUN echo one > /v\n`);
    const first = await build(dir, `${repo}:moving`);
    fs.writeFileSync(path.join(dir, 'Dockerfile'), `FROM ${TEST_IMAGE}\nRUN echo two > /v\n`);
    const second = await build(dir, `${repo}:moving`);
    assert.notStrictEqual(first.outcome.imageId, second.outcome.imageId);
    const dangling = await danglingImages(engine(), { label: RUN_LABEL });
    assert.ok(dangling.some((i) => i.id === first.outcome.imageId), 'the replaced build is dangling');
    assert.ok(!dangling.some((i) => i.id === second.outcome.imageId));
    const result = await pruneImages(engine(), dangling.map((i) => i.id));
    assert.ok(result.removed.includes(first.outcome.imageId ?? ''));
    await assert.rejects(inspectImage(engine(), first.outcome.imageId ?? ''));
  });

  it('pull without a reachable registry fails with a clear, classified error', async () => {
    const e = await pullImage(engine(), 'docker-learning-test/not-there:1', 'docker.io').then(() => undefined, (x: unknown) => x);
    assert.ok(e instanceof RegistryError, String(e));
    assert.strictEqual(e.problem, 'unreachable', e.message);
    assert.strictEqual(e.registry, 'docker.io');
  });
});
