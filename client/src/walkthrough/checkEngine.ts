// Step "Connect to the Docker engine": ping the engine the CLI would use and say which one it is and
// why (setting, DOCKER_HOST, docker context, default socket), or why it cannot be reached.
import * as vscode from 'vscode';
import type { DockerEngine } from '../engine/dockerEngine';
import { listImages } from '../engine/images';
import { classifyEngineError, programOnPath } from '../engine/engineProblem';
import { endpointDescription, problemAdvice, problemHeadline } from '../containers/texts';

export type EngineCheck =
  | { ok: true; url: string; source: string; containers: number; running: number; images: number; message: string }
  | { ok: false; url?: string; kind: string; detail: string; message: string };

export async function checkEngine(engine: () => DockerEngine): Promise<EngineCheck> {
  let e: DockerEngine | undefined;
  try {
    e = engine();
    await e.ping();
    const [containers, images] = await Promise.all([e.listContainers(true), listImages(e)]);
    const running = containers.filter((c) => c.state === 'running').length;
    const message = vscode.l10n.t('Connected to the Docker engine at {0}: {1} containers ({2} running) and {3} images.',
      endpointDescription(e.endpoint), String(containers.length), String(running), String(images.length));
    return { ok: true, url: e.endpoint.url, source: e.endpoint.source, containers: containers.length, running, images: images.length, message };
  } catch (error) {
    const problem = classifyEngineError(error, { hasProgram: (p) => programOnPath(p) });
    const headline = e ? problemHeadline(endpointDescription(e.endpoint)) : vscode.l10n.t('The Docker engine address cannot be used');
    const message = vscode.l10n.t('{0} ({1}). {2}', headline, problem.detail, problemAdvice(problem.kind));
    return { ok: false, url: e?.endpoint.url, kind: problem.kind, detail: problem.detail, message };
  }
}

/** The command: runs the check and shows the answer, with the way to fix a wrong endpoint. */
export async function showEngineCheck(engine: () => DockerEngine, onConnected: () => void): Promise<EngineCheck> {
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Asking the Docker engine…') },
    () => checkEngine(engine),
  );
  if (result.ok) {
    onConnected();
    void vscode.window.showInformationMessage(result.message);
  } else {
    const settings = vscode.l10n.t('Open the host setting');
    void vscode.window.showWarningMessage(result.message, settings).then((choice) => {
      if (choice === settings) { void vscode.commands.executeCommand('workbench.action.openSettings', 'dockerLearning.host'); }
    });
  }
  return result;
}
