// Who computes diagnostics, and when. Validation runs in a worker thread (dist/validationWorker.js), so
// the main thread never blocks a hover behind it. At most one job per document is in flight; edits that
// arrive meanwhile collapse into the newest version, and a result is published only while its version is
// still the document's current one (a stale result is dropped, never published). Without the worker file
// (unbundled tests), diagnostics are computed in-process on the next turn of the event loop.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { RuleSetting } from '../diagnostics/rule';
import type { Language } from '../i18n/language';

export interface DiagnosticsJob {
  uri: string;
  version: number;
  text: string;
  language: Language;
  ruleSettings?: Readonly<Record<string, RuleSetting>>;
}

export interface WorkerMessage { uri: string; version: number; diagnostics: Diagnostic[]; logs: string[] }

export interface SchedulerHooks {
  /** The document's current version, or undefined once it is closed. */
  currentVersion(uri: string): number | undefined;
  publish(uri: string, version: number, diagnostics: Diagnostic[]): void;
  log(message: string): void;
  /** Computes in-process when no worker can be started. */
  fallback(job: DiagnosticsJob): Diagnostic[];
}

export class DiagnosticsScheduler {
  private worker: Worker | undefined;
  private readonly inFlight = new Set<string>();
  private readonly pending = new Map<string, () => DiagnosticsJob>();

  constructor(private readonly hooks: SchedulerHooks, workerFile = path.join(__dirname, 'validationWorker.js')) {
    if (fs.existsSync(workerFile)) {
      try {
        this.worker = new Worker(workerFile);
        this.worker.on('message', (m: WorkerMessage) => this.done(m));
        this.worker.on('error', (e) => { hooks.log(`validation worker failed: ${e.stack ?? e}`); this.worker = undefined; this.restartPending(); });
        this.worker.unref();
      } catch (e) {
        hooks.log(`validation worker could not start: ${(e as Error).stack ?? e}`);
        this.worker = undefined;
      }
    }
  }

  /** Asks for diagnostics of the document's current version; `job` is read only when it is sent. */
  schedule(uri: string, job: () => DiagnosticsJob): void {
    this.pending.set(uri, job);
    if (!this.inFlight.has(uri)) { this.send(uri); }
  }

  close(uri: string): void {
    this.pending.delete(uri);
    this.worker?.postMessage({ close: uri });
  }

  dispose(): void { void this.worker?.terminate(); }

  private send(uri: string): void {
    const make = this.pending.get(uri);
    if (!make) { return; }
    this.pending.delete(uri);
    const job = make();
    this.inFlight.add(uri);
    if (this.worker) {
      this.worker.postMessage(job);
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

  private done(m: WorkerMessage): void {
    this.inFlight.delete(m.uri);
    m.logs.forEach((l) => this.hooks.log(l));
    if (this.hooks.currentVersion(m.uri) === m.version && !this.pending.has(m.uri)) {
      this.hooks.publish(m.uri, m.version, m.diagnostics);
    }
    this.send(m.uri);
  }

  private restartPending(): void {
    for (const uri of [...this.inFlight]) { this.inFlight.delete(uri); }
    for (const uri of [...this.pending.keys()]) { this.send(uri); }
  }
}
