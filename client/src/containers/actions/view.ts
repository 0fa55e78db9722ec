// The view's own toolbar: refresh, show all / running only, sort by name / created. Quiet: they
// print their command to the output channel and the status bar, without a notification each time.
import * as vscode from 'vscode';
import { containerCli } from '../../cli/containerCommands';
import { showCliEquivalent } from '../../cli/cliEquivalent';
import type { ContainersView } from '../containersView';
import type { ShowFilter, SortOrder } from '../model/grouping';

export function refresh(view: ContainersView): void {
  view.refreshNow();
  void showCliEquivalent(vscode.l10n.t('Listed the containers'), containerCli.list(view.tree.show === 'all'), { quiet: true });
}

export async function setShow(view: ContainersView, show: ShowFilter): Promise<void> {
  await view.setShow(show);
  const message = show === 'all' ? vscode.l10n.t('Showing all containers, stopped ones too') : vscode.l10n.t('Showing running containers only');
  void showCliEquivalent(message, containerCli.list(show === 'all'), { quiet: true });
}

export async function setSort(view: ContainersView, sort: SortOrder): Promise<void> {
  await view.setSort(sort);
  // `docker container ps` lists newest first; sorting by name has no flag, so the CLI form uses --format and sort.
  const command = sort === 'created' ? containerCli.list(view.tree.show === 'all') : `${containerCli.list(view.tree.show === 'all')} --format '{{.Names}}\\t{{.Image}}\\t{{.Status}}' | sort`;
  void showCliEquivalent(sort === 'created' ? vscode.l10n.t('Sorted by creation time, newest first') : vscode.l10n.t('Sorted by name'), command, { quiet: true });
}
