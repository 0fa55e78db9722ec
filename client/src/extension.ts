// Activation: the language client for Dockerfiles, and the Docker Learning sidebar.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { startLanguageClient } from './languageClient';
import { ContainersTree } from './containers/containersTree';
import { DockerEngine } from './engine/dockerEngine';
import { endpointFromSettings } from './engine/vscodeEndpoint';

let client: LanguageClient | undefined;

/** What activate() hands back: tests and other extensions read it through `extension.exports`. */
export interface DockerLearningApi {
  languageClient: LanguageClient;
  /** Milliseconds from activate() start to the language client being ready. */
  activationMs: Promise<number>;
  engine(): DockerEngine;
  containersTree: ContainersTree;
}

export function activate(context: vscode.ExtensionContext): DockerLearningApi {
  const started = Date.now();
  client = startLanguageClient(context);
  const activationMs = client.start().then(() => Date.now() - started);

  let engine: DockerEngine | undefined;
  const currentEngine = (): DockerEngine => (engine ??= new DockerEngine(endpointFromSettings()));
  const containersTree = new ContainersTree(currentEngine);
  context.subscriptions.push(
    containersTree,
    vscode.window.createTreeView('dockerLearning.containers', { treeDataProvider: containersTree, showCollapseAll: false }),
    vscode.commands.registerCommand('dockerLearning.containers.refresh', () => containersTree.refresh()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('dockerLearning.host')) { engine = undefined; containersTree.refresh(); }
    }),
  );
  return { languageClient: client, activationMs, engine: currentEngine, containersTree };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
