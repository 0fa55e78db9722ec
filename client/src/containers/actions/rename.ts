// `docker container rename <old> <new>`, asking for the new name (checked against Docker's rule).
import * as vscode from 'vscode';
import { containerCli } from '../../cli/containerCommands';
import type { ContainersView } from '../containersView';
import { containerNameProblem } from '../model/validate';
import { ActionResult, forEach, NOTHING, report, targetsAndOptions } from './common';

export function nameProblemText(name: string): string | undefined {
  switch (containerNameProblem(name)) {
    case 'empty': return vscode.l10n.t('Type a name.');
    case 'invalid': return vscode.l10n.t('A container name starts with a letter or digit and has at least two characters: letters, digits, _ . -');
    default: return undefined;
  }
}

export async function renameContainer(view: ContainersView, args: unknown[]): Promise<ActionResult> {
  // A bare string after the target is the new name: executeCommand('…rename', 'old', 'new').
  const newNameArg = typeof args[1] === 'string' ? args[1] : undefined;
  const picked = await targetsAndOptions<{ newName: string }>(view, newNameArg ? [args[0]] : args, { many: false, placeholder: vscode.l10n.t('Rename which container?') });
  if (!picked) { return NOTHING; }
  const c = picked.containers[0];
  let newName = newNameArg ?? picked.options.newName;
  if (newName === undefined) {
    newName = await vscode.window.showInputBox({
      title: vscode.l10n.t('Rename {0}', c.name),
      prompt: vscode.l10n.t('The new name for the container'),
      value: c.name,
      validateInput: (v) => nameProblemText(v.trim()),
    });
    if (newName === undefined) { return NOTHING; }
  }
  newName = newName.trim();
  const problem = nameProblemText(newName);
  if (problem) { void vscode.window.showErrorMessage(problem); return { done: [], failed: [{ name: c.name, error: problem }] }; }
  const target = newName;
  const result = await forEach(view, [c], (x) => view.engine().containers.rename(x.id, target));
  return report(result, () => vscode.l10n.t('Renamed {0} to {1}', c.name, target), () => containerCli.rename(c.name, target),
    (n, e) => vscode.l10n.t('Could not rename {0}: {1}', n, e));
}
