// Who computes diagnostics, and when. Validation runs in a worker thread (dist/validationWorker.js), so
// the main thread never blocks a hover behind it. At most one job per document is in flight; edits that
// arrive meanwhile collapse into the newest version, and a result is published only while its version is
// still the document's current one (a stale result is dropped, never published). Without the worker file
// (unbundled tests), diagnostics are computed in-process on the next turn of the event loop.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { RuleSetting } from '../diagnostics/rule';
import type { Language } from '../i18n/language';
import type { TextDelta } from '../documents/textDelta';

export interface DiagnosticsJob {
  uri: string;
  version: number;
  /** The length of this version's text, and the text (joined only when the whole of it is sent). */
  length: number;
  text(): string;
  /** The changes from an earlier version to this one, in order; undefined when they are not known. */
  deltasSince(version: number): TextDelta[] | undefined;
  language: Language;
  ruleSettings?: Readonly<Record<string, RuleSetting>>;
}

/**
 * What goes to the worker: the whole text the first time, then only the changes that turn the text it
 * has (of `baseVersion`) into this version's — a keystroke in a 700 KB file posts a few bytes, and the
 * main thread never copies or compares the whole text for it.
 */
export type WorkerJob = Pick<DiagnosticsJob, 'uri' | 'version' | 'language' | 'ruleSettings'> & ({ text: string } | { deltas: TextDelta[]; baseVersion: number });

export interface WorkerMessage {
  uri: string; version: number; diagnostics: Diagnostic[]; logs: string[];
  /** The worker did not hold the base text of a delta: send the whole text again. */
  resend?: boolean;
}

export interface SchedulerHooks {
  /** The document's current version, or undefined once it is closed. */
  currentVersion(uri: string): number | undefined;
  publish(uri: string, version: number, diagnostics: Diagnostic[]): void;
  log(message: string): void;
  /** Computes in-process when no worker can be started. */
  fallback(job: DiagnosticsJob): Diagnostic[];
}

/**
 * The worker's young generation. Each keystroke on a 25k-line file makes ~15 MB of short-lived objects
 * there. 8 MB: with the worker's idle collection of its old generation (incremental/idleCollection.ts),
 * 25,011 lines, interleaved runs: peak RSS 129–138 MB against 174–183 with 16 MB and no idle collection
 * (150–154 with 8 MB and none), edit → diagnostics 76–126 ms (median ~82) against 39–57 (see README). The
 * server's main thread runs with a much smaller one (server/src/launch.json).
 */
const YOUNG_MB = Number(process.env.DOCKER_LEARNING_WORKER_YOUNG_MB ?? 8);
/** Enough for a 25,000-line file with room to spare; doubled on demand up to MAX_OLD_MB. */
const DEFAULT_OLD_MB = 128;
/** The old generation a worker starts with (the early one and the scheduler's own). */
const START_OLD_MB = Number(process.env.DOCKER_LEARNING_WORKER_OLD_MB ?? DEFAULT_OLD_MB);
const MAX_OLD_MB = 4096;

/** Up to this many characters, a document is validated in-process while the worker is still starting. */
const IN_PROCESS_UNTIL_READY = 64 * 1024;

const WORKER_FILE = path.join(__dirname, 'validationWorker.js');

/**
 * A young generation big enough for one validation's garbage, and an old generation held to what a large
 * file needs (peak memory: V8 otherwise lets the heap grow far beyond the live data). A file that needs more
 * makes the worker run out of memory: the scheduler restarts it with twice the old generation.
 */
function createValidationWorker(file: string, oldMb: number): Worker {
  // `--max-semi-space-size` (a start option for the main thread, launch.json) would also cap this worker:
  // V8 prefers the flag to a new isolate's own limits, and reads it only while creating one. Cleared here,
  // the worker gets the young generation asked for below; the main heap keeps its size.
  v8.setFlagsFromString('--max-semi-space-size=0');
  const worker = new Worker(file, { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_MB, maxOldGenerationSizeMb: oldMb } });
  worker.unref();
  return worker;
}

/** The worker started by startValidationWorkerEarly, and whether it has said it is ready. */
let early: { worker: Worker; ready: boolean } | undefined;

/**
 * Starts the validation worker before the rest of the server's code is loaded (server.ts calls it first;
 * the scheduler takes it over). A worker takes ~110 ms from `new Worker` to ready on this machine (Node's
 * worker start-up ~65 ms, loading its bundle ~45), during which a small document's keystrokes are validated
 * on the main thread, cold and several times slower. Started before the main bundle's modules load, it is
 * ready 0.14 s after the process starts instead of 0.21; the bench's 111-line edit → diagnostics (the first
 * 15 keystrokes after opening) 2.1–5.9 ms → 1.7–2.2, peak RSS unchanged (6 interleaved runs each).
 */
export function startValidationWorkerEarly(): void {
  if (early || !fs.existsSync(WORKER_FILE)) { return; }
  try {
    const started = { worker: createValidationWorker(WORKER_FILE, START_OLD_MB), ready: false };
    started.worker.once('message', () => { started.ready = true; });
    // Until the scheduler takes it over: a failure to start is the scheduler's to report (it starts another).
    started.worker.once('error', () => { if (early === started) { early = undefined; } });
    early = started;
  } catch {
    early = undefined;
  }
}

export class DiagnosticsScheduler {
  private worker: Worker | undefined;
  private readonly inFlight = new Set<string>();
  private readonly pending = new Map<string, () => DiagnosticsJob>();
  /** Per document, the version whose text the worker holds (the next job sends the changes since). */
  private readonly sent = new Map<string, number>();
  /** The newest job maker per document (to send the whole text again when the worker asks). */
  private readonly makers = new Map<string, () => DiagnosticsJob>();
  /** The worker has loaded its code: until then a small document is validated in-process (first diagnostics fast). */
  private workerReady = false;

  /** Restarts after a crash (an out-of-memory one restarts with twice the heap); then in-process. */
  private restarts = 0;
  /** Messages for the worker, in order, until the next flush (see post). */
  private outbox: (WorkerJob | { close: string })[] = [];

  constructor(private readonly hooks: SchedulerHooks, private readonly workerFile = WORKER_FILE) {
    if (early && workerFile === WORKER_FILE) {
      const { worker, ready } = early;
      early = undefined;
      this.startWorker(START_OLD_MB, worker, ready);
    } else if (fs.existsSync(workerFile)) {
      this.startWorker(START_OLD_MB);
    }
  }

  private startWorker(oldMb: number, started?: Worker, ready = false): void {
    try {
      const worker = started ?? createValidationWorker(this.workerFile, oldMb);
      this.worker = worker;
      this.workerReady = ready;
      worker.on('message', (m: WorkerMessage | { ready: true }) => { if ('ready' in m) { this.workerReady = true; } else { this.done(m); } });
      worker.on('error', (e: Error & { code?: string }) => {
        if (this.worker !== worker) { return; }
        const outOfMemory = e.code === 'ERR_WORKER_OUT_OF_MEMORY';
        this.hooks.log(`validation worker failed${outOfMemory ? ` (out of memory at ${oldMb} MB)` : ''}: ${e.stack ?? e}`);
        this.worker = undefined;
        this.sent.clear();
        this.outbox = [];
        if (outOfMemory && oldMb < MAX_OLD_MB) { this.startWorker(oldMb * 2); } else if (this.restarts++ < 3) { this.startWorker(oldMb); }
        this.restartPending();
      });
    } catch (e) {
      this.hooks.log(`validation worker could not start: ${(e as Error).stack ?? e}`);
      this.worker = undefined;
    }
  }

  /** Asks for diagnostics of the document's current version; `job` is read only when it is sent. */
  schedule(uri: string, job: () => DiagnosticsJob): void {
    this.pending.set(uri, job);
    this.makers.set(uri, job);
    if (!this.inFlight.has(uri)) { this.send(uri); }
  }

  close(uri: string): void {
    this.pending.delete(uri);
    this.sent.delete(uri);
    this.makers.delete(uri);
    if (this.worker) { this.post({ close: uri }); }
  }

  dispose(): void { void this.worker?.terminate(); }

  private send(uri: string): void {
    const make = this.pending.get(uri);
    if (!make) { return; }
    this.pending.delete(uri);
    const job = make();
    this.inFlight.add(uri);
    if (this.worker && (this.workerReady || job.length > IN_PROCESS_UNTIL_READY)) {
      const held = this.sent.get(uri);
      const deltas = held === undefined ? undefined : job.deltasSince(held);
      const head = { uri, version: job.version, language: job.language, ruleSettings: job.ruleSettings };
      const message: WorkerJob = deltas && held !== undefined ? { ...head, deltas, baseVersion: held } : { ...head, text: job.text() };
      this.sent.set(uri, job.version);
      this.post(message);
      return;
    }
    setImmediate(() => {
      let diagnostics: Diagnostic[] = [];
      if (this.hooks.currentVersion(uri) === job.version) {
        try { diagnostics = this.hooks.fallback(job); } catch (e) { this.hooks.log(`diagnostics failed for ${uri}: ${(e as Error).stack ?? e}`); }
      }
      this.done({ uri, version: job.version, diagnostics, logs: [] });
    });
  }

  /**
   * Hands messages to the worker two turns of the event loop later, in the order they were posted.
   * vscode-jsonrpc handles one incoming message per turn, so a request that arrived with the edit (the
   * editor's hover or completion right after a keystroke) is answered before the worker is woken: waking
   * it costs the main thread a few microseconds, and the worker then takes a core just when the answer
   * should reach the client. Two turns are a few microseconds when nothing waits. Measured side by side,
   * 111 lines, a hover right after each edit: bench/lsp.bench.mjs (400 hovers, 5–6 interleaved runs each)
   * hover p50 0.30 → 0.24–0.26 ms, p95 1.4–1.5 → 1.1–1.3; 12 runs of 100: p75 0.57–0.60 → 0.46–0.50;
   * edit → diagnostics unchanged within its noise (2–7 ms either way). Starting the worker 2 ms later
   * instead (setTimeout) made hovers slower (p50 0.41 → 0.50): a longer cycle leaves the cores idle
   * longer, and waking an idle core is what a hover on this machine mostly waits for.
   */
  private post(message: WorkerJob | { close: string }): void {
    this.outbox.push(message);
    if (this.outbox.length > 1) { return; }
    setImmediate(() => setImmediate(() => {
      const messages = this.outbox;
      this.outbox = [];
      for (const m of messages) { this.worker?.postMessage(m); }
    }));
  }

  private done(m: WorkerMessage): void {
    this.inFlight.delete(m.uri);
    m.logs.forEach((l) => this.hooks.log(l));
    if (m.resend) {
      this.sent.delete(m.uri);
      const make = this.makers.get(m.uri);
      if (make && !this.pending.has(m.uri)) { this.pending.set(m.uri, make); }
      this.send(m.uri);
      return;
    }
    if (this.hooks.currentVersion(m.uri) === m.version && !this.pending.has(m.uri)) {
      this.hooks.publish(m.uri, m.version, m.diagnostics);
    }
    this.send(m.uri);
  }

  /** After a crash: the versions that were being validated are asked for again, with what was pending. */
  private restartPending(): void {
    for (const uri of [...this.inFlight]) {
      this.inFlight.delete(uri);
      const make = this.makers.get(uri);
      if (make && !this.pending.has(uri)) { this.pending.set(uri, make); }
    }
    for (const uri of [...this.pending.keys()]) { this.send(uri); }
  }
}
