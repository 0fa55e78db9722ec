// What every container action shares: running on several containers at once with a progress
// spinner on the view, telling the learner the command it stands for, and saying what failed.
import * as vscode from 'vscode';
import { outputChannel, showCliEquivalent } from '../../cli/cliEquivalent';
import { ContainerGoneError } from '../../engine/containers';
import type { ContainerSummary } from '../../engine/containerSummary';
import type { ContainersView } from '../containersView';
import { failureText } from '../texts';
import { splitArgs, resolveTargets, TargetRequest } from '../targets';

export interface ActionResult {
  /** Names of the containers the action succeeded on. */
  done: string[];
  failed: { name: string; error: string }[];
  /** The docker command shown to the learner. */
  command?: string;
}

export const NOTHING: ActionResult = { done: [], failed: [] };

/** Runs `fn` for each container, a few at a time (stopping waits up to 10 s per container). */
export async function forEach(view: ContainersView, containers: ContainerSummary[], fn: (c: ContainerSummary) => Promise<unknown>, concurrency = 8): Promise<ActionResult> {
  const done: string[] = [];
  const failed: ActionResult['failed'] = [];
  let next = 0;
  const worker = async () => {
    while (next < containers.length) {
      const c = containers[next++];
      try { await fn(c); done.push(c.name); } catch (e) { failed.push({ name: c.name, error: e instanceof ContainerGoneError ? vscode.l10n.t('it no longer exists: it was removed meanwhile (from a terminal or another tool). Refresh the view.') : failureText(e) }); }
    }
  };
  await vscode.window.withProgress({ location: { viewId: 'dockerLearning.containers' } }, () =>
    Promise.all(Array.from({ length: Math.min(concurrency, containers.length) }, worker)));
  // Keep the learner's order in messages and commands, not the order the engine finished in.
  const order = new Map(containers.map((c, i) => [c.name, i]));
  done.sort((a, b) => order.get(a)! - order.get(b)!);
  // The events stream reports these changes too; this covers an engine whose stream is down.
  view.containersChanged(containers.map((c) => c.id));
  return { done, failed };
}

/** Shows what was done and the command for it; says what failed, once, with the engine's words (and advice, see failureText). */
export function report(result: ActionResult, message: (names: string[]) => string, command: (names: string[]) => string, failure: (name: string, error: string) => string, details?: string[]): ActionResult {
  if (result.done.length) {
    result.command = command(result.done);
    void showCliEquivalent(message(result.done), result.command, { details });
  }
  if (result.failed.length) {
    const lines = result.failed.map((f) => failure(f.name, f.error));
    lines.forEach((l) => outputChannel().appendLine(l));
    void vscode.window.showErrorMessage(lines.length === 1 ? lines[0] : `${lines[0]} (+${lines.length - 1})`, { detail: lines.join('\n') });
  }
  return result;
}

/** Resolves a command's arguments to containers and options; undefined when the learner cancelled. */
export async function targetsAndOptions<O extends object>(view: ContainersView, args: unknown[], req: TargetRequest): Promise<{ containers: ContainerSummary[]; options: Partial<O> } | undefined> {
  const { targets, options } = splitArgs<O>(args);
  try {
    const containers = await resolveTargets(view, targets, req);
    return containers?.length ? { containers, options } : undefined;
  } catch (e) {
    void vscode.window.showErrorMessage(failureText(e));
    return undefined;
  }
}

/** The engine's words, translated or with advice when the engine was not reached (texts.ts failureText). */
export function errorText(e: unknown): string {
  return failureText(e);
}
