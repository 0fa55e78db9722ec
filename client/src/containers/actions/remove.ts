// Remove: always a modal that names exactly the containers. A running container cannot simply be
// removed; the learner chooses between stopping it first (graceful) and rm -f (kill at once).
import * as vscode from 'vscode';
import { containerCli } from '../../cli/containerCommands';
import type { ContainersView } from '../containersView';
import { isUp } from '../model/stateVisual';
import { namesText } from '../texts';
import { ActionResult, forEach, NOTHING, report, targetsAndOptions } from './common';

export type RemoveMode = 'remove' | 'stopAndRemove' | 'force';
export interface RemoveOptions {
  /** Skips the modal (tests, scripts). true: stop-and-remove for running containers, plain remove otherwise. */
  confirm: boolean | RemoveMode;
}

/** The names, one per line, for a modal's detail; long lists are cut with a count. */
export function nameList(names: string[], limit = 40): string {
  const shown = names.slice(0, limit).map((n) => `• ${n}`);
  if (names.length > limit) { shown.push(vscode.l10n.t('… and {0} more (all listed in the Docker Learning output channel)', String(names.length - limit))); }
  return shown.join('\n');
}

export async function removeContainers(view: ContainersView, args: unknown[]): Promise<ActionResult> {
  const picked = await targetsAndOptions<RemoveOptions>(view, args, { many: true, placeholder: vscode.l10n.t('Containers to remove') });
  if (!picked) { return NOTHING; }
  const { containers } = picked;
  const names = containers.map((c) => c.name);
  const up = containers.filter((c) => isUp(c.state));
  let mode: RemoveMode | undefined;
  const confirm = picked.options.confirm;
  if (confirm === true) { mode = up.length ? 'stopAndRemove' : 'remove'; } else if (typeof confirm === 'string') { mode = confirm; } else if (confirm === false) { return NOTHING; }
  if (!mode) {
    const stopAndRemove = vscode.l10n.t('Stop and Remove');
    const force = vscode.l10n.t('Force Remove (rm -f)');
    const remove = vscode.l10n.t('Remove');
    const upNames = up.map((c) => c.name);
    const detail = [
      nameList(names),
      '',
      vscode.l10n.t('Removing deletes the container and everything written inside it; its image and named volumes stay.'),
      ...(up.length ? ['', vscode.l10n.t('Running now: {0}. Stop and Remove stops them gracefully first; Force Remove kills them at once.', upNames.join(', '))] : []),
    ].join('\n');
    const title = names.length === 1 ? vscode.l10n.t('Remove the container {0}?', names[0]) : vscode.l10n.t('Remove these {0} containers?', String(names.length));
    const choice = up.length
      ? await vscode.window.showWarningMessage(title, { modal: true, detail }, stopAndRemove, force)
      : await vscode.window.showWarningMessage(title, { modal: true, detail }, remove);
    mode = choice === stopAndRemove ? 'stopAndRemove' : choice === force ? 'force' : choice === remove ? 'remove' : undefined;
    if (!mode) { return NOTHING; }
  }
  const ops = view.engine().containers;
  const upIds = new Set(up.map((c) => c.id));
  const result = await forEach(view, containers, async (c) => {
    if (mode === 'stopAndRemove' && upIds.has(c.id)) { await ops.stop(c.id); }
    await ops.remove(c.id, { force: mode === 'force' });
  });
  const upNames = new Set(up.map((c) => c.name));
  const cli = (done: string[]) => {
    if (mode === 'force') { return containerCli.forceRemove(done); }
    const stopped = done.filter((n) => upNames.has(n));
    return mode === 'stopAndRemove' && stopped.length ? `${containerCli.stop(stopped)} && ${containerCli.remove(done)}` : containerCli.remove(done);
  };
  return report(result, (n) => vscode.l10n.t('Removed {0}', namesText(n)), cli, (n, e) => vscode.l10n.t('Could not remove {0}: {1}', n, e));
}
