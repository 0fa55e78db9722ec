// Pull and push through the engine, with the registry's progress stream. Push teaches Docker
// Hub's account/name:tag naming and `docker login`; credentials come only from the docker config
// (its credential store or auths) — this extension never asks for or keeps a password.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as vscode from 'vscode';
import { dockerCommand } from '../../cli/shellQuote';
import { outputChannel, showCliEquivalent } from '../../cli/cliEquivalent';
import { pullImage, pushImage, RegistryError, type PullPushProgress } from '../../engine/images';
import { credentialsFor, loginArgs, type RegistryAuth } from '../../engine/imagesRegistryAuth';
import { humanSize } from '../model/format';
import { imageRefProblem, pushNamingProblem, registryOf, withDefaultTag } from '../model/imageRef';
import { tagAction } from './tag';
import { resolveTarget, showActionError, withCancellableProgress, type Args, type ImagesContext, type Report } from './common';

export interface PullArgs { ref: string }
export interface PushArgs { ref: string; /** Push without credentials (a local registry that needs none). */ anonymous: boolean }
export interface RegistryOutcome { ok: boolean; command: string; problem?: string; message?: string; digest?: string }

let loginTerminal: vscode.Terminal | undefined;

export function registryCredentials(registry: string): Promise<RegistryAuth | undefined> {
  return credentialsFor(registry, {
    env: process.env, homedir: os.homedir(),
    readFile: (f) => { try { return fs.readFileSync(f, 'utf8'); } catch { return undefined; } },
  });
}

/** Layer-by-layer progress lines → one message and a fraction of bytes done. */
function progressReporter(report: Report, verb: string): (p: PullPushProgress) => void {
  const layers = new Map<string, { current: number; total: number; status: string }>();
  return (p) => {
    if (p.layer && p.total) { layers.set(p.layer, { current: p.current ?? 0, total: p.total, status: p.status }); }
    else if (p.layer && layers.has(p.layer)) { const l = layers.get(p.layer)!; l.status = p.status; if (/complete|already exists|pushed|mounted/i.test(p.status)) { l.current = l.total; } }
    let current = 0; let total = 0;
    for (const l of layers.values()) { current += l.current; total += l.total; }
    outputChannel().appendLine(`  ${p.layer ? `${p.layer}: ` : ''}${p.status}`);
    if (total > 0) { report(vscode.l10n.t('{0} {1} layers: {2} of {3}', verb, layers.size, humanSize(current), humanSize(total)), current / total); }
    else { report(p.status); }
  };
}

async function explainRegistryError(e: RegistryError, ref: string, verb: 'pull' | 'push'): Promise<void> {
  const loadOffline = vscode.l10n.t('Load from a file…');
  const login = vscode.l10n.t('Run docker login in terminal');
  const action = verb === 'pull' ? vscode.l10n.t('pull') : vscode.l10n.t('push');
  // Non-modal messages show no detail: the engine's own words go to the output channel.
  outputChannel().appendLine(`  ${e.message}`);
  switch (e.problem) {
    case 'unreachable': {
      const choice = await vscode.window.showErrorMessage(vscode.l10n.t('No registry is reachable: {0} cannot be reached to {1} {2}. Check the network or the proxy of the Docker engine. Offline, bring images as files: docker image save on a connected machine, then load here.', e.registry, action, ref), { detail: e.message }, ...(verb === 'pull' ? [loadOffline] : []));
      if (choice === loadOffline) { await vscode.commands.executeCommand('dockerLearning.images.load'); }
      return;
    }
    case 'unauthorized': {
      const choice = await vscode.window.showErrorMessage(vscode.l10n.t('{0} refused: not logged in, or this account may not {1} {2}. Run docker login for {0} in a terminal, then try again.', e.registry, action, ref), { detail: e.message }, login);
      if (choice === login) { openLogin(e.registry); }
      return;
    }
    case 'notFound':
      await vscode.window.showErrorMessage(vscode.l10n.t('{0} has no image {1}: check the name and the tag (or log in if it is private).', e.registry, ref), { detail: e.message });
      return;
    default:
      await vscode.window.showErrorMessage(vscode.l10n.t('{0} {1} failed: {2}', action, ref, e.message));
  }
}

function openLogin(registry: string): void {
  if (!loginTerminal || loginTerminal.exitStatus !== undefined) { loginTerminal = vscode.window.createTerminal({ name: vscode.l10n.t('docker login') }); }
  loginTerminal.show();
  // The password is typed into docker's own prompt, which keeps it in its config or credential store.
  loginTerminal.sendText(dockerCommand(...loginArgs(registry)), true);
}

export async function pullAction(ctx: ImagesContext, args: Args<PullArgs>): Promise<RegistryOutcome | undefined> {
  let ref = args?.ref;
  if (!ref) {
    ref = await vscode.window.showInputBox({
      title: vscode.l10n.t('Pull an image (docker image pull)'),
      prompt: vscode.l10n.t('name:tag from a registry: nginx:1.25, account/app:v1, localhost:5000/app:v1. Without a tag Docker pulls :latest.'),
      placeHolder: 'nginx:latest',
      validateInput: (v) => imageRefProblem(v, vscode.l10n.t, { allowDigest: true }),
    });
    if (!ref) { return undefined; }
  }
  ref = withDefaultTag(ref.trim());
  const command = dockerCommand('image', 'pull', ref);
  const registry = registryOf(ref);
  const pulled = ref;
  try {
    const problem = imageRefProblem(ref, vscode.l10n.t, { allowDigest: true });
    if (problem) { throw new Error(problem); }
    const auth = await registryCredentials(registry);
    outputChannel().appendLine(`$ ${command}`);
    await withCancellableProgress(vscode.l10n.t('Pulling {0}', ref), (report, signal) =>
      pullImage(ctx.engine(), pulled, registry, { signal, auth, onProgress: progressReporter(report, vscode.l10n.t('Downloading')) }));
    ctx.tree.refreshSoon();
    void showCliEquivalent(vscode.l10n.t('Pulled {0} from {1}', ref, registry), command);
    return { ok: true, command };
  } catch (e) {
    if (e instanceof RegistryError) {
      void explainRegistryError(e, ref, 'pull');
      return { ok: false, command, problem: e.problem, message: e.message };
    }
    void showActionError(vscode.l10n.t('Pull'), e);
    return { ok: false, command, message: e instanceof Error ? e.message : String(e) };
  }
}

export async function pushAction(ctx: ImagesContext, node: unknown, args: Args<PushArgs>): Promise<RegistryOutcome | undefined> {
  let ref: string;
  try {
    const image = await resolveTarget(ctx, args?.ref ?? node, vscode.l10n.t('Image to push'));
    if (!image) { return undefined; }
    if (image.ref === image.id) {
      void vscode.window.showWarningMessage(vscode.l10n.t('This image has no name. Tag it as account/name:tag first, then push that name.'));
      return undefined;
    }
    ref = image.ref;
  } catch (e) {
    await showActionError(vscode.l10n.t('Push'), e);
    return undefined;
  }
  const naming = pushNamingProblem(ref, vscode.l10n.t);
  if (naming) {
    if (args?.ref) { return { ok: false, command: dockerCommand('image', 'push', ref), problem: 'naming', message: naming }; }
    const tagFirst = vscode.l10n.t('Tag as account/name…');
    const choice = await vscode.window.showWarningMessage(vscode.l10n.t('Push {0}?', ref), {
      modal: true,
      detail: `${naming}\n\n${vscode.l10n.t('The name says where the image goes: [registry/]account/name:tag. Then `docker login` once, and push:')}\n${dockerCommand('image', 'tag', ref, 'account/name:tag')}\n${dockerCommand('login')}\n${dockerCommand('image', 'push', 'account/name:tag')}`,
    }, tagFirst);
    if (choice !== tagFirst) { return undefined; }
    const tagged = await tagAction(ctx, { ref }, undefined);
    if (!tagged) { return undefined; }
    ref = tagged.target;
  }
  const registry = registryOf(ref);
  const command = dockerCommand('image', 'push', ref);
  const auth = await registryCredentials(registry);
  if (!auth && !args?.anonymous) {
    const login = vscode.l10n.t('Run docker login in terminal');
    const anyway = vscode.l10n.t('Push without login');
    const choice = await vscode.window.showInformationMessage(
      vscode.l10n.t('Push {0} to {1}?', ref, registry),
      {
        modal: true,
        detail: vscode.l10n.t('No docker login for {0} was found in your docker config. Log in once in a terminal with {1}: Docker keeps the credentials in its own config or credential store, and this extension reads them from there. Passwords never go into VS Code settings.', registry, dockerCommand(...loginArgs(registry))),
      },
      login, anyway);
    if (choice === login) { openLogin(registry); return undefined; }
    if (choice !== anyway) { return undefined; }
  }
  const pushed = ref;
  try {
    outputChannel().appendLine(`$ ${command}`);
    const digest = await withCancellableProgress(vscode.l10n.t('Pushing {0}', ref), (report, signal) =>
      pushImage(ctx.engine(), pushed, registry, { signal, auth, onProgress: progressReporter(report, vscode.l10n.t('Uploading')) }));
    ctx.tree.refreshSoon();
    void showCliEquivalent(vscode.l10n.t('Pushed {0} to {1}{2}', ref, registry, digest ? ` (${digest})` : ''), command);
    return { ok: true, command, digest };
  } catch (e) {
    if (e instanceof RegistryError) {
      void explainRegistryError(e, ref, 'push');
      return { ok: false, command, problem: e.problem, message: e.message };
    }
    void showActionError(vscode.l10n.t('Push'), e);
    return { ok: false, command, message: e instanceof Error ? e.message : String(e) };
  }
}

