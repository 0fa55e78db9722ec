// What every image action shares: finding the image it acts on (a tree node, a plain { ref }
// from a test or another command, or a pick), progress with cancellation, and error messages.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DockerEngine } from '../../engine/dockerEngine';
import { CancelledError, EngineError, listImages, type ImageSummary } from '../../engine/images';
import { failureText } from '../../containers/texts';
import type { DockerfileLinks } from '../dockerfileLinks';
import type { ImagesTree } from '../imagesTree';
import { humanSize, shortId } from '../model/format';

export interface ImagesContext {
  engine: () => DockerEngine;
  tree: ImagesTree;
  links: DockerfileLinks;
  treeView?: vscode.TreeView<vscode.TreeItem>;
}

export interface ImageTarget {
  /** repo:tag, or the id for a dangling image. */
  ref: string;
  id: string;
  image: ImageSummary;
}

/** A tree node from dist/extension.js or a plain object: both have `ref` (and a node has `image`). */
export async function resolveTarget(ctx: ImagesContext, arg: unknown, placeholder: string): Promise<ImageTarget | undefined> {
  const given = typeof arg === 'string' ? arg : (arg && typeof arg === 'object' && 'ref' in arg) ? String((arg as { ref: unknown }).ref) : undefined;
  const images = await listImages(ctx.engine());
  if (given) {
    const hit = images.find((i) => i.id === given || i.repoTags.includes(given) || shortId(i.id) === given.replace(/^sha256:/, ''))
      ?? images.find((i) => i.repoTags.includes(`${given}:latest`));
    if (!hit) { throw new EngineError(vscode.l10n.t('No image {0} in the engine', given)); }
    return { ref: hit.repoTags.includes(given) ? given : hit.repoTags.includes(`${given}:latest`) ? `${given}:latest` : hit.id, id: hit.id, image: hit };
  }
  const items = images.flatMap((i) => (i.repoTags.length ? i.repoTags : [i.id]).map((ref) => ({
    label: ref === i.id ? `<none> ${shortId(i.id)}` : ref, description: humanSize(i.size), ref, image: i,
  }))).sort((a, b) => a.label.localeCompare(b.label));
  const pick = await vscode.window.showQuickPick(items, { placeHolder: placeholder, matchOnDescription: true });
  return pick ? { ref: pick.ref, id: pick.image.id, image: pick.image } : undefined;
}

/** The name a command line uses: repo:tag, else the short id the CLI prints. */
export function cliRef(target: ImageTarget): string {
  return target.ref === target.id ? shortId(target.id) : target.ref;
}

export type Report = (message: string, fraction?: number) => void;

/** A notification with a Cancel button; the task gets an AbortSignal that Cancel fires. */
export function withCancellableProgress<T>(title: string, task: (report: Report, signal: AbortSignal) => Promise<T>): Thenable<T> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) => {
    const controller = new AbortController();
    token.onCancellationRequested(() => controller.abort());
    let done = 0;
    const report: Report = (message, fraction) => {
      if (fraction === undefined) { progress.report({ message }); return; }
      const target = Math.min(100, Math.max(0, fraction * 100));
      const increment = target > done ? target - done : 0;
      done = Math.max(done, target);
      progress.report({ message, increment });
    };
    return task(report, controller.signal);
  });
}

/**
 * Tells the learner what went wrong, in their language around the engine's own words, with the
 * view's advice when the engine could not be reached (failureText). Never
 * waits for the message to be dismissed: a command's result must not depend on a click.
 */
export async function showActionError(what: string, e: unknown): Promise<void> {
  if (e instanceof CancelledError || (e as Error)?.message === 'cancelled') {
    void vscode.window.setStatusBarMessage(vscode.l10n.t('{0}: cancelled', what), 5000);
    return;
  }
  // The engine's words; translated, or followed by what to do when the engine was not reached.
  const message = failureText(e, e instanceof Error ? e.message : String(e));
  void vscode.window.showErrorMessage(vscode.l10n.t('{0} failed: {1}', what, message));
}

/** A path as the learner would type it in a terminal opened in the workspace folder. */
export function cliPath(fsPath: string): string {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (folder) {
    const rel = path.relative(folder, fsPath);
    if (!rel) { return '.'; }
    if (!rel.startsWith('..') && !path.isAbsolute(rel)) { return rel.split(path.sep).join('/'); }
  }
  return fsPath;
}

/**
 * Options passed instead of answering prompts (tests, other commands). When a command gets an
 * options object, it asks nothing: a missing field takes its default.
 */
export type Args<T> = Partial<T> | undefined;
