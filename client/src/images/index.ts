// Wires the Images view into VS Code: the tree, its commands, live refresh from engine events,
// the read-only inspect documents and the build diagnostics. extension.ts calls registerImages().
import * as vscode from 'vscode';
import type { DockerEngine } from '../engine/dockerEngine';
import type { DockerEvent, EventsWatcher } from '../engine/events';
import { buildAction, BUILD_DIAGNOSTICS } from './actions/build';
import type { ImagesContext } from './actions/common';
import { historyAction, InspectProvider, inspectAction, INSPECT_SCHEME } from './actions/inspect';
import { pruneAction } from './actions/prune';
import { pullAction, pushAction } from './actions/pullPush';
import { removeAction } from './actions/remove';
import { runAction } from './actions/run';
import { loadAction, saveAction } from './actions/saveLoad';
import { tagAction } from './actions/tag';
import { onTrustChange, registerEngineCommand, restrictedModeMessage } from '../restrictedMode';
import { DockerfileLinks } from './dockerfileLinks';
import { ImagesTree } from './imagesTree';

export interface ImagesApi {
  imagesTree: ImagesTree;
  treeView: vscode.TreeView<unknown>;
  /** The events watcher, once the view was visible (tests: at most one stream open). */
  eventsWatcher(): EventsWatcher | undefined;
  /** The 'docker-learning-build' diagnostics (a failed build's line). */
  buildDiagnostics: vscode.DiagnosticCollection;
  /** Image and container events seen that changed the view (tests wait on the tree, not on time). */
  eventsSeen(): number;
  /** Call when the engine endpoint changed (the host setting). */
  engineChanged(): void;
}

/** Every image event changes the list; of the container ones, those that change who uses an image, and commit (a new image). */
export function changesImageList(e: DockerEvent): boolean {
  if (e.Type === 'image') { return true; }
  return e.Type === 'container' && ['create', 'destroy', 'start', 'die', 'commit'].includes(e.Action.split(':')[0]);
}

export function registerImages(context: vscode.ExtensionContext, engine: () => DockerEngine): ImagesApi {
  const links = new DockerfileLinks(context.workspaceState);
  const tree = new ImagesTree(engine, links);
  const treeView = vscode.window.createTreeView('dockerLearning.images', { treeDataProvider: tree, showCollapseAll: true });
  const ctx: ImagesContext = { engine, tree, links, treeView };
  const diagnostics = vscode.languages.createDiagnosticCollection(BUILD_DIAGNOSTICS);

  let watcher: EventsWatcher | undefined;
  let watcherEngine: DockerEngine | undefined;
  let seen = 0;
  const watch = () => {
    let current: DockerEngine;
    try { current = engine(); } catch { return; }
    if (watcher && watcherEngine !== current) { watcher.stop(); watcher = undefined; }
    if (!watcher) {
      watcherEngine = current;
      watcher = current.watchEvents({
        event: (e) => { if (changesImageList(e)) { seen++; tree.refreshSoon(); } },
        state: (state) => { if (state === 'connected') { tree.refreshSoon(); } },
      }, { filters: { type: ['image', 'container'] } });
    }
    watcher.start();
  };
  const unwatch = () => { watcher?.stop(); };
  const showTrust = () => { treeView.message = vscode.workspace.isTrusted ? undefined : restrictedModeMessage(); };
  showTrust();
  // Only listen while someone can see the view: an idle sidebar keeps no stream open.
  if (treeView.visible) { watch(); }

  // Every Images command reads or changes the engine: refused in Restricted Mode (restrictedMode.ts).
  const command = (id: string, fn: (...a: unknown[]) => unknown) => registerEngineCommand(id, fn);
  context.subscriptions.push(
    tree, treeView, diagnostics,
    { dispose: unwatch },
    onTrustChange(showTrust),
    treeView.onDidChangeVisibility((e) => { if (e.visible) { watch(); tree.refresh(); } else { unwatch(); } }),
    vscode.workspace.registerTextDocumentContentProvider(INSPECT_SCHEME, new InspectProvider(ctx)),
    // A marked line is about the file as it was built: once edited, the mark may point elsewhere.
    vscode.workspace.onDidChangeTextDocument((e) => { if (e.contentChanges.length && diagnostics.has(e.document.uri)) { diagnostics.delete(e.document.uri); } }),
    command('dockerLearning.images.refresh', () => { watcher?.retryNow(); tree.refresh(); }),
    command('dockerLearning.images.run', (node, args) => runAction(ctx, node, args as never)),
    command('dockerLearning.images.history', (node) => historyAction(ctx, node)),
    command('dockerLearning.images.inspect', (node) => inspectAction(ctx, node)),
    command('dockerLearning.images.tag', (node, args) => tagAction(ctx, node, args as never)),
    command('dockerLearning.images.remove', (node, args) => removeAction(ctx, node, args as never)),
    command('dockerLearning.images.save', (node, args) => saveAction(ctx, node, args as never)),
    command('dockerLearning.images.load', (args) => loadAction(ctx, args as never)),
    command('dockerLearning.images.pull', (args) => pullAction(ctx, args as never)),
    command('dockerLearning.images.push', (node, args) => pushAction(ctx, node, args as never)),
    command('dockerLearning.images.prune', (node, args) => pruneAction(ctx, (args ?? (node && typeof node === 'object' && 'confirm' in node ? node : undefined)) as never)),
    command('dockerLearning.buildImage', (uri, args) => buildAction(ctx, diagnostics, uri, args)),
  );
  return {
    imagesTree: tree, treeView: treeView as vscode.TreeView<unknown>, eventsWatcher: () => watcher, buildDiagnostics: diagnostics, eventsSeen: () => seen,
    engineChanged: () => {
      watcher?.stop(); watcher = undefined; watcherEngine = undefined;
      if (treeView.visible) { watch(); }
      tree.refresh();
    },
  };
}
