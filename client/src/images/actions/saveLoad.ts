// Offline images, as in the course: save an image to a .tar file (docker image save nginx:v1 -o
// nginx.tar) and load it on another machine (docker image load -i nginx.tar). Both show progress
// and can be cancelled; a cancelled save leaves no half file.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { dockerCommand } from '../../cli/shellQuote';
import { showCliEquivalent } from '../../cli/cliEquivalent';
import { loadImage, saveImage } from '../../engine/images';
import { humanSize } from '../model/format';
import { splitImageRef } from '../model/imageRef';
import { cliPath, cliRef, resolveTarget, showActionError, withCancellableProgress, type Args, type ImagesContext } from './common';

export interface FileArgs { file: string }

function defaultFolder(): vscode.Uri | undefined {
  return vscode.workspace.workspaceFolders?.[0]?.uri;
}

export async function saveAction(ctx: ImagesContext, node: unknown, args: Args<FileArgs>): Promise<{ file: string; bytes: number; command: string } | undefined> {
  try {
    const image = await resolveTarget(ctx, node, vscode.l10n.t('Image to save to a file'));
    if (!image) { return undefined; }
    let file = args?.file;
    if (!file) {
      const r = splitImageRef(image.ref === image.id ? 'image' : image.ref);
      const base = `${r.path.split('/').pop()}${r.tag && r.tag !== 'latest' ? `-${r.tag}` : ''}.tar`;
      const folder = defaultFolder();
      const uri = await vscode.window.showSaveDialog({
        title: vscode.l10n.t('Save {0} to a file (docker image save)', cliRef(image)),
        defaultUri: folder ? vscode.Uri.joinPath(folder, base) : undefined,
        filters: { [vscode.l10n.t('Image archives')]: ['tar', 'image'] },
        saveLabel: vscode.l10n.t('Save image'),
      });
      if (!uri) { return undefined; }
      file = uri.fsPath;
    }
    const target = file;
    const estimate = image.image.size;
    const bytes = await withCancellableProgress(vscode.l10n.t('Saving {0}', cliRef(image)), (report, signal) =>
      saveImage(ctx.engine(), image.ref, target, {
        signal,
        // The tar is the image's layers plus a little metadata: its size is a good estimate.
        onBytes: (n) => report(vscode.l10n.t('{0} written', humanSize(n)), Math.min(0.99, n / Math.max(estimate, 1))),
      }));
    const command = dockerCommand('image', 'save', cliRef(image), '-o', cliPath(target));
    void showCliEquivalent(vscode.l10n.t('Saved {0} to {1} ({2})', cliRef(image), cliPath(target), humanSize(bytes)), command);
    return { file: target, bytes, command };
  } catch (e) {
    await showActionError(vscode.l10n.t('Save image'), e);
    return undefined;
  }
}

export async function loadAction(ctx: ImagesContext, args: Args<FileArgs>): Promise<{ loaded: string[]; command: string } | undefined> {
  try {
    let file = args?.file;
    if (!file) {
      const picked = await vscode.window.showOpenDialog({
        title: vscode.l10n.t('Load an image from a file (docker image load)'),
        defaultUri: defaultFolder(),
        canSelectMany: false,
        filters: { [vscode.l10n.t('Image archives')]: ['tar', 'image'], [vscode.l10n.t('All files')]: ['*'] },
        openLabel: vscode.l10n.t('Load image'),
      });
      if (!picked?.length) { return undefined; }
      file = picked[0].fsPath;
    }
    const source = file;
    await fs.promises.access(source, fs.constants.R_OK);
    const result = await withCancellableProgress(vscode.l10n.t('Loading {0}', cliPath(source)), (report, signal) =>
      loadImage(ctx.engine(), source, {
        signal,
        onBytes: (read, total) => report(vscode.l10n.t('{0} of {1} sent to the engine', humanSize(read), humanSize(total)), read / Math.max(total, 1)),
      }));
    ctx.tree.refreshSoon();
    const command = dockerCommand('image', 'load', '-i', cliPath(source));
    void showCliEquivalent(vscode.l10n.t('Loaded {0}', result.loaded.join(', ') || cliPath(source)), command);
    return { loaded: result.loaded, command };
  } catch (e) {
    await showActionError(vscode.l10n.t('Load image'), e);
    return undefined;
  }
}
