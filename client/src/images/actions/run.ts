// Run a container from an image: a few quick questions (name, ports, environment, detached or
// interactive), then the exact `docker container run` command is shown before anything runs.
import * as vscode from 'vscode';
import { dockerCommand } from '../../cli/shellQuote';
import { showCliEquivalent } from '../../cli/cliEquivalent';
import { inspectImage, runDetached } from '../../engine/images';
import { containerNameProblem, envListProblem, envProblem, portsProblem, runCliArgs, runCreateOptions, splitPorts, splitWords, suggestedPorts, type RunMode, type RunSpec } from '../model/runCommand';
import { envEntriesProblem, portListProblem } from '../model/inputRules';
import { openRunTerminal } from '../runTerminal';
import { cliRef, resolveTarget, showActionError, type Args, type ImagesContext } from './common';

export interface RunArgs {
  name: string;
  /** "80:80 443:443" or a list */
  ports: string | string[];
  env: string | string[];
  mode: RunMode;
  command: string[];
  labels: Record<string, string>;
  /** Run without showing the command first (tests). */
  confirm: boolean;
}

export async function runAction(ctx: ImagesContext, node: unknown, args: Args<RunArgs>): Promise<{ containerId?: string; command: string } | undefined> {
  try {
    const image = await resolveTarget(ctx, node, vscode.l10n.t('Image to run'));
    if (!image) { return undefined; }
    const ref = cliRef(image);
    const title = (step: number) => vscode.l10n.t('Run {0} ({1}/4)', ref, step);
    const name = args ? args.name ?? '' : await vscode.window.showInputBox({
      title: title(1), prompt: vscode.l10n.t('Container name (--name), or empty to let Docker pick one'), placeHolder: 'webhost',
      validateInput: (v) => containerNameProblem(v.trim(), vscode.l10n.t),
    });
    if (name === undefined) { return undefined; }
    let ports = args ? args.ports ?? [] : undefined;
    if (ports === undefined) {
      const info = await inspectImage(ctx.engine(), image.id);
      ports = await vscode.window.showInputBox({
        title: title(2), prompt: vscode.l10n.t('Published ports (--publish HOST:CONTAINER), separated by spaces; empty for none. The image exposes: {0}', Object.keys(info.Config?.ExposedPorts ?? {}).join(', ') || vscode.l10n.t('nothing')),
        value: suggestedPorts(info.Config?.ExposedPorts), placeHolder: '8080:80',
        validateInput: (v) => portsProblem(v, vscode.l10n.t),
      });
      if (ports === undefined) { return undefined; }
    }
    let env = args ? args.env ?? [] : undefined;
    if (env === undefined) {
      env = await vscode.window.showInputBox({
        title: title(3), prompt: vscode.l10n.t('Environment variables (--env KEY=value), separated by spaces; quote values with spaces'), placeHolder: 'GREETING="hello world" MODE=dev',
        validateInput: (v) => envProblem(v, vscode.l10n.t),
      });
      if (env === undefined) { return undefined; }
    }
    let mode = args ? args.mode ?? 'detached' : undefined;
    if (!mode) {
      const picked = await vscode.window.showQuickPick([
        { label: vscode.l10n.t('Detached (-d)'), description: vscode.l10n.t('runs in the background; see it in the Containers view'), mode: 'detached' as const },
        { label: vscode.l10n.t('Interactive (-it)'), description: vscode.l10n.t('opens a terminal connected to the container'), mode: 'interactive' as const },
      ], { title: title(4), placeHolder: vscode.l10n.t('How should the container run?') });
      if (!picked) { return undefined; }
      mode = picked.mode;
    }
    // Arguments from executeCommand never went through an input box: same checks, before any call.
    for (const problem of [portListProblem(ports, vscode.l10n.t), envEntriesProblem(env, vscode.l10n.t)]) {
      if (problem) { throw new Error(problem); }
    }
    if (typeof name !== 'string') { throw new Error(vscode.l10n.t('A container name is at least 2 characters: letters, digits, _, . and -, starting with a letter or digit')); }
    const spec: RunSpec = {
      image: image.ref, name: name.trim() || undefined,
      ports: Array.isArray(ports) ? ports : splitPorts(ports),
      env: Array.isArray(env) ? env : splitWords(env),
      mode, command: args?.command, labels: args?.labels,
    };
    for (const problem of [containerNameProblem(spec.name ?? '', vscode.l10n.t), portsProblem(spec.ports.join(' '), vscode.l10n.t), envListProblem(spec.env, vscode.l10n.t)]) {
      if (problem) { throw new Error(problem); }
    }
    const command = dockerCommand(...runCliArgs({ ...spec, image: ref }));
    if (!args?.confirm) {
      const run = vscode.l10n.t('Run');
      const copy = vscode.l10n.t('Copy command');
      const choice = await vscode.window.showInformationMessage(vscode.l10n.t('Run this command?'), { modal: true, detail: command }, run, copy);
      if (choice === copy) { await vscode.env.clipboard.writeText(command); return undefined; }
      if (choice !== run) { return undefined; }
    }
    if (mode === 'interactive') {
      openRunTerminal(ctx, spec, command);
      return { command };
    }
    const containerId = await runDetached(ctx.engine(), runCreateOptions(spec));
    ctx.tree.refreshSoon();
    void vscode.commands.executeCommand('dockerLearning.containers.refresh').then(undefined, () => undefined);
    void showCliEquivalent(vscode.l10n.t('Started {0} from {1}', spec.name ?? containerId.slice(0, 12), ref), command);
    return { containerId, command };
  } catch (e) {
    await showActionError(vscode.l10n.t('Run'), e);
    return undefined;
  }
}
