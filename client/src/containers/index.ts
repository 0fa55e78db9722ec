// The Containers view as one feature: the tree and its live refresh, the commands, the read-only
// documents. extension.ts calls registerContainers() and hands the result to tests via its API.
import * as vscode from 'vscode';
import type { DockerEngine } from '../engine/dockerEngine';
import { registerContainerCommands } from './actions';
import { ContainersView } from './containersView';
import { ReadOnlyDocuments } from './documents';
import { trackedTerminals } from './terminals';

export interface ContainersFeature {
  view: ContainersView;
  /** Logs and shell terminals opened from the view, with their output (for tests). */
  terminals: typeof trackedTerminals;
  /** Call when the engine endpoint changed (the host setting). */
  engineChanged(): void;
}

export function registerContainers(context: vscode.ExtensionContext, engine: () => DockerEngine): ContainersFeature {
  const view = new ContainersView(context, engine);
  const docs = new ReadOnlyDocuments();
  context.subscriptions.push(view, docs, ...registerContainerCommands(view, docs));
  return { view, terminals: trackedTerminals, engineChanged: () => view.engineChanged() };
}
