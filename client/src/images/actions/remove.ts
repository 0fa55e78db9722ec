// Remove: `docker image rm`. When containers use the image the engine refuses without force; we
// name them first and offer force, and explain what force does (a running container's image
// cannot be deleted by id even then).
import * as vscode from 'vscode';
import { dockerCommand } from '../../cli/shellQuote';
import { showCliEquivalent } from '../../cli/cliEquivalent';
import { containersUsing, ImageInUseError, removeImage, type ImageContainerRef, type RemoveResult } from '../../engine/images';
import { cliRef, resolveTarget, showActionError, type Args, type ImagesContext } from './common';

export interface RemoveArgs {
  /** Skip the confirmation (tests, or a caller that already asked). */
  confirm: boolean;
  force: boolean;
}

export interface RemoveOutcome {
  removed?: RemoveResult;
  refused?: { message: string; containers: ImageContainerRef[]; cannotForce: boolean };
  command?: string;
}

function describe(containers: ImageContainerRef[]): string {
  return containers.map((c) => `${c.name} (${c.state})`).join(', ');
}

export async function removeAction(ctx: ImagesContext, node: unknown, args: Args<RemoveArgs>): Promise<RemoveOutcome | undefined> {
  try {
    const image = await resolveTarget(ctx, node, vscode.l10n.t('Image to remove'));
    if (!image) { return undefined; }
    const ref = cliRef(image);
    const users = await containersUsing(ctx.engine(), image.id);
    let force = args?.force ?? false;
    if (!args?.confirm) {
      const remove = vscode.l10n.t('Remove');
      const forceRemove = vscode.l10n.t('Force remove');
      const otherNames = image.image.repoTags.filter((t) => t !== image.ref);
      let detail = otherNames.length
        ? vscode.l10n.t('The image keeps its other names ({0}): only this name goes.', otherNames.join(', '))
        : vscode.l10n.t('This is its last name: the image and the layers no other image shares are deleted.');
      let buttons = [remove];
      if (users.length) {
        const running = users.filter((c) => c.state === 'running');
        detail = `${vscode.l10n.t('Containers use this image: {0}. Docker refuses to remove it without force (-f).', describe(users))}\n\n${running.length
          ? vscode.l10n.t('Running containers keep the image: force only takes the name away. Stop and remove the containers to delete it.')
          : vscode.l10n.t('Force removes the image anyway; the stopped containers keep their files but show only an image id.')}`;
        buttons = [forceRemove];
      }
      detail += `\n\n${dockerCommand('image', 'rm', ...(users.length ? ['-f'] : []), ref)}`;
      const choice = await vscode.window.showWarningMessage(vscode.l10n.t('Remove image {0}?', ref), { modal: true, detail }, ...buttons);
      if (!choice) { return undefined; }
      force = choice === forceRemove;
    }
    const command = dockerCommand('image', 'rm', ...(force ? ['-f'] : []), ref);
    try {
      const removed = await removeImage(ctx.engine(), image.ref, { force });
      ctx.tree.refreshSoon();
      const message = removed.deleted.length
        ? vscode.l10n.t('Removed {0}: {1} untagged, {2} deleted', ref, removed.untagged.length, removed.deleted.length)
        : vscode.l10n.t('Untagged {0}: the image itself stays (other names or containers still use it)', ref);
      void showCliEquivalent(message, command);
      return { removed, command };
    } catch (e) {
      if (!(e instanceof ImageInUseError)) { throw e; }
      const refused = { message: e.message, containers: e.containers, cannotForce: e.cannotForce };
      const text = e.cannotForce
        ? vscode.l10n.t('Docker will not remove {0}: a running container uses it ({1}). Stop that container first.', ref, describe(e.containers) || e.message)
        : vscode.l10n.t('Docker refused to remove {0}: containers use it ({1}). Remove with force to do it anyway.', ref, describe(e.containers) || e.message);
      if (args?.confirm) {
        void vscode.window.showWarningMessage(text);
      } else {
        const forceRemove = vscode.l10n.t('Force remove');
        if (!e.cannotForce && (await vscode.window.showWarningMessage(text, { modal: true, detail: dockerCommand('image', 'rm', '-f', ref) }, forceRemove)) === forceRemove) {
          return removeAction(ctx, { ref: image.ref }, { confirm: true, force: true });
        }
      }
      return { refused, command };
    }
  } catch (e) {
    await showActionError(vscode.l10n.t('Remove image'), e);
    return undefined;
  }
}
