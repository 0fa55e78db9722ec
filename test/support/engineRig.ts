// The engine rig: a real Docker engine, images made offline from Debian's busybox-static (no
// registry is reachable), and a label on everything we create so cleanup removes exactly that.
import * as fs from 'node:fs';
import Dockerode from 'dockerode';
import * as tarStream from 'tar-stream';

export const TEST_LABEL = 'docker-learning.test';
/**
 * This run's value of TEST_LABEL: several test runs may share one engine (developers in parallel),
 * so cleanup removes only what this run made.
 */
export const TEST_RUN = process.env.DOCKER_LEARNING_TEST_RUN ?? `run-${process.pid}-${Date.now().toString(36)}`;
const RUN_FILTER = `${TEST_LABEL}=${TEST_RUN}`;
export const TEST_IMAGE = 'docker-learning-test/busybox:1';
const BUSYBOX = process.env.BUSYBOX_PATH ?? '/bin/busybox';
const APPLETS = ['sh', 'echo', 'sleep', 'cat', 'ls', 'ps', 'top', 'env', 'true', 'false', 'mkdir', 'rm', 'cp', 'mv',
  'printf', 'wc', 'head', 'tail', 'grep', 'sed', 'id', 'hostname', 'date', 'touch', 'chmod', 'chown', 'tar', 'gzip',
  'kill', 'uname', 'pwd', 'test', 'seq', 'yes', 'wget', 'nc', 'httpd', 'whoami', 'adduser', 'addgroup', 'find', 'xargs', 'tr', 'cut', 'sort', 'dd'];

/** A dockerode client for the engine the tests use (DOCKER_HOST or the default socket). */
export function testDocker(): Dockerode {
  const host = process.env.DOCKER_HOST;
  if (host?.startsWith('tcp://')) {
    const u = new URL(host.replace(/^tcp:/, 'http:'));
    return new Dockerode({ host: u.hostname, port: Number(u.port) });
  }
  return new Dockerode({ socketPath: host?.startsWith('unix://') ? host.slice(7) : '/var/run/docker.sock' });
}

/** Why the engine cannot be used, or undefined when it answers. */
export async function engineProblem(docker = testDocker()): Promise<string | undefined> {
  try { await docker.ping(); return undefined; } catch (e) { return (e as Error).message; }
}

/** The root filesystem of our test image: busybox plus the applet symlinks the tests use. */
export function busyboxRootfsTar(): Promise<Buffer> {
  if (!fs.existsSync(BUSYBOX)) { throw new Error(`${BUSYBOX} is missing: install Debian's busybox-static`); }
  const pack = tarStream.pack();
  const chunks: Buffer[] = [];
  pack.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => { pack.on('end', () => resolve(Buffer.concat(chunks))); pack.on('error', reject); });
  for (const dir of ['bin', 'etc', 'tmp', 'root', 'usr', 'usr/bin', 'var', 'proc', 'sys', 'dev', 'home']) {
    pack.entry({ name: `${dir}/`, type: 'directory', mode: dir === 'tmp' ? 0o1777 : 0o755 });
  }
  pack.entry({ name: 'bin/busybox', mode: 0o755 }, fs.readFileSync(BUSYBOX));
  for (const applet of APPLETS) { pack.entry({ name: `bin/${applet}`, type: 'symlink', linkname: 'busybox' }); }
  pack.entry({ name: 'etc/passwd', mode: 0o644 }, 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/home:/bin/false\n');
  pack.entry({ name: 'etc/group', mode: 0o644 }, 'root:x:0:\nnogroup:x:65534:\n');
  pack.finalize();
  return done;
}

/** Imports the busybox image once (docker import), labelled, with sh as its command. */
export async function ensureTestImage(docker = testDocker(), ref = TEST_IMAGE): Promise<string> {
  try { return (await docker.getImage(ref).inspect()).Id; } catch { /* not there yet */ }
  const [repo, tag] = ref.split(':');
  const tar = await busyboxRootfsTar();
  const { Readable } = await import('node:stream');
  const stream = await docker.importImage(Readable.from(tar) as unknown as NodeJS.ReadableStream, {
    repo, tag, changes: [`LABEL ${TEST_LABEL}=true`, 'CMD ["sh"]', 'ENV PATH=/bin:/usr/bin'],
  } as object);
  await new Promise<void>((resolve, reject) => docker.modem.followProgress(stream, (err: Error | null) => (err ? reject(err) : resolve())));
  return (await docker.getImage(ref).inspect()).Id;
}

/** Creates (and optionally starts) a labelled container from the test image. */
export async function createTestContainer(docker: Dockerode, opts: { name?: string; cmd?: string[]; start?: boolean; tty?: boolean; labels?: Record<string, string> } = {}): Promise<Dockerode.Container> {
  await ensureTestImage(docker);
  const container = await docker.createContainer({
    Image: TEST_IMAGE,
    name: opts.name,
    Cmd: opts.cmd ?? ['sleep', '3600'],
    Tty: opts.tty ?? false,
    Labels: { [TEST_LABEL]: TEST_RUN, ...(opts.labels ?? {}) },
    HostConfig: { Init: false },
  });
  if (opts.start) { await container.start(); }
  return container;
}

/** Removes every container, and every image except the shared base, that this run labelled. */
export async function cleanupTestObjects(docker = testDocker(), { images = false } = {}): Promise<void> {
  const containers = await docker.listContainers({ all: true, filters: { label: [RUN_FILTER] } });
  await Promise.all(containers.map((c) => docker.getContainer(c.Id).remove({ force: true }).catch(() => undefined)));
  if (images) {
    const list = await docker.listImages({ filters: { label: [RUN_FILTER] } });
    for (const img of list) {
      if ((img.RepoTags ?? []).includes(TEST_IMAGE)) { continue; }
      await docker.getImage(img.Id).remove({ force: true }).catch(() => undefined);
    }
  }
}

/** A unique, valid container name for one test. */
/** Labels for anything else a test creates (images it builds or commits, volumes, networks). */
export function testLabels(): Record<string, string> { return { [TEST_LABEL]: TEST_RUN }; }

export function uniqueName(prefix: string): string {
  return `dl-test-${prefix}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * A command for containers that must stop quickly: sh as PID 1 ignores SIGTERM unless it traps it,
 * so without the trap every `docker container stop` waits its full 10 seconds.
 */
export const STOPPABLE_CMD = ['sh', '-c', 'trap "exit 0" TERM; while :; do sleep 1 & wait $!; done'];

/** Resolves with the first truthy value of `fn`, checked every 20 ms (for state no event reports). */
export async function waitUntil<T>(what: string, fn: () => T | Promise<T>, timeoutMs = 10_000): Promise<Exclude<T, undefined | null | false | 0 | ''>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) { return v as Exclude<T, undefined | null | false | 0 | ''>; }
    if (Date.now() > deadline) { throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`); }
    await new Promise((r) => setTimeout(r, 20));
  }
}
