// Sets the walkthrough's context keys when the learner does what a step teaches. Engine events come
// from one `docker system events`-like stream (container and image events), which stops once every
// step it can complete is done; documents are watched for the practice steps.
import * as vscode from 'vscode';
import type { DockerEngine } from '../engine/dockerEngine';
import type { EventsWatcher } from '../engine/events';
import { contextKey, isMultiStage, ProgressKey, progressFromEvent } from './progress';

const FROM_EVENTS: readonly ProgressKey[] = ['containerStarted', 'lookedInside', 'containerRemoved', 'imageLoaded', 'imagePushed'];

export class WalkthroughTracker implements vscode.Disposable {
  private readonly done = new Set<ProgressKey>();
  private readonly progressed = new vscode.EventEmitter<ProgressKey>();
  /** Fires once per key, when the learner first does that step's thing. */
  readonly onDidProgress = this.progressed.event;
  private watcher?: EventsWatcher;
  private readonly disposables: vscode.Disposable[] = [];
  /**
   * Each practice Dockerfile: its errors and warnings at their highest so far, and whether the learner
   * edited it since. The server may publish twice for one version (e.g. after a settings sync), so only
   * a drop that follows an edit counts as a fix.
   */
  private readonly practice = new Map<string, { max: number; edited: boolean }>();
  private watchingNow?: () => void;
  private readonly watching = new Promise<void>((resolve) => { this.watchingNow = resolve; });

  constructor(private readonly engine: () => DockerEngine) {
    this.disposables.push(
      vscode.languages.onDidChangeDiagnostics((e) => this.diagnosticsChanged(e.uris)),
      vscode.workspace.onDidOpenTextDocument((d) => this.documentChanged(d)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        const p = this.practice.get(e.document.uri.toString());
        if (p && e.contentChanges.length) { p.edited = true; }
        this.documentChanged(e.document);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('dockerLearning.host')) { this.restartEvents(); } }),
    );
    vscode.workspace.textDocuments.forEach((d) => this.documentChanged(d));
    this.startEvents();
  }

  has(key: ProgressKey): boolean { return this.done.has(key); }

  /** The events watcher while steps remain that events complete (tests count its streams). */
  get eventsWatcher(): EventsWatcher | undefined { return this.watcher; }

  /** Resolves once the engine's events stream is open: from then on no event is missed (tests wait on it). */
  whenWatching(): Promise<void> { return this.watching; }

  mark(key: ProgressKey): void {
    if (this.done.has(key)) { return; }
    this.done.add(key);
    void vscode.commands.executeCommand('setContext', contextKey(key), true);
    this.progressed.fire(key);
    if (FROM_EVENTS.every((k) => this.done.has(k))) { this.stopEvents(); }
  }

  /** Watches a practice Dockerfile: fixing any one of its problems completes the step. */
  watchPractice(uri: vscode.Uri): void {
    this.practice.set(uri.toString(), { max: 0, edited: false });
    this.diagnosticsChanged([uri]);
  }

  private diagnosticsChanged(uris: readonly vscode.Uri[]): void {
    for (const uri of uris) {
      const p = this.practice.get(uri.toString());
      if (!p) { continue; }
      const now = vscode.languages.getDiagnostics(uri).filter((d) => d.severity <= vscode.DiagnosticSeverity.Warning).length;
      if (now > p.max) { p.max = now; p.edited = false; } else if (now < p.max && p.edited) { this.mark('dockerfileFixed'); }
    }
  }

  private documentChanged(doc: vscode.TextDocument): void {
    if (doc.languageId === 'dockerfile' && !this.done.has('multiStageWritten') && isMultiStage(doc.getText())) { this.mark('multiStageWritten'); }
  }

  private startEvents(): void {
    if (this.watcher || FROM_EVENTS.every((k) => this.done.has(k))) { return; }
    let engine: DockerEngine;
    // An endpoint that cannot be used (a bad host setting) is the check-engine step's to explain.
    try { engine = this.engine(); } catch { return; }
    this.watcher = engine.watchEvents({
      event: (e) => { const key = progressFromEvent(e); if (key) { this.mark(key); } },
      state: (state) => { if (state === 'connected') { this.watchingNow?.(); } },
    }, { filters: { type: ['container', 'image'] }, maxDelayMs: 60_000 });
    this.watcher.start();
  }

  private stopEvents(): void {
    this.watcher?.stop();
    this.watcher = undefined;
  }

  /** The host setting changed: DockerEngine is rebuilt by extension.ts on its next use. */
  private restartEvents(): void {
    this.stopEvents();
    this.startEvents();
  }

  dispose(): void {
    this.stopEvents();
    this.progressed.dispose();
    this.disposables.forEach((d) => d.dispose());
  }
}
