// How jobs reach the validation worker: in the order they were made (a document's close included), and
// only two turns of the event loop after the edit, so that a request that came with the edit is answered
// first (incremental/diagnosticsScheduler.ts, post). A stand-in worker file records what it receives.
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DiagnosticsJob, DiagnosticsScheduler } from '../../../../server/src/incremental/diagnosticsScheduler';

const RECORDING_WORKER = `
const { parentPort } = require('node:worker_threads');
const seen = [];
parentPort.on('message', (m) => {
  if ('close' in m) { seen.push('close ' + m.close); return; }
  seen.push(('text' in m ? 'text ' : 'deltas ') + m.uri + ' v' + m.version);
  parentPort.postMessage({ uri: m.uri, version: m.version, diagnostics: [], logs: [seen.join(' | ')] });
});
parentPort.postMessage({ ready: true });
`;

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('diagnostics scheduler: handing jobs to the worker', () => {
  let dir: string;
  let scheduler: DiagnosticsScheduler | undefined;
  const logs: string[] = [];
  const published: string[] = [];
  const versions = new Map<string, number>();

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dl-scheduler-'));
    fs.writeFileSync(path.join(dir, 'worker.js'), RECORDING_WORKER);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  afterEach(() => { scheduler?.dispose(); scheduler = undefined; logs.length = 0; published.length = 0; versions.clear(); });

  function start(): DiagnosticsScheduler {
    scheduler = new DiagnosticsScheduler({
      currentVersion: (uri) => versions.get(uri),
      publish: (uri, version) => published.push(`${uri} v${version}`),
      log: (m) => logs.push(m),
      fallback: () => { throw new Error('validated in-process: the worker should have had it'); },
    }, path.join(dir, 'worker.js'));
    return scheduler;
  }
  /** A job of a document larger than what is validated in-process while the worker starts (it goes to the worker at once). */
  const job = (uri: string, version: number): (() => DiagnosticsJob) => () => ({
    uri, version, length: 100_000, text: () => 'FROM busybox\n', deltasSince: () => undefined, language: 'en',
  });
  const until = async (what: () => boolean): Promise<void> => {
    for (let i = 0; i < 400 && !what(); i++) { await new Promise((resolve) => setTimeout(resolve, 10)); }
    assert.ok(what(), 'timed out');
  };

  it('posts nothing to the worker until two turns of the event loop after the job was asked for', async () => {
    const s = start();
    const worker = (s as unknown as { worker: { postMessage(m: unknown): void } }).worker;
    const posted: unknown[] = [];
    const original = worker.postMessage.bind(worker);
    worker.postMessage = (m: unknown): void => { posted.push(m); original(m); };
    versions.set('a', 1);
    s.schedule('a', job('a', 1));
    assert.strictEqual(posted.length, 0, 'not while the edit is being handled');
    await turn();
    assert.strictEqual(posted.length, 0, 'not on the next turn (the one that answers a request read with the edit)');
    await turn();
    assert.strictEqual(posted.length, 1, 'on the turn after');
    await until(() => published.length === 1);
    assert.deepStrictEqual(published, ['a v1']);
  });

  it('keeps the order of jobs and closes posted in the same turn', async () => {
    const s = start();
    versions.set('a', 1);
    versions.set('b', 1);
    s.schedule('a', job('a', 1));
    s.close('a');
    versions.delete('a');
    s.schedule('b', job('b', 1));
    await until(() => logs.length === 2);
    assert.strictEqual(logs[1], 'text a v1 | close a | text b v1');
    assert.deepStrictEqual(published, ['b v1'], 'the closed document is not published');
  });
});
