// Copy the id or the name: silent actions, but they too teach the command that prints the value.
import * as vscode from 'vscode';
import { containerCli } from '../../cli/containerCommands';
import { showCliEquivalent } from '../../cli/cliEquivalent';
import type { ContainersView } from '../containersView';
import { ActionResult, NOTHING, targetsAndOptions } from './common';

export async function copyField(view: ContainersView, field: 'id' | 'name', args: unknown[]): Promise<ActionResult & { copied?: string }> {
  const picked = await targetsAndOptions(view, args, { many: true, placeholder: field === 'id' ? vscode.l10n.t('Copy the id of which container?') : vscode.l10n.t('Copy the name of which container?') });
  if (!picked) { return NOTHING; }
  const values = picked.containers.map((c) => (field === 'id' ? c.id : c.name));
  const copied = values.join('\n');
  await vscode.env.clipboard.writeText(copied);
  const names = picked.containers.map((c) => c.name);
  const first = picked.containers[0];
  const command = field === 'id' ? containerCli.copyId(first.name) : containerCli.copyName(first.id.slice(0, 12));
  const message = field === 'id' ? vscode.l10n.t('Copied the id of {0}', names.join(', ')) : vscode.l10n.t('Copied the name of {0}', names.join(', '));
  void showCliEquivalent(message, command);
  return { done: names, failed: [], command, copied };
}
