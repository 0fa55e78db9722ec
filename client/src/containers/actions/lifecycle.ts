// start, stop, restart, pause, unpause, kill: one engine call per container, each on every
// selected container at once. Only kill asks first, in a modal naming the containers: SIGKILL gives
// the processes no chance to finish writing (stop asks them to end, and they may).
import * as vscode from 'vscode';
import { containerCli } from '../../cli/containerCommands';
import type { ContainerOps } from '../../engine/containers';
import type { ContainerSummary } from '../../engine/containerSummary';
import type { ContainersView } from '../containersView';
import { isUp } from '../model/stateVisual';
import { namesText } from '../texts';
import { ActionResult, forEach, NOTHING, report, targetsAndOptions } from './common';
import { nameList } from './remove';

export interface KillOptions {
  /** Skips the modal (tests, scripts): true kills, false does nothing. */
  confirm: boolean;
}

interface LifecycleSpec {
  applies(c: ContainerSummary): boolean;
  run(ops: ContainerOps, c: ContainerSummary): Promise<unknown>;
  cli(names: string[]): string;
  done(names: string): string;
  failed(name: string, error: string): string;
  placeholder(): string;
  /** Said when a selection holds no container the action fits. */
  none(): string;
}

export const lifecycle: Record<'start' | 'stop' | 'restart' | 'pause' | 'unpause' | 'kill', LifecycleSpec> = {
  start: {
    applies: (c) => c.state === 'exited' || c.state === 'created',
    run: (ops, c) => ops.start(c.id),
    cli: containerCli.start,
    done: (n) => vscode.l10n.t('Started {0}', n),
    failed: (n, e) => vscode.l10n.t('Could not start {0}: {1}', n, e),
    placeholder: () => vscode.l10n.t('Containers to start'),
    none: () => vscode.l10n.t('None of these containers can be started now.'),
  },
  stop: {
    applies: (c) => isUp(c.state),
    run: (ops, c) => ops.stop(c.id),
    cli: containerCli.stop,
    done: (n) => vscode.l10n.t('Stopped {0}', n),
    failed: (n, e) => vscode.l10n.t('Could not stop {0}: {1}', n, e),
    placeholder: () => vscode.l10n.t('Containers to stop'),
    none: () => vscode.l10n.t('None of these containers can be stopped now.'),
  },
  restart: {
    applies: (c) => c.state !== 'removing' && c.state !== 'dead',
    run: (ops, c) => ops.restart(c.id),
    cli: containerCli.restart,
    done: (n) => vscode.l10n.t('Restarted {0}', n),
    failed: (n, e) => vscode.l10n.t('Could not restart {0}: {1}', n, e),
    placeholder: () => vscode.l10n.t('Containers to restart'),
    none: () => vscode.l10n.t('None of these containers can be restarted now.'),
  },
  pause: {
    applies: (c) => c.state === 'running',
    run: (ops, c) => ops.pause(c.id),
    cli: containerCli.pause,
    done: (n) => vscode.l10n.t('Paused {0}: its processes are frozen until you unpause it', n),
    failed: (n, e) => vscode.l10n.t('Could not pause {0}: {1}', n, e),
    placeholder: () => vscode.l10n.t('Containers to pause'),
    none: () => vscode.l10n.t('None of these containers can be paused now.'),
  },
  unpause: {
    applies: (c) => c.state === 'paused',
    run: (ops, c) => ops.unpause(c.id),
    cli: containerCli.unpause,
    done: (n) => vscode.l10n.t('Unpaused {0}', n),
    failed: (n, e) => vscode.l10n.t('Could not unpause {0}: {1}', n, e),
    placeholder: () => vscode.l10n.t('Containers to unpause'),
    none: () => vscode.l10n.t('None of these containers can be unpaused now.'),
  },
  kill: {
    applies: (c) => isUp(c.state),
    run: (ops, c) => ops.kill(c.id),
    cli: containerCli.kill,
    done: (n) => vscode.l10n.t('Killed {0} with SIGKILL (no time to clean up, unlike stop)', n),
    failed: (n, e) => vscode.l10n.t('Could not kill {0}: {1}', n, e),
    placeholder: () => vscode.l10n.t('Containers to kill'),
    none: () => vscode.l10n.t('None of these containers can be killed now.'),
  },
};

export async function runLifecycle(view: ContainersView, action: keyof typeof lifecycle, args: unknown[]): Promise<ActionResult> {
  const spec = lifecycle[action];
  const picked = await targetsAndOptions<KillOptions>(view, args, { applies: spec.applies, many: true, placeholder: spec.placeholder() });
  if (!picked) { return NOTHING; }
  // Of several containers (a selection, a Compose group) only those the action fits: "stop" on a
  // group stops the running ones. A single container is always tried: the engine says what is wrong.
  const containers = picked.containers.length > 1 ? picked.containers.filter(spec.applies) : picked.containers;
  if (containers.length === 0) {
    void vscode.window.showInformationMessage(spec.none());
    return NOTHING;
  }
  if (action === 'kill' && !(await confirmKill(containers.map((c) => c.name), picked.options.confirm))) { return NOTHING; }
  const ops = view.engine().containers;
  const result = await forEach(view, containers, (c) => spec.run(ops, c));
  return report(result, (names) => spec.done(namesText(names)), spec.cli, spec.failed);
}

/** The modal before SIGKILL, naming exactly the containers it will kill. */
async function confirmKill(names: string[], confirm: boolean | undefined): Promise<boolean> {
  if (typeof confirm === 'boolean') { return confirm; }
  const kill = vscode.l10n.t('Kill');
  const title = names.length === 1 ? vscode.l10n.t('Kill the container {0}?', names[0]) : vscode.l10n.t('Kill these {0} containers?', String(names.length));
  const detail = [
    nameList(names),
    '',
    vscode.l10n.t('Kill sends SIGKILL: the processes end at once, with no chance to finish writing or clean up. Stop asks them to end first and waits 10 seconds.'),
  ].join('\n');
  return (await vscode.window.showWarningMessage(title, { modal: true, detail }, kill)) === kill;
}
