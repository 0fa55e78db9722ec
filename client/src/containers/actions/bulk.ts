// The view toolbar's "stop all running" and "remove all stopped": the course's
// `docker container stop $(docker container ps -aq)` and `docker container prune`, confirmed with
// the exact list of containers they touch, answered with the exact list of what was done.
import * as vscode from 'vscode';
import { containerCli } from '../../cli/containerCommands';
import { outputChannel } from '../../cli/cliEquivalent';
import type { ContainerSummary } from '../../engine/containerSummary';
import type { ContainersView } from '../containersView';
import { isStopped, isUp } from '../model/stateVisual';
import { namesText } from '../texts';
import { ActionResult, errorText, forEach, NOTHING, report } from './common';
import { nameList } from './remove';

export interface BulkOptions {
  /** Skips the modal. */
  confirm?: boolean;
  /** Only containers with this label (key=value): tests share the engine with other work. */
  label?: string;
}

async function candidates(view: ContainersView, options: BulkOptions, keep: (c: ContainerSummary) => boolean): Promise<ContainerSummary[] | undefined> {
  try {
    return (await view.engine().containers.list(true, options.label ? [options.label] : undefined)).filter(keep);
  } catch (e) {
    void vscode.window.showErrorMessage(errorText(e));
    return undefined;
  }
}

async function confirmed(options: BulkOptions, title: string, names: string[], button: string): Promise<boolean> {
  if (options.confirm !== undefined) { return options.confirm; }
  if (names.length > 40) { outputChannel().appendLine(`${title}\n${names.map((n) => `  ${n}`).join('\n')}`); }
  return (await vscode.window.showWarningMessage(title, { modal: true, detail: nameList(names) }, button)) === button;
}

export async function stopAll(view: ContainersView, options: BulkOptions = {}): Promise<ActionResult> {
  const list = await candidates(view, options, (c) => isUp(c.state));
  if (!list) { return NOTHING; }
  if (list.length === 0) { void vscode.window.showInformationMessage(vscode.l10n.t('No container is running: nothing to stop.')); return NOTHING; }
  const names = list.map((c) => c.name);
  if (!(await confirmed(options, vscode.l10n.t('Stop all {0} running containers?', String(list.length)), names, vscode.l10n.t('Stop All')))) { return NOTHING; }
  const ops = view.engine().containers;
  const result = await forEach(view, list, (c) => ops.stop(c.id), 16);
  return report(result, (n) => vscode.l10n.t('Stopped {0}', namesText(n)), () => containerCli.stopAll(),
    (n, e) => vscode.l10n.t('Could not stop {0}: {1}', n, e),
    [vscode.l10n.t('Stopped exactly these: {0}', containerCli.stop(result.done))]);
}

export async function removeStopped(view: ContainersView, options: BulkOptions = {}): Promise<ActionResult> {
  const list = await candidates(view, options, (c) => isStopped(c.state));
  if (!list) { return NOTHING; }
  if (list.length === 0) { void vscode.window.showInformationMessage(vscode.l10n.t('No stopped containers: nothing to remove.')); return NOTHING; }
  const names = list.map((c) => c.name);
  if (!(await confirmed(options, vscode.l10n.t('Remove all {0} stopped containers?', String(list.length)), names, vscode.l10n.t('Remove All')))) { return NOTHING; }
  const ops = view.engine().containers;
  const result = await forEach(view, list, (c) => ops.remove(c.id), 16);
  return report(result, (n) => vscode.l10n.t('Removed {0}', namesText(n)), () => containerCli.removeStopped(),
    (n, e) => vscode.l10n.t('Could not remove {0}: {1}', n, e),
    [vscode.l10n.t('Removed exactly these: {0}', containerCli.remove(result.done))]);
}
