// Reading the Containers tree from a suite. The tree's classes live in dist/extension.js, not in the
// test bundle: nodes are matched on what VS Code shows (label, contextValue), never with instanceof.
import * as vscode from 'vscode';
import type { DockerLearningApi } from '../../client/src/extension';

export type Node = vscode.TreeItem & { nodeKind?: string; container?: { id: string; name: string; state: string }; group?: { key: string } };

export async function rootNodes(api: DockerLearningApi): Promise<Node[]> {
  return (await api.containersTree.getChildren()) as Node[];
}

/** The nodes under `parents`, all the way down (groups, and ranges of long groups). */
export async function descendants(api: DockerLearningApi, parents: Node[]): Promise<Node[]> {
  const out: Node[] = [];
  for (const p of parents.filter((n) => n.nodeKind === 'group' || n.nodeKind === 'chunk')) {
    const children = (await api.containersTree.getChildren(p as never)) as Node[];
    out.push(...children, ...(await descendants(api, children)));
  }
  return out;
}

/** Every container node under every group, from one engine answer. */
export async function containerNodes(api: DockerLearningApi, refresh = true): Promise<Node[]> {
  if (refresh) { api.containersTree.refresh(); }
  return (await descendants(api, await rootNodes(api))).filter((n) => n.nodeKind === 'container');
}

export async function nodeNamed(api: DockerLearningApi, name: string): Promise<Node | undefined> {
  return (await containerNodes(api)).find((n) => n.label === name);
}

/** Resolves when the tree fired a change and then lists a node matching `pred` (no polling). */
export function treeShows(api: DockerLearningApi, pred: (nodes: Node[]) => boolean, timeoutMs = 10_000): Promise<Node[]> {
  return new Promise((resolve, reject) => {
    let done = false;
    const check = async () => {
      const root = await rootNodes(api);
      const nodes = [...root, ...(await descendants(api, root))];
      if (!done && pred(nodes)) { done = true; clearTimeout(timer); sub.dispose(); resolve(nodes); }
    };
    const timer = setTimeout(() => { done = true; sub.dispose(); void rootNodes(api).then((n) => reject(new Error(`the tree never matched within ${timeoutMs} ms; it shows: ${n.map((x) => x.label).join(' | ')}`))); }, timeoutMs);
    const sub = api.containersTree.onDidChangeTreeData(() => { void check(); });
    void check();
  });
}
