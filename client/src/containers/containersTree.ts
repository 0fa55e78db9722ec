// The Containers view's data: Compose-project groups of container nodes, read through the engine
// boundary. One engine call per refresh; a change reported by Docker's events is fetched for just
// the containers concerned (patch) and redraws just their group, so 1,000 containers stay cheap.
import * as vscode from 'vscode';
import type { DockerEngine } from '../engine/dockerEngine';
import type { ContainerSummary } from '../engine/containerSummary';
import { classifyEngineError, EngineProblem, programOnPath } from '../engine/engineProblem';
import type { ContainerGroup, ShowFilter, SortOrder } from './model/grouping';
import { isUp, stateVisual } from './model/stateVisual';
import { publishedPorts, tooltipData } from './model/tooltipData';
import { Chunk, CHUNK_SIZE, patchList, shapeChanges, treeShape, TreeShape } from './model/treeShape';
import { problemAdvice, problemHeadline, stateText, tooltipMarkdown } from './texts';

export class GroupNode extends vscode.TreeItem {
  readonly nodeKind = 'group';
  group!: ContainerGroup;
  constructor(group: ContainerGroup, chunked: boolean) {
    super(group.kind === 'compose' ? group.project! : vscode.l10n.t('Containers'), vscode.TreeItemCollapsibleState.Expanded);
    this.id = `group:${group.key}`;
    this.contextValue = group.kind === 'compose' ? 'containerGroup.compose' : 'containerGroup.other';
    this.iconPath = new vscode.ThemeIcon(group.kind === 'compose' ? 'layers' : 'server-environment');
    this.tooltip = group.kind === 'compose'
      ? vscode.l10n.t('Compose project {0}: containers labelled com.docker.compose.project={0}', group.project!)
      : vscode.l10n.t('Containers that belong to no Compose project');
    this.update(group, chunked);
  }

  update(group: ContainerGroup, chunked = false): void {
    this.group = group;
    // A long group shows its counts on each range: a change then redraws one range, not the group.
    this.description = chunked
      ? vscode.l10n.t('in ranges of {0}', String(CHUNK_SIZE))
      : vscode.l10n.t('{0} up, {1} in all', String(group.up), String(group.containers.length));
  }
}

/** A range of a long group: "web-0100 … web-0199". */
export class ChunkNode extends vscode.TreeItem {
  readonly nodeKind = 'chunk';
  chunk!: Chunk;
  constructor(chunk: Chunk, readonly parent: GroupNode) {
    super('', chunk.index === 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
    this.id = `chunk:${chunk.key}`;
    this.contextValue = 'containerChunk';
    this.update(chunk);
  }

  update(chunk: Chunk): void {
    this.chunk = chunk;
    this.label = `${chunk.containers[0].name} … ${chunk.containers[chunk.containers.length - 1].name}`;
    this.description = vscode.l10n.t('{0} up, {1} in all', String(chunk.up), String(chunk.containers.length));
  }

  /** The group's containers, for actions on the whole range. */
  get group(): { containers: ContainerSummary[] } { return { containers: this.chunk.containers }; }
}

export class ContainerNode extends vscode.TreeItem {
  readonly nodeKind = 'container';
  constructor(readonly container: ContainerSummary, readonly parent: GroupNode | ChunkNode) {
    super(container.name, vscode.TreeItemCollapsibleState.None);
    this.id = container.id;
    // Status first: in a narrow sidebar the end of the description is cut off, and "Exited (137)"
    // matters more than the image name (the tooltip has both in full).
    this.description = `${container.status} · ${container.image}`;
    this.contextValue = `container.${container.state}${publishedPorts(container).length ? '.ports' : ''}`;
    const visual = stateVisual(container.state, container.status);
    this.iconPath = new vscode.ThemeIcon(visual.icon, visual.color ? new vscode.ThemeColor(visual.color) : undefined);
    this.accessibilityInformation = { label: `${container.name}, ${stateText(container.state)}, ${container.status}, ${container.image}` };
  }
}

export class MessageNode extends vscode.TreeItem {
  readonly nodeKind = 'message';
  constructor(key: string, label: string, icon: string, tooltip?: string, command?: vscode.Command) {
    super(label, vscode.TreeItemCollapsibleState.None);
    this.id = `message:${key}`;
    this.tooltip = tooltip ?? label;
    this.iconPath = new vscode.ThemeIcon(icon);
    this.contextValue = 'message';
    this.command = command;
  }
}

export type ContainersTreeNode = GroupNode | ChunkNode | ContainerNode | MessageNode;

export type Snapshot =
  | { ok: true; containers: ContainerSummary[]; endpointUrl: string }
  | { ok: false; problem: EngineProblem; endpointUrl: string };

export interface LoadTiming {
  /** 'list' for the whole list, 'patch' for the containers an event named. */
  kind: 'list' | 'patch';
  /** Date.now() when the engine's answer arrived. */
  answeredAt: number;
  /** Milliseconds the engine took to answer `GET /containers/json`. */
  apiMs: number;
  /** Containers known after this answer. */
  containers: number;
  /** Date.now() when VS Code first asked for container nodes after this answer. */
  servedAt?: number;
}

export class ContainersTree implements vscode.TreeDataProvider<ContainersTreeNode> {
  private readonly changed = new vscode.EventEmitter<ContainersTreeNode | ContainersTreeNode[] | undefined | void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly loaded = new vscode.EventEmitter<Snapshot>();
  /** Fires after each engine answer (or failure). */
  readonly onDidLoad = this.loaded.event;

  show: ShowFilter = 'all';
  sort: SortOrder = 'name';
  private inflight?: Promise<Snapshot>;
  private patching: Promise<void> = Promise.resolve();
  private latest?: Snapshot;
  /** What the tree shows now; group and range nodes are kept so a change can redraw just them. */
  private shape: TreeShape = { groups: [], chunks: new Map() };
  private readonly groupNodes = new Map<string, GroupNode>();
  private readonly chunkNodes = new Map<string, ChunkNode>();
  /** The last few engine answers, for the benchmark and the tests. */
  readonly timings: LoadTiming[] = [];

  constructor(private readonly engine: () => DockerEngine) {}

  /** Asks the engine for the whole list again and redraws. */
  refresh(): void {
    this.inflight = undefined;
    this.changed.fire();
  }

  /** Redraws from the last answer (filter or sort changed). */
  redraw(): void {
    this.changed.fire();
  }

  /** The engine's last answer; undefined before the first. */
  get snapshot(): Snapshot | undefined { return this.latest; }

  /** The current answer, fetching the whole list if a refresh asked for a new one. */
  current(): Promise<Snapshot> {
    if (!this.inflight) {
      const p: Promise<Snapshot> = this.fetch().then((s) => {
        // Only the newest request counts: a refresh asked meanwhile is answered by its own request.
        if (this.inflight === p) { this.latest = s; this.loaded.fire(s); }
        return s;
      });
      this.inflight = p;
    }
    return this.inflight;
  }

  /**
   * Docker reported changes to these containers: fetch just them (the list filtered by id) and
   * redraw just the groups, or ranges, they are in. Patches run one after the other, each on top
   * of the last answer; a full refresh that starts meanwhile makes a patch unnecessary.
   */
  patch(ids: string[]): Promise<void> {
    this.patching = this.patching.then(() => this.applyPatch(ids), () => this.applyPatch(ids));
    return this.patching;
  }

  private async applyPatch(ids: string[]): Promise<void> {
    const baseRequest = this.inflight;
    const base = baseRequest ? await baseRequest : undefined;
    if (!base?.ok || this.inflight !== baseRequest) { this.refresh(); return; }
    let rows: ContainerSummary[];
    const started = Date.now();
    try {
      rows = await this.engine().containers.list(true, undefined, ids);
    } catch {
      if (this.inflight === baseRequest) { this.refresh(); }
      return;
    }
    if (this.inflight !== baseRequest) { return; }
    const snap: Snapshot = { ...base, containers: patchList(base.containers, ids, rows) };
    this.record('patch', started, snap.containers.length);
    this.latest = snap;
    this.inflight = Promise.resolve(snap);
    this.loaded.fire(snap);
    const next = treeShape(snap.containers, { show: this.show, sort: this.sort });
    const changes = shapeChanges(this.shape, next);
    if (changes === 'root') { this.changed.fire(); return; }
    this.shape = next;
    const nodes: (GroupNode | ChunkNode)[] = [];
    for (const g of next.groups) {
      const node = this.groupNodes.get(g.key);
      if (!node) { continue; }
      node.update(g, !!next.chunks.get(g.key));
      if (changes.groups.includes(g.key)) { nodes.push(node); continue; }
      for (const chunk of next.chunks.get(g.key) ?? []) {
        const chunkNode = this.chunkNodes.get(chunk.key);
        if (chunkNode && chunkNode.parent === node) {
          chunkNode.update(chunk);
          if (changes.chunks.includes(chunk.key)) { nodes.push(chunkNode); }
        }
      }
    }
    if (nodes.length) { this.changed.fire(nodes); }
  }

  private record(kind: LoadTiming['kind'], started: number, containers: number): void {
    const answeredAt = Date.now();
    this.timings.push({ kind, answeredAt, apiMs: answeredAt - started, containers });
    if (this.timings.length > 50) { this.timings.shift(); }
  }

  private async fetch(): Promise<Snapshot> {
    let engine: DockerEngine;
    try {
      engine = this.engine();
    } catch (e) {
      return { ok: false, problem: classifyEngineError(e, { hasProgram: (p) => programOnPath(p) }), endpointUrl: vscode.l10n.t('(no valid endpoint)') };
    }
    const started = Date.now();
    try {
      const containers = await engine.containers.list(true);
      this.record('list', started, containers.length);
      return { ok: true, containers, endpointUrl: engine.endpoint.url };
    } catch (e) {
      return { ok: false, problem: classifyEngineError(e, { hasProgram: (p) => programOnPath(p) }), endpointUrl: engine.endpoint.url };
    }
  }

  getTreeItem(element: ContainersTreeNode): vscode.TreeItem { return element; }

  getParent(element: ContainersTreeNode): ContainersTreeNode | undefined {
    return element instanceof ContainerNode || element instanceof ChunkNode ? element.parent : undefined;
  }

  /** Tooltips are built when hovered: 1,000 Markdown tooltips up front would slow the first draw. */
  resolveTreeItem(item: vscode.TreeItem, element: ContainersTreeNode): vscode.TreeItem {
    if (element instanceof ContainerNode && !item.tooltip) { item.tooltip = tooltipMarkdown(tooltipData(element.container)); }
    return item;
  }

  async getChildren(element?: ContainersTreeNode): Promise<ContainersTreeNode[]> {
    if (element instanceof GroupNode) {
      const key = element.group.key;
      const group = this.shape.groups.find((g) => g.key === key);
      if (!group) { return []; }
      const chunks = this.shape.chunks.get(key);
      if (!chunks) { return this.containerNodes(group.containers, element); }
      return chunks.map((c) => {
        let node = this.chunkNodes.get(c.key);
        if (node && node.parent === element) { node.update(c); } else { node = new ChunkNode(c, element); this.chunkNodes.set(c.key, node); }
        return node;
      });
    }
    if (element instanceof ChunkNode) {
      const chunk = this.shape.chunks.get(element.parent.group.key)?.[element.chunk.index];
      return chunk ? this.containerNodes(chunk.containers, element) : [];
    }
    if (element) { return []; }
    const snap = await this.current();
    return this.rootNodes(snap);
  }

  private containerNodes(list: ContainerSummary[], parent: GroupNode | ChunkNode): ContainerNode[] {
    const last = this.timings[this.timings.length - 1];
    if (last && !last.servedAt) { last.servedAt = Date.now(); }
    return list.map((c) => new ContainerNode(c, parent));
  }

  private rootNodes(snap: Snapshot): ContainersTreeNode[] {
    if (!snap.ok) {
      this.shape = { groups: [], chunks: new Map() };
      return [
        new MessageNode('unreachable', problemHeadline(snap.endpointUrl), 'error', `${problemHeadline(snap.endpointUrl)}\n${snap.problem.detail}`),
        new MessageNode('detail', vscode.l10n.t('What failed: {0}', snap.problem.detail), 'info', snap.problem.detail),
        new MessageNode('advice', problemAdvice(snap.problem.kind), 'lightbulb', problemAdvice(snap.problem.kind)),
        new MessageNode('retry', vscode.l10n.t('Reconnects by itself when the engine answers; Refresh tries now.'), 'sync', undefined,
          { command: 'dockerLearning.containers.refresh', title: vscode.l10n.t('Refresh') }),
      ];
    }
    this.shape = treeShape(snap.containers, { show: this.show, sort: this.sort });
    const { groups } = this.shape;
    if (groups.length === 0) {
      if (snap.containers.length && this.show === 'running') {
        return [new MessageNode('none-running', vscode.l10n.t('No running containers ({0} stopped). Show all to see them.', String(snap.containers.filter((c) => !isUp(c.state)).length)), 'info', undefined,
          { command: 'dockerLearning.containers.showAll', title: vscode.l10n.t('Show all containers') })];
      }
      return [
        new MessageNode('empty', vscode.l10n.t('No containers yet'), 'info'),
        new MessageNode('empty-hint', vscode.l10n.t('Create one in a terminal: docker container run -d --name web nginx'), 'terminal'),
      ];
    }
    return groups.map((g) => {
      let node = this.groupNodes.get(g.key);
      const chunked = !!this.shape.chunks.get(g.key);
      if (node) { node.update(g, chunked); } else { node = new GroupNode(g, chunked); this.groupNodes.set(g.key, node); }
      return node;
    });
  }

  /** Finds a container of the last answer by id, id prefix or name. */
  find(idOrName: string): ContainerSummary | undefined {
    if (!this.latest?.ok) { return undefined; }
    const list = this.latest.containers;
    return list.find((c) => c.id === idOrName || c.name === idOrName.replace(/^\//, ''))
      ?? (idOrName.length >= 4 ? list.find((c) => c.id.startsWith(idOrName)) : undefined);
  }

  dispose(): void {
    this.changed.dispose();
    this.loaded.dispose();
  }
}
