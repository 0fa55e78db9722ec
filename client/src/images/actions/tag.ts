// Tag: a second name for the same image id (docker image tag ID account/nginx:v1) — how an image
// gets the account/name:tag it needs before a push.
import * as vscode from 'vscode';
import { dockerCommand } from '../../cli/shellQuote';
import { showCliEquivalent } from '../../cli/cliEquivalent';
import { tagImage } from '../../engine/images';
import { shortId } from '../model/format';
import { imageRefProblem, splitImageRef } from '../model/imageRef';
import { resolveTarget, showActionError, type Args, type ImagesContext } from './common';

export interface TagArgs { target: string }
export interface TagResult { target: string; command: string }

export async function tagAction(ctx: ImagesContext, node: unknown, args: Args<TagArgs>): Promise<TagResult | undefined> {
  try {
    const image = await resolveTarget(ctx, node, vscode.l10n.t('Image to tag'));
    if (!image) { return undefined; }
    let target = args?.target;
    if (target === undefined) {
      const r = splitImageRef(image.ref === image.id ? 'account/name:v1' : image.ref);
      const suggestion = r.path.includes('/') || r.domain ? `${r.domain ? `${r.domain}/` : ''}${r.path}:v1` : `account/${r.path}:v1`;
      target = await vscode.window.showInputBox({
        title: vscode.l10n.t('Tag {0}', image.ref === image.id ? shortId(image.id) : image.ref),
        prompt: vscode.l10n.t('New name for the same image, as account/name:tag (Docker Hub needs your account name in front to push).'),
        value: suggestion,
        valueSelection: suggestion.startsWith('account/') ? [0, 'account'.length] : undefined,
        validateInput: (v) => imageRefProblem(v, vscode.l10n.t),
      });
      if (!target) { return undefined; }
    }
    target = target.trim();
    const problem = imageRefProblem(target, vscode.l10n.t);
    if (problem) { throw new Error(problem); }
    await tagImage(ctx.engine(), image.id, target);
    ctx.tree.refreshSoon();
    const command = dockerCommand('image', 'tag', shortId(image.id), target);
    void showCliEquivalent(vscode.l10n.t('Tagged {0} as {1}', image.ref === image.id ? shortId(image.id) : image.ref, target), command);
    return { target, command };
  } catch (e) {
    await showActionError(vscode.l10n.t('Tag'), e);
    return undefined;
  }
}
