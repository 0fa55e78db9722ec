// Prune dangling images (docker image prune): the confirmation lists exactly the images that will
// go, and only those are removed.
import * as vscode from 'vscode';
import { dockerCommand } from '../../cli/shellQuote';
import { showCliEquivalent } from '../../cli/cliEquivalent';
import { danglingImages, pruneImages } from '../../engine/images';
import { humanSize, relativeAge, shortId } from '../model/format';
import { showActionError, type Args, type ImagesContext } from './common';

export interface PruneArgs {
  confirm: boolean;
  /** Only dangling images with this label (tests: never touch another run's images). */
  label: string;
}

export async function pruneAction(ctx: ImagesContext, args: Args<PruneArgs>): Promise<{ removed: string[]; failed: string[]; command: string } | undefined> {
  const command = dockerCommand('image', 'prune');
  try {
    const list = await danglingImages(ctx.engine(), { label: args?.label });
    if (list.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No unused dangling images to prune.'));
      return { removed: [], failed: [], command };
    }
    if (!args?.confirm) {
      const total = list.reduce((n, i) => n + i.size, 0);
      const now = Date.now() / 1000;
      const lines = list.slice(0, 30).map((i) => `${shortId(i.id)}  ${humanSize(i.size)}  ${relativeAge(i.created, now, vscode.env.language)}`);
      if (list.length > 30) { lines.push(vscode.l10n.t('…and {0} more', list.length - 30)); }
      const prune = vscode.l10n.t('Remove {0} images', list.length);
      const choice = await vscode.window.showWarningMessage(
        vscode.l10n.t('Remove {0} dangling images (up to {1})?', list.length, humanSize(total)),
        { modal: true, detail: `${vscode.l10n.t('Dangling images have no name and no container uses them:')}\n${lines.join('\n')}\n\n${command}` },
        prune);
      if (choice !== prune) { return undefined; }
    }
    const result = await pruneImages(ctx.engine(), list.map((i) => i.id));
    ctx.tree.refreshSoon();
    void showCliEquivalent(vscode.l10n.t('Removed {0} dangling images, {1} reclaimed', result.removed.length, humanSize(result.reclaimed)), command);
    if (result.failed.length) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Docker kept {0} of them: {1}', result.failed.length, result.failed.map((f) => `${shortId(f.id)}: ${f.message}`).join('; ')));
    }
    return { removed: result.removed, failed: result.failed.map((f) => f.id), command };
  } catch (e) {
    await showActionError(vscode.l10n.t('Prune'), e);
    return undefined;
  }
}
