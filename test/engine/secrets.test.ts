// Registry credentials and TLS keys never reach what our code produces: the errors and messages the
// view shows and writes to the output channel, progress lines, anything printed to the console, or
// the endpoint as it would be logged. Real failing operations: a push and a pull with credentials to
// a registry nobody answers for (real engine), and a TLS endpoint whose key.pem is not a key.
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import * as util from 'node:util';
import { DockerEngine } from '../../client/src/engine/dockerEngine';
import { resolveEndpoint } from '../../client/src/engine/endpoint';
import { classifyEngineError } from '../../client/src/engine/engineProblem';
import { pullImage, pushImage, RegistryError } from '../../client/src/engine/images';
import { ensureTestImage, TEST_IMAGE, testDocker } from '../support/engineRig';
import { engineUnderTest } from './containersHelpers';

const PASSWORD = `pw-${Math.random().toString(36).slice(2)}-S3CR3T`;
const TOKEN = `tok-${Math.random().toString(36).slice(2)}-S3CR3T`;
const KEY_MATERIAL = `KEYMATERIAL${Math.random().toString(36).slice(2)}S3CR3T`;

/** Every form a secret could leak in: as is, and base64 (X-Registry-Auth is base64 JSON). */
function forms(secret: string): string[] {
  return [secret, Buffer.from(secret).toString('base64').slice(0, 12), Buffer.from(JSON.stringify({ password: secret })).toString('base64').slice(8, 24)];
}

/** Runs `work` while capturing everything written to the console, stdout and stderr. */
async function captureOutput<T>(work: () => Promise<T>): Promise<{ result: T | Error; printed: string }> {
  let printed = '';
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  const grab = (chunk: unknown) => { printed += String(chunk); return true; };
  process.stdout.write = grab as typeof process.stdout.write;
  process.stderr.write = grab as typeof process.stderr.write;
  try {
    const result = await work().catch((e: Error) => e);
    return { result, printed };
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
}

function assertNoSecret(what: string, text: string, secrets: string[]): void {
  for (const s of secrets.flatMap(forms)) { assert.ok(!text.includes(s), `${what} contains a secret (${s}):\n${text}`); }
}

describe('secrets never reach messages, logs or errors', function () {
  this.timeout(60_000);
  const docker = testDocker();
  let closedPort = 0;
  let ref = '';

  before(async () => {
    await ensureTestImage(docker);
    const probe = net.createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    closedPort = (probe.address() as net.AddressInfo).port;
    await new Promise<void>((r) => probe.close(() => r()));
    ref = `127.0.0.1:${closedPort}/dl-secret/app:v1`;
    await docker.getImage(TEST_IMAGE).tag({ repo: `127.0.0.1:${closedPort}/dl-secret/app`, tag: 'v1' });
  });
  after(async () => { await docker.getImage(ref).remove({ noprune: true }).catch(() => undefined); });

  it('a push and a pull with credentials to an unreachable registry', async () => {
    const engine = engineUnderTest();
    const registry = `127.0.0.1:${closedPort}`;
    const progress: string[] = [];
    try {
      for (const [verb, auth] of [['push', { username: 'learner', password: PASSWORD, serveraddress: registry }], ['pull', { identitytoken: TOKEN, serveraddress: registry }]] as const) {
        const { result, printed } = await captureOutput<unknown>(() => (verb === 'push'
          ? pushImage(engine, ref, registry, { auth, onProgress: (p) => progress.push(JSON.stringify(p)) })
          : pullImage(engine, `${registry}/dl-secret/other:v1`, registry, { auth, onProgress: (p) => progress.push(JSON.stringify(p)) })));
        assert.ok(result instanceof RegistryError, `${verb}: ${String(result)}`);
        assert.strictEqual(result.problem, 'unreachable', result.message);
        assert.match(result.message, new RegExp(`127\\.0\\.0\\.1:${closedPort}`), 'the message names the registry');
        const everything = [result.message, String(result.stack), util.inspect(result, { showHidden: true, depth: null }), JSON.stringify(result), printed, progress.join('\n')].join('\n');
        assertNoSecret(verb, everything, [PASSWORD, TOKEN]);
      }
      assert.ok(progress.length >= 1, 'the push reported progress before failing');
    } finally {
      engine.dispose();
    }
  });

  it('a TLS endpoint whose key.pem is not a key: a tls problem that shows no key material', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dl-certs-'));
    const sockets = new Set<net.Socket>();
    const server = net.createServer((s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); s.resume(); });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as net.AddressInfo).port;
    try {
      const pem = (label: string, body: string) => `-----BEGIN ${label}-----\n${Buffer.from(body).toString('base64')}\n-----END ${label}-----\n`;
      fs.writeFileSync(path.join(dir, 'ca.pem'), pem('CERTIFICATE', `CA${KEY_MATERIAL}`));
      fs.writeFileSync(path.join(dir, 'cert.pem'), pem('CERTIFICATE', `CERT${KEY_MATERIAL}`));
      fs.writeFileSync(path.join(dir, 'key.pem'), pem('PRIVATE KEY', KEY_MATERIAL), { mode: 0o600 });
      const endpoint = resolveEndpoint({
        env: { DOCKER_HOST: `tcp://127.0.0.1:${port}`, DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: dir },
        homedir: '/nonexistent', platform: process.platform,
        readFile: (f) => { try { return fs.readFileSync(f, 'utf8'); } catch { return undefined; } },
      });
      const fileContents = ['ca.pem', 'cert.pem', 'key.pem'].map((f) => fs.readFileSync(path.join(dir, f), 'utf8').split('\n')[1]);
      const secrets = [KEY_MATERIAL, ...fileContents];
      assertNoSecret('the endpoint as logged', `${JSON.stringify(endpoint)}\n${util.inspect(endpoint, { depth: null })}\n${String(endpoint.url)}`, secrets);
      const engine = new DockerEngine(endpoint, { readTimeoutMs: 2000, probeAfterMs: 500, probeTimeoutMs: 500 });
      try {
        for (const call of [() => engine.ping(), () => engine.containers.stop('c1')] as Array<() => Promise<unknown>>) {
          const started = Date.now();
          const { result, printed } = await captureOutput<unknown>(call);
          assert.ok(result instanceof Error, String(result));
          const problem = classifyEngineError(result, { hasProgram: () => true });
          assert.strictEqual(problem.kind, 'tls', problem.detail);
          assert.ok(Date.now() - started < 2000, `${Date.now() - started} ms`);
          assertNoSecret('the error', [result.message, problem.detail, String(result.stack), util.inspect(result, { showHidden: true, depth: null }), printed].join('\n'), secrets);
        }
      } finally {
        engine.dispose();
      }
    } finally {
      for (const s of sockets) { s.destroy(); }
      server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
