// Which containers a command acts on. VS Code calls tree commands with (clicked node, selected
// nodes); tests and other commands pass names, ids or arrays; the palette passes nothing and the
// learner picks. The options object (confirm, new name, …) may follow in any of these forms.
import * as vscode from 'vscode';
import type { ContainerSummary } from '../engine/containerSummary';
import type { ContainersView } from './containersView';

export interface TargetRequest {
  /** Which containers the action makes sense for, for the picker. */
  applies?: (c: ContainerSummary) => boolean;
  many: boolean;
  placeholder: string;
}

type NodeLike = { container?: ContainerSummary; group?: { containers: ContainerSummary[] } };

function isOptions(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && !('container' in x) && !('group' in x) && !('id' in x);
}

/** Splits VS Code's (node, nodes) or a test's (target, options) into targets and options. */
export function splitArgs<O extends object>(args: unknown[]): { targets: unknown[]; options: Partial<O> } {
  const [first, second] = args;
  let targets: unknown[] = [];
  let options: Partial<O> = {};
  if (Array.isArray(first)) { targets = first; } else if (first !== undefined && first !== null && !isOptions(first)) { targets = [first]; } else if (isOptions(first)) { options = first as Partial<O>; }
  if (Array.isArray(second)) {
    // Multi-select: the clicked node is among the selection (if it is not, VS Code acts on the clicked one).
    const clicked = targets[0];
    if (!clicked || second.includes(clicked)) { targets = second; }
  } else if (isOptions(second)) {
    options = second as Partial<O>;
  }
  return { targets, options };
}

export async function resolveTargets(view: ContainersView, raw: unknown[], req: TargetRequest): Promise<ContainerSummary[] | undefined> {
  const out = new Map<string, ContainerSummary>();
  let fresh: ContainerSummary[] | undefined;
  for (const t of raw) {
    const node = t as NodeLike;
    if (node && typeof node === 'object' && node.container) { out.set(node.container.id, node.container); continue; }
    if (node && typeof node === 'object' && node.group) { node.group.containers.forEach((c) => out.set(c.id, c)); continue; }
    const key = typeof t === 'string' ? t : (t as { id?: string })?.id;
    if (!key) { continue; }
    // Asked by name or id (a test, another command): ask the engine, the tree may be a moment behind.
    fresh ??= await view.engine().containers.list(true);
    const found = fresh.find((c) => c.id === key || c.name === key.replace(/^\//, '')) ?? (key.length >= 4 ? fresh.find((c) => c.id.startsWith(key)) : undefined);
    if (!found) { throw new Error(vscode.l10n.t('No container named or with id {0}', key)); }
    out.set(found.id, found);
  }
  if (out.size || raw.length) { return [...out.values()]; }
  return pick(view, req);
}

async function pick(view: ContainersView, req: TargetRequest): Promise<ContainerSummary[] | undefined> {
  const list = (await view.engine().containers.list(true)).filter(req.applies ?? (() => true));
  if (list.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No container to do this with.'));
    return undefined;
  }
  const items = list.map((c) => ({ label: c.name, description: `${c.image} · ${c.status}`, container: c }));
  if (req.many) {
    const chosen = await vscode.window.showQuickPick(items, { canPickMany: true, placeHolder: req.placeholder });
    return chosen?.length ? chosen.map((i) => i.container) : undefined;
  }
  const chosen = await vscode.window.showQuickPick(items, { placeHolder: req.placeholder });
  return chosen ? [chosen.container] : undefined;
}
