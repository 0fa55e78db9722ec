// The "Learn Docker" walkthrough (contributes.walkthroughs in package.json): its commands, and the
// tracker that completes steps from what the learner really does.
import * as vscode from 'vscode';
import type { DockerEngine } from '../engine/dockerEngine';
import { registerEngineCommand } from '../restrictedMode';
import { EngineCheck, showEngineCheck } from './checkEngine';
import { openSample, OpenSampleOptions } from './openSample';
import { newMultiStage, openPractice } from './practice';
import { EXTENSION_ID, WALKTHROUGH_COMMANDS, WALKTHROUGH_ID } from './progress';
import { WalkthroughTracker } from './tracker';

/** Set by openSample just before the window reloads on the new folder, read by the next activation there. */
const REOPEN_KEY = 'dockerLearning.walkthrough.reopenIn';
const FULL_ID = `${EXTENSION_ID}#${WALKTHROUGH_ID}`;

export interface WalkthroughApi {
  tracker: WalkthroughTracker;
}

function openWalkthrough(step?: string): Thenable<unknown> {
  return vscode.commands.executeCommand('workbench.action.openWalkthrough', step ? { category: FULL_ID, step: `${FULL_ID}#${step}` } : FULL_ID, false);
}

export function registerWalkthrough(context: vscode.ExtensionContext, engine: () => DockerEngine): WalkthroughApi {
  const tracker = new WalkthroughTracker(engine);
  context.subscriptions.push(
    tracker,
    vscode.commands.registerCommand(WALKTHROUGH_COMMANDS.open, () => openWalkthrough()),
    registerEngineCommand(WALKTHROUGH_COMMANDS.checkEngine, (): Promise<EngineCheck> => showEngineCheck(engine, () => tracker.mark('engineConnected'))),
    vscode.commands.registerCommand(WALKTHROUGH_COMMANDS.openSample, (options?: OpenSampleOptions) =>
      openSample(options, (folder) => context.globalState.update(REOPEN_KEY, folder.toString()))),
    vscode.commands.registerCommand(WALKTHROUGH_COMMANDS.openPractice, () => openPractice(context, (uri) => tracker.watchPractice(uri))),
    vscode.commands.registerCommand(WALKTHROUGH_COMMANDS.newMultiStage, () => newMultiStage(context)),
  );
  // Opening the sample reloaded the window: bring the learner back to the step they were on.
  const reopenIn = context.globalState.get<string>(REOPEN_KEY);
  if (reopenIn && vscode.workspace.workspaceFolders?.some((f) => f.uri.toString() === reopenIn)) {
    void context.globalState.update(REOPEN_KEY, undefined);
    void openWalkthrough('firstContainer');
  }
  return { tracker };
}
