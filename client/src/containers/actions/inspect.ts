// `docker container inspect <name>`: the engine's full JSON for the container, read-only.
import * as vscode from 'vscode';
import { containerCli } from '../../cli/containerCommands';
import { showCliEquivalent } from '../../cli/cliEquivalent';
import type { ContainersView } from '../containersView';
import { documentUri, ReadOnlyDocuments } from '../documents';
import { ActionResult, errorText, NOTHING, targetsAndOptions } from './common';

export async function inspectContainer(view: ContainersView, docs: ReadOnlyDocuments, args: unknown[]): Promise<ActionResult & { document?: vscode.TextDocument }> {
  const picked = await targetsAndOptions(view, args, { many: false, placeholder: vscode.l10n.t('Inspect which container?') });
  if (!picked) { return NOTHING; }
  const c = picked.containers[0];
  const command = containerCli.inspect(c.name);
  let info: unknown;
  try { info = await view.engine().containers.inspect(c.id); } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not inspect {0}: {1}', c.name, errorText(e)));
    return { done: [], failed: [{ name: c.name, error: errorText(e) }] };
  }
  // The CLI prints an array, one entry per container named.
  const document = await docs.show(documentUri(c.name, 'inspect.json', c.id), `${JSON.stringify([info], null, 4)}\n`);
  void showCliEquivalent(vscode.l10n.t('Inspected {0}', c.name), command);
  return { done: [c.name], failed: [], command, document };
}
