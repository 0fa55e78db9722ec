// The Containers view's life: the tree, its toolbar state (show all / running, sort), the endpoint in
// its description, and live refresh from the engine's events stream — only while the view is
// visible, so nothing runs in the background when the learner looks elsewhere.
import * as vscode from 'vscode';
import type { DockerEngine } from '../engine/dockerEngine';
import { changesContainerList, EventsWatcher, WatchState } from '../engine/events';
import { ContainersTree, ContainersTreeNode } from './containersTree';
import type { ShowFilter, SortOrder } from './model/grouping';
import { onTrustChange, restrictedModeMessage } from '../restrictedMode';
import { endpointDescription, problemAdvice, problemHeadline } from './texts';

const SHOW_KEY = 'dockerLearning.containers.show';
const SORT_KEY = 'dockerLearning.containers.sort';
/** A burst of events (Compose starting ten services) becomes one refresh; the first shows fast. */
const DEBOUNCE_MS = 60;
const MAX_WAIT_MS = 200;
/** Up to this many changed containers are fetched by id; more, and the whole list is cheaper. */
const MAX_PATCH = 50;

export class ContainersView implements vscode.Disposable {
  readonly tree: ContainersTree;
  readonly view: vscode.TreeView<ContainersTreeNode>;
  private watcher?: EventsWatcher;
  private watcherEngine?: DockerEngine;
  private debounceTimer?: ReturnType<typeof setTimeout>;
  private firstPending = 0;
  private readonly pendingIds = new Set<string>();
  private pendingFull = false;
  private readonly disposables: vscode.Disposable[] = [];
  private message: string | undefined;
  private problem: string | undefined;
  /** Events that changed the list since activation (tests wait on this instead of sleeping). */
  eventsSeen = 0;

  constructor(private readonly context: vscode.ExtensionContext, readonly engine: () => DockerEngine) {
    this.tree = new ContainersTree(engine);
    this.tree.show = context.globalState.get<ShowFilter>(SHOW_KEY, 'all');
    this.tree.sort = context.globalState.get<SortOrder>(SORT_KEY, 'name');
    this.view = vscode.window.createTreeView('dockerLearning.containers', {
      treeDataProvider: this.tree, canSelectMany: true, showCollapseAll: true,
    });
    this.disposables.push(
      this.tree, this.view,
      this.view.onDidChangeVisibility((e) => (e.visible ? this.resume() : this.pause())),
      this.tree.onDidLoad((snap) => {
        this.problem = snap.ok ? undefined : `${problemHeadline(snap.endpointUrl)}. ${problemAdvice(snap.problem.kind)}`;
        this.showMessage();
      }),
      onTrustChange(() => this.showMessage()),
    );
    this.showMessage();
    void this.setContext();
    this.describeEndpoint();
    if (this.view.visible) { this.resume(); }
  }

  /** Restricted Mode first (why the actions are off), then why the engine cannot be reached. */
  private showMessage(): void {
    const parts = [vscode.workspace.isTrusted ? undefined : restrictedModeMessage(), this.problem].filter((p): p is string => !!p);
    const message = parts.length ? parts.join('\n\n') : undefined;
    // Only on a change: VS Code coalesces a view's message and data changes for 200 ms, so an
    // idle assignment here would delay the redraw that follows by those 200 ms.
    if (message !== this.message) { this.message = message; this.view.message = message; }
  }

  /** The watcher, when the view is visible (for tests: at most one events stream is open). */
  get eventsWatcher(): EventsWatcher | undefined { return this.watcher; }

  private resume(): void {
    this.startWatcher();
    this.tree.refresh();
  }

  private pause(): void {
    this.watcher?.stop();
    clearTimeout(this.debounceTimer);
    this.debounceTimer = undefined;
    this.pendingIds.clear();
    this.pendingFull = false;
  }

  /** The host setting changed: a new engine, a new events stream, a new list. */
  engineChanged(): void {
    this.watcher?.stop();
    this.watcher = undefined;
    this.watcherEngine = undefined;
    this.describeEndpoint();
    if (this.view.visible) { this.startWatcher(); }
    this.tree.refresh();
  }

  /** Refresh now (toolbar button): also retries a waiting events stream immediately. */
  refreshNow(): void {
    this.watcher?.retryNow();
    this.tree.refresh();
  }

  /** Refresh soon, coalescing with other requests (events, finished actions). */
  refreshSoon(): void {
    this.pendingFull = true;
    this.schedule();
  }

  /**
   * These containers changed (an event, an action): soon, fetch just them and redraw their group.
   * Many at once (Compose, stop all) are cheaper as one full list.
   */
  containersChanged(ids: string[]): void {
    ids.forEach((id) => this.pendingIds.add(id));
    this.schedule();
  }

  private schedule(): void {
    const now = Date.now();
    if (!this.debounceTimer) { this.firstPending = now; }
    clearTimeout(this.debounceTimer);
    const wait = Math.max(0, Math.min(DEBOUNCE_MS, this.firstPending + MAX_WAIT_MS - now));
    this.debounceTimer = setTimeout(() => {
      this.debounceTimer = undefined;
      const ids = [...this.pendingIds];
      const full = this.pendingFull || ids.length > MAX_PATCH;
      this.pendingIds.clear();
      this.pendingFull = false;
      if (full) { this.tree.refresh(); } else { void this.tree.patch(ids); }
    }, wait);
  }

  private describeEndpoint(): void {
    try { this.view.description = endpointDescription(this.engine().endpoint); } catch { this.view.description = vscode.l10n.t('no valid endpoint'); }
  }

  private startWatcher(): void {
    let engine: DockerEngine;
    try { engine = this.engine(); } catch { return; }
    if (this.watcher && this.watcherEngine !== engine) { this.watcher.stop(); this.watcher = undefined; }
    if (!this.watcher) {
      let wasConnected = false;
      this.watcherEngine = engine;
      this.watcher = engine.watchEvents({
        event: (e) => { if (changesContainerList(e)) { this.eventsSeen++; this.containersChanged([e.Actor.ID]); } },
        state: (state: WatchState) => {
          // Only transitions matter: the engine came back (show the list) or went away (say so).
          if (state === 'connected') {
            if (!wasConnected) { wasConnected = true; this.tree.refresh(); }
          } else if (state === 'waiting' && wasConnected) {
            wasConnected = false;
            this.tree.refresh();
          }
        },
      });
      // The first connect counts as a transition only if the tree showed a problem before it.
      wasConnected = this.tree.snapshot?.ok ?? true;
    }
    this.watcher.start();
  }

  async setShow(show: ShowFilter): Promise<void> {
    this.tree.show = show;
    await this.context.globalState.update(SHOW_KEY, show);
    await this.setContext();
    this.tree.redraw();
  }

  async setSort(sort: SortOrder): Promise<void> {
    this.tree.sort = sort;
    await this.context.globalState.update(SORT_KEY, sort);
    await this.setContext();
    this.tree.redraw();
  }

  private async setContext(): Promise<void> {
    await vscode.commands.executeCommand('setContext', SHOW_KEY, this.tree.show);
    await vscode.commands.executeCommand('setContext', SORT_KEY, this.tree.sort);
  }

  dispose(): void {
    this.pause();
    this.watcher = undefined;
    this.disposables.forEach((d) => d.dispose());
  }
}
