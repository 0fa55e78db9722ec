// `docker container top <name>`: the container's processes as the host sees them, in a read-only
// table document.
import * as vscode from 'vscode';
import { containerCli } from '../../cli/containerCommands';
import { showCliEquivalent } from '../../cli/cliEquivalent';
import type { ContainersView } from '../containersView';
import { documentUri, ReadOnlyDocuments } from '../documents';
import { formatTable } from '../model/table';
import { ActionResult, errorText, NOTHING, targetsAndOptions } from './common';

export async function showProcesses(view: ContainersView, docs: ReadOnlyDocuments, args: unknown[]): Promise<ActionResult & { document?: vscode.TextDocument }> {
  const picked = await targetsAndOptions(view, args, { applies: (c) => c.state === 'running' || c.state === 'paused', many: false, placeholder: vscode.l10n.t('Whose processes?') });
  if (!picked) { return NOTHING; }
  const c = picked.containers[0];
  const command = containerCli.top(c.name);
  let table: string;
  try {
    const top = await view.engine().containers.top(c.id);
    table = formatTable(top.titles, top.processes);
  } catch (e) {
    const message = vscode.l10n.t('Could not list the processes of {0}: {1}', c.name, errorText(e));
    void vscode.window.showErrorMessage(message);
    return { done: [], failed: [{ name: c.name, error: errorText(e) }] };
  }
  const text = [
    `$ ${command}`,
    vscode.l10n.t('Processes running in {0}, as the host sees them: PID and PPID are the host\'s process ids, not the ones inside the container.', c.name),
    vscode.l10n.t('Run the command again to refresh this list.'),
    '',
    table,
    '',
  ].join('\n');
  const document = await docs.show(documentUri(c.name, 'top.txt', c.id), text);
  void showCliEquivalent(vscode.l10n.t('Listed the processes of {0}', c.name), command);
  return { done: [c.name], failed: [], command, document };
}
