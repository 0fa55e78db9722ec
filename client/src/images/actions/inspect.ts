// Inspect: the engine's JSON for an image in a read-only editor (docker image inspect), and
// history: the image's layers in the tree (docker image history).
import * as vscode from 'vscode';
import { dockerCommand } from '../../cli/shellQuote';
import { showCliEquivalent } from '../../cli/cliEquivalent';
import { inspectImage } from '../../engine/images';
import { resolveTarget, showActionError, cliRef, type ImagesContext } from './common';

export const INSPECT_SCHEME = 'docker-learning-image';

/** Serves docker-learning-image:/<ref>.json?<id>: read-only documents, fetched fresh when opened. */
export class InspectProvider implements vscode.TextDocumentContentProvider {
  constructor(private readonly ctx: ImagesContext) {}
  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const id = decodeURIComponent(uri.query);
    return `${JSON.stringify(await inspectImage(this.ctx.engine(), id), null, 2)}\n`;
  }
}

export async function inspectAction(ctx: ImagesContext, node: unknown): Promise<{ uri: string; command: string } | undefined> {
  try {
    const image = await resolveTarget(ctx, node, vscode.l10n.t('Image to inspect'));
    if (!image) { return undefined; }
    const name = cliRef(image).replace(/[/:]/g, '_');
    const uri = vscode.Uri.from({ scheme: INSPECT_SCHEME, path: `/${name}.json`, query: encodeURIComponent(image.id) });
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.languages.setTextDocumentLanguage(doc, 'json');
    await vscode.window.showTextDocument(doc, { preview: true });
    const command = dockerCommand('image', 'inspect', cliRef(image));
    void showCliEquivalent(vscode.l10n.t('Inspected {0}', cliRef(image)), command);
    return { uri: uri.toString(), command };
  } catch (e) {
    await showActionError(vscode.l10n.t('Inspect'), e);
    return undefined;
  }
}

export async function historyAction(ctx: ImagesContext, node: unknown): Promise<{ command: string } | undefined> {
  try {
    const image = await resolveTarget(ctx, node, vscode.l10n.t('Image whose layers to show'));
    if (!image) { return undefined; }
    // Showing the layers is a courtesy: the tree may be mid-refresh or hidden, the command still counts.
    try {
      const shown = ctx.tree.findImageNode(image.ref);
      if (shown && ctx.treeView) { await ctx.treeView.reveal(shown, { expand: true, focus: true, select: true }); }
      else { await vscode.commands.executeCommand('dockerLearning.images.focus'); }
    } catch {
      // The node went away between the listing and the reveal (a refresh): show the view at least.
      await Promise.resolve(vscode.commands.executeCommand('dockerLearning.images.focus')).catch(() => undefined);
    }
    const command = dockerCommand('image', 'history', cliRef(image));
    void showCliEquivalent(vscode.l10n.t('The layers of {0}, newest first', cliRef(image)), command);
    return { command };
  } catch (e) {
    await showActionError(vscode.l10n.t('History'), e);
    return undefined;
  }
}
