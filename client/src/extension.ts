// Activation: the language client for Dockerfiles, and the Docker Learning sidebar.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { startLanguageClient } from './languageClient';
import type { ContainersTree } from './containers/containersTree';
import { ContainersFeature, registerContainers } from './containers';
import { registerImages, type ImagesApi } from './images';
import { lastCliEquivalent } from './cli/cliEquivalent';
import { registerSnippetCommands } from './snippets';
import { registerRulePages } from './rulePages';
import { registerWalkthrough, type WalkthroughApi } from './walkthrough';
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
  /** The Containers view: its tree view, events watcher and terminals. */
  containers: ContainersFeature;
  /** The Images view: its tree and the build diagnostics. */
  images: ImagesApi;
  /** The docker command the last action showed (see cli/cliEquivalent.ts). */
  lastCliEquivalent(): { command: string; message: string } | undefined;
  /** The Learn Docker walkthrough: its progress tracker. */
  walkthrough: WalkthroughApi;
}

export function activate(context: vscode.ExtensionContext): DockerLearningApi {
  const started = Date.now();
  client = startLanguageClient(context);
  const activationMs = client.start().then(() => Date.now() - started);
  context.subscriptions.push(registerRulePages(client));

  let engine: DockerEngine | undefined;
  const currentEngine = (): DockerEngine => (engine ??= new DockerEngine(endpointFromSettings()));
  const containers = registerContainers(context, currentEngine);
  const containersTree = containers.view.tree;
  const images = registerImages(context, currentEngine);
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('dockerLearning.host')) { engine = undefined; containers.engineChanged(); images.engineChanged(); }
    }),
  );
  registerSnippetCommands(context);
  // After the host-setting listener above, so a host change reaches the tracker with the new engine.
  const walkthrough = registerWalkthrough(context, currentEngine);
  return { languageClient: client, activationMs, engine: currentEngine, containersTree, containers, images, lastCliEquivalent: () => lastCliEquivalent, walkthrough };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
