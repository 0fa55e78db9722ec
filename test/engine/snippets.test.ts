// Our snippets and the sample workspace against the real engine's builder (Docker 20.10's classic
// builder here: no heredocs, no COPY --link — a snippet using them must fail this test).
//
// The parse probe: the builder parses the whole Dockerfile (every instruction and flag) before it runs
// anything, and checks the requested --target only after that. Asking for a stage that does not exist
// therefore answers either "dockerfile parse error …" or "failed to reach build target …" — the latter
// proves the text parsed — without pulling a base image or creating a layer. That lets us send each
// snippet exactly as it expands, FROM lines and all.
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Readable, PassThrough } from 'node:stream';
import type Dockerode from 'dockerode';
import * as tarStream from 'tar-stream';
import { cleanupTestObjects, engineProblem, ensureTestImage, TEST_IMAGE, testDocker, testLabels, TEST_LABEL, TEST_RUN, uniqueName } from '../support/engineRig';
import { DOCKERFILE_SNIPPETS, DOCKERIGNORE_SNIPPETS, ROOT, choiceVariants, expandWithDefaults, inContext, readSnippetFile } from '../unit/snippets/snippetFiles';

const PROBE_TARGET = 'dl-parse-probe';
const PARSED = `failed to reach build target ${PROBE_TARGET}`;

function tar(files: Record<string, string>): Promise<Buffer> {
  const pack = tarStream.pack();
  const chunks: Buffer[] = [];
  pack.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => { pack.on('end', () => resolve(Buffer.concat(chunks))); pack.on('error', reject); });
  for (const [name, text] of Object.entries(files)) { pack.entry({ name, mode: 0o644 }, text); }
  pack.finalize();
  return done;
}

/** Runs a build and returns everything the engine said: the HTTP error, or the stream's messages. */
async function build(docker: Dockerode, files: Record<string, string>, options: Record<string, unknown>): Promise<{ output: string; error?: string }> {
  let stream: NodeJS.ReadableStream;
  try {
    stream = await docker.buildImage(Readable.from(await tar(files)) as unknown as NodeJS.ReadableStream, { forcerm: true, labels: testLabels(), ...options });
  } catch (e) {
    return { output: '', error: (e as { json?: { message?: string } }).json?.message ?? (e as Error).message };
  }
  const messages: { stream?: string; error?: string; errorDetail?: { message?: string } }[] = [];
  await new Promise<void>((resolve, reject) => docker.modem.followProgress(stream, (err: Error | null) => (err ? reject(err) : resolve()), (m: typeof messages[number]) => messages.push(m)));
  const error = messages.find((m) => m.error)?.error;
  return { output: messages.map((m) => m.stream ?? '').join(''), error };
}

/** What the builder says about a Dockerfile (and the other context files) without building anything. */
async function parseProbe(docker: Dockerode, dockerfile: string, more: Record<string, string> = {}): Promise<string> {
  const r = await build(docker, { Dockerfile: dockerfile, ...more }, { target: PROBE_TARGET });
  return r.error ?? `no error at all: ${r.output}`;
}

function folderFiles(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.isFile()) { out[e.name] = fs.readFileSync(path.join(dir, e.name), 'utf8'); }
  }
  return out;
}

async function execOutput(container: Dockerode.Container, cmd: string[]): Promise<{ code: number | null; out: string }> {
  const exec = await container.exec({ Cmd: cmd, AttachStdout: true, AttachStderr: true });
  const stream = await exec.start({ hijack: true, stdin: false });
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  container.modem.demuxStream(stream, out, out);
  await new Promise<void>((resolve) => stream.on('end', () => resolve()));
  return { code: (await exec.inspect()).ExitCode, out: Buffer.concat(chunks).toString('utf8') };
}

describe('snippets and sample on the real engine\'s builder', () => {
  const docker = testDocker();
  before(async function () {
    const problem = await engineProblem(docker);
    if (problem) { throw new Error(`a Docker engine is required: ${problem}`); }
  });
  after(() => cleanupTestObjects(docker, { images: true }));

  it('the probe tells a Dockerfile the builder rejects from one it parses', async () => {
    assert.match(await parseProbe(docker, 'FROM alpine:3.20\nCOPY --link a b\n'), /dockerfile parse error line 2: Unknown flag: link/);
    assert.match(await parseProbe(docker, 'FROM alpine:3.20\nRUN echo hi\n'), new RegExp(PARSED));
  });

  for (const lang of ['en', 'zh-cn'] as const) {
    for (const s of readSnippetFile(DOCKERFILE_SNIPPETS[lang])) {
      it(`${lang}: ${s.prefix} parses in the engine's builder, with every choice`, async () => {
        for (const variant of choiceVariants(s.body)) {
          const text = inContext(variant.text);
          assert.match(await parseProbe(docker, text), new RegExp(PARSED), `${variant.label}:\n${text}`);
        }
      });
    }
    it(`${lang}: the .dockerignore starter is read by the engine`, async () => {
      const ignore = expandWithDefaults(readSnippetFile(DOCKERIGNORE_SNIPPETS[lang])[0].body);
      assert.match(await parseProbe(docker, 'FROM alpine:3.20\nCOPY . /app\n', { '.dockerignore': ignore, '.env': 'SECRET=1\n' }), new RegExp(PARSED));
    });
  }

  for (const dir of ['', 'first-container', 'python-app']) {
    it(`sample/${dir || 'Dockerfile'} parses in the engine's builder`, async () => {
      const files = folderFiles(path.join(ROOT, 'sample', dir));
      assert.match(await parseProbe(docker, files.Dockerfile, files), new RegExp(PARSED));
    });
  }

  it('sample/first-container builds and serves its page (busybox swapped for the offline test image)', async () => {
    await ensureTestImage(docker);
    const files = folderFiles(path.join(ROOT, 'sample', 'first-container'));
    const dockerfile = files.Dockerfile.replace(/^FROM busybox:\S+/m, `FROM ${TEST_IMAGE}`);
    assert.notStrictEqual(dockerfile, files.Dockerfile, 'the FROM line was swapped');
    const tag = `${uniqueName('first')}:1`;
    const built = await build(docker, { ...files, Dockerfile: dockerfile }, { t: tag });
    assert.strictEqual(built.error, undefined, built.output);
    const container = await docker.createContainer({ Image: tag, Labels: { [TEST_LABEL]: TEST_RUN }, HostConfig: { Init: false } });
    await container.start();
    const info = await container.inspect();
    assert.strictEqual(info.Config.User, 'nobody', 'runs as the unprivileged user');
    // httpd binds its port right after start; retry a bounded number of times until it answers.
    let page = { code: null as number | null, out: '' };
    for (let i = 0; i < 50 && page.code !== 0; i++) { page = await execOutput(container, ['wget', '-qO-', 'http://127.0.0.1:8080/']); }
    assert.strictEqual(page.code, 0, page.out);
    assert.match(page.out, /Hello from your first container/);
    const logs = ((await container.logs({ stdout: true, stderr: true })) as unknown as Buffer).toString('latin1');
    assert.match(logs, /response:200/, `httpd -v logs the request: ${logs}`);
  });
});
