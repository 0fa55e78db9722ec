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
/** Created on first use and again after the host setting changed; disposed on deactivate. */
let engine: DockerEngine | undefined;
let deactivated = false;

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

  deactivated = false;
  const currentEngine = (): DockerEngine => {
    // A view refreshing between deactivate() and the disposal of its subscriptions must not open a new engine.
    if (deactivated) { throw new Error('Docker Learning is deactivated'); }
    return (engine ??= new DockerEngine(endpointFromSettings()));
  };
  const containers = registerContainers(context, currentEngine);
  const containersTree = containers.view.tree;
  const images = registerImages(context, currentEngine);
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('dockerLearning.host')) {
        // The old engine's streams and idle connections close now, not when the engine answers next.
        engine?.dispose();
        engine = undefined;
        containers.engineChanged();
        images.engineChanged();
      }
    }),
  );
  registerSnippetCommands(context);
  // After the host-setting listener above, so a host change reaches the tracker with the new engine.
  const walkthrough = registerWalkthrough(context, currentEngine);
  return { languageClient: client, activationMs, engine: currentEngine, containersTree, containers, images, lastCliEquivalent: () => lastCliEquivalent, walkthrough };
}

export async function deactivate(): Promise<void> {
  // Before VS Code disposes context.subscriptions: every events stream, followed log, shell and
  // idle keep-alive connection to the engine closes here, whatever still holds the engine.
  deactivated = true;
  engine?.dispose();
  engine = undefined;
  await client?.stop();
  client = undefined;
}
