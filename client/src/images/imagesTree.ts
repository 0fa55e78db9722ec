// The Images view: one node per repository:tag (flat, like `docker image ls`), a group for dangling
// images, and under each image its layers — one row per history step with its size and the
// instruction that made it, linked to the Dockerfile line when that can be matched.
import * as vscode from 'vscode';
import type { DockerEngine } from '../engine/dockerEngine';
import { imageHistory, inspectImage, listImages, type ImageSummary } from '../engine/images';
import type { DockerfileLinks } from './dockerfileLinks';
import { humanSize, relativeAge, shortId } from './model/format';
import { historyToLayers, runChains, type LayerRow } from './model/layers';

export class ImageNode extends vscode.TreeItem {
  /** What commands act on: the repo:tag when there is one, else the id. */
  readonly ref: string;
  constructor(readonly image: ImageSummary, readonly tag: string | undefined, readonly parent?: DanglingGroupNode) {
    super(tag ?? `<none> ${shortId(image.id)}`, vscode.TreeItemCollapsibleState.Collapsed);
    this.ref = tag ?? image.id;
    this.id = `image:${image.id}:${tag ?? ''}`;
    const now = Date.now() / 1000;
    const parts = [humanSize(image.size), relativeAge(image.created, now, vscode.env.language)];
    if (image.containers.length) {
      const running = image.containers.filter((c) => c.state === 'running').length;
      parts.push(running
        ? vscode.l10n.t('▶ used by {0} ({1} running)', image.containers.length, running)
        : vscode.l10n.t('used by {0}', image.containers.length));
    }
    this.description = parts.join(' · ');
    this.contextValue = tag ? 'image.tagged' : 'image.dangling';
    this.iconPath = new vscode.ThemeIcon(image.containers.length ? 'package' : 'archive',
      image.containers.some((c) => c.state === 'running') ? new vscode.ThemeColor('charts.green') : undefined);
    this.accessibilityInformation = { label: `${this.label as string} ${this.description}` };
  }
}

export class DanglingGroupNode extends vscode.TreeItem {
  constructor(readonly images: ImageSummary[]) {
    super(vscode.l10n.t('Dangling images'), vscode.TreeItemCollapsibleState.Collapsed);
    this.id = 'dangling-group';
    this.description = vscode.l10n.t('{0} · <none>:<none>', images.length);
    this.tooltip = vscode.l10n.t('Images that lost their name: usually an older build whose tag moved to a newer one. They still take space; "Prune dangling images" (docker image prune) removes the unused ones.');
    this.contextValue = 'danglingGroup';
    this.iconPath = new vscode.ThemeIcon('debug-disconnect');
  }
}

export class LayerNode extends vscode.TreeItem {
  constructor(readonly row: LayerRow, readonly parent: ImageNode, link: { uri: vscode.Uri; startLine: number; endLine: number } | undefined, chain: number[] | undefined, total: number) {
    super(LayerNode.title(row), vscode.TreeItemCollapsibleState.None);
    this.id = `${parent.id}:layer:${row.index}`;
    const size = row.metadataOnly
      ? vscode.l10n.t('0 B · metadata only')
      : row.size === 0 ? vscode.l10n.t('0 B · empty layer') : vscode.l10n.t('+{0}', humanSize(row.size));
    this.description = link ? `${size} · ${vscode.l10n.t('line {0}', link.startLine + 1)}` : size;
    this.iconPath = new vscode.ThemeIcon(row.metadataOnly ? 'symbol-key' : row.size === 0 ? 'circle-outline' : 'layers');
    this.contextValue = link ? 'layer.linked' : 'layer';
    const md = new vscode.MarkdownString();
    md.appendMarkdown(`**${vscode.l10n.t('Step {0} of {1} (newest first)', row.index + 1, total)}**\n\n`);
    md.appendCodeblock(row.text || row.comment || vscode.l10n.t('(no instruction recorded: the base of the image)'), 'dockerfile');
    md.appendMarkdown(`\n${row.metadataOnly
      ? vscode.l10n.t('Metadata only: this step changed the image configuration (environment, command, labels…), not its files. It adds no layer bytes.')
      : row.size === 0
        ? vscode.l10n.t('This step ran but changed no files: an empty layer.')
        : vscode.l10n.t('This step adds {0} of files in a read-only layer. Files deleted by a later step still take this space.', humanSize(row.size))}\n\n`);
    if (row.comment) { md.appendMarkdown(`${vscode.l10n.t('Comment: {0}', row.comment)}\n\n`); }
    if (row.id) { md.appendMarkdown(`${vscode.l10n.t('Layer image id: {0}', `\`${shortId(row.id)}\``)}\n\n`); }
    if (link) { md.appendMarkdown(`${vscode.l10n.t('Made by line {0} of {1} — click to open it.', link.startLine + 1, vscode.workspace.asRelativePath(link.uri))}\n\n`); }
    if (chain) {
      md.appendMarkdown(vscode.l10n.t('One of {0} RUN layers in a row. Chaining the commands with && in one RUN makes a single layer, and files removed in the same RUN never reach the image.', chain.length));
    }
    this.tooltip = md;
    if (link) {
      this.command = {
        command: 'vscode.open', title: vscode.l10n.t('Open the Dockerfile line'),
        arguments: [link.uri, { selection: new vscode.Range(link.startLine, 0, link.endLine, 0), preview: true } satisfies vscode.TextDocumentShowOptions],
      };
    }
  }

  private static title(row: LayerRow): string {
    const text = (row.text || row.comment || vscode.l10n.t('(base layer)')).replace(/\s+/g, ' ');
    return text.length > 90 ? `${text.slice(0, 89)}…` : text;
  }
}

export class HintNode extends vscode.TreeItem {
  constructor(id: string, label: string, tooltip: string, icon = 'lightbulb') {
    super(label, vscode.TreeItemCollapsibleState.None);
    this.id = id;
    this.tooltip = tooltip;
    this.iconPath = new vscode.ThemeIcon(icon);
    this.contextValue = 'hint';
  }
}

export class ImagesMessageNode extends vscode.TreeItem {
  constructor(label: string, tooltip?: string, icon = 'warning') {
    super(label, vscode.TreeItemCollapsibleState.None);
    this.tooltip = tooltip;
    this.iconPath = new vscode.ThemeIcon(icon);
    this.contextValue = 'message';
  }
}

type Node = vscode.TreeItem;

export class ImagesTree implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The nodes of the last listing, for getParent and reveal. */
  private roots: Node[] = [];
  /** Fires after the view re-read the engine (tests wait on it, never on time). */
  private readonly listed = new vscode.EventEmitter<ImageSummary[]>();
  readonly onDidList = this.listed.event;

  constructor(private readonly engine: () => DockerEngine, private readonly links: DockerfileLinks) {}

  refresh(): void {
    if (this.timer) { clearTimeout(this.timer); this.timer = undefined; }
    this.changed.fire(undefined);
  }

  /** Coalesces a burst of engine events (a build tags, untags and deletes several images) into one refresh. */
  refreshSoon(): void {
    if (this.timer) { clearTimeout(this.timer); }
    this.timer = setTimeout(() => { this.timer = undefined; this.changed.fire(undefined); }, 200);
  }

  getTreeItem(element: Node): Node { return element; }

  getParent(element: Node): Node | undefined {
    if (element instanceof LayerNode) { return element.parent; }
    if (element instanceof ImageNode) { return element.parent; }
    return undefined;
  }

  /** The current node for an image reference (repo:tag or id), from the last listing. */
  findImageNode(ref: string): ImageNode | undefined {
    const all = this.roots.flatMap((n) => (n instanceof DanglingGroupNode ? this.danglingNodes(n) : [n]));
    return all.find((n): n is ImageNode => n instanceof ImageNode && (n.ref === ref || n.image.id === ref));
  }

  private danglingChildren = new Map<string, ImageNode[]>();
  private danglingNodes(group: DanglingGroupNode): ImageNode[] {
    const key = group.images.map((i) => i.id).join();
    let nodes = this.danglingChildren.get(key);
    if (!nodes) {
      nodes = group.images.sort((a, b) => b.created - a.created).map((i) => new ImageNode(i, undefined, group));
      this.danglingChildren = new Map([[key, nodes]]);
    }
    return nodes;
  }

  async getChildren(element?: Node): Promise<Node[]> {
    if (element instanceof DanglingGroupNode) { return this.danglingNodes(element); }
    if (element instanceof ImageNode) { return this.layers(element); }
    if (element) { return []; }
    const engine = this.engine();
    try {
      const images = await listImages(engine);
      this.listed.fire(images);
      const nodes: Node[] = [];
      const tagged = images.filter((i) => !i.dangling)
        .flatMap((i) => i.repoTags.map((tag) => ({ i, tag })))
        .sort((a, b) => a.tag.localeCompare(b.tag));
      for (const { i, tag } of tagged) { nodes.push(new ImageNode(i, tag)); }
      const dangling = images.filter((i) => i.dangling);
      if (dangling.length) { nodes.push(new DanglingGroupNode(dangling)); }
      if (nodes.length === 0) {
        nodes.push(new ImagesMessageNode(vscode.l10n.t('No images yet: pull one, build a Dockerfile or load a saved .tar'), undefined, 'info'));
      }
      this.roots = nodes;
      return nodes;
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      this.roots = [];
      return [new ImagesMessageNode(vscode.l10n.t('Cannot reach the Docker engine at {0}', engine.endpoint.url), message)];
    }
  }

  private async layers(node: ImageNode): Promise<Node[]> {
    let rows: LayerRow[];
    try {
      rows = historyToLayers(await imageHistory(this.engine(), node.image.id));
    } catch (e) {
      return [new ImagesMessageNode(vscode.l10n.t('Cannot read the history of {0}', node.ref), e instanceof Error ? e.message : String(e))];
    }
    const found = await this.links.find(node.image.id, rows);
    const chains = runChains(rows);
    const out: Node[] = [];
    const withBytes = rows.filter((r) => r.size > 0).length;
    out.push(new HintNode(`${node.id}:summary`,
      vscode.l10n.t('{0} steps: {1} add files, {2} only metadata', rows.length, withBytes, rows.filter((r) => r.metadataOnly).length),
      vscode.l10n.t('An image is a stack of read-only layers: each RUN, COPY or ADD adds one, other instructions only change its configuration. A container adds one read-write layer on top. This list is `docker image history {0}`, newest first.', node.ref),
      'info'));
    if (chains.length) {
      const longest = chains.reduce((a, b) => (b.length > a.length ? b : a));
      out.push(new HintNode(`${node.id}:chain`,
        vscode.l10n.t('{0} RUN layers in a row: chain them with &&', longest.length),
        vscode.l10n.t('Each RUN makes a layer. Writing RUN a && b && c makes one layer, and a file downloaded and deleted in the same RUN never takes space in the image.')));
    }
    for (const row of rows) {
      const ins = found?.links.get(row.index);
      const link = found && ins ? { uri: found.uri, startLine: ins.startLine, endLine: ins.endLine } : undefined;
      out.push(new LayerNode(row, node, link, chains.find((c) => c.includes(row.index)), rows.length));
    }
    return out;
  }

  /** The rich tooltip, read only when the learner hovers (one inspect per hovered image). */
  async resolveTreeItem(item: Node, element: Node): Promise<Node> {
    if (!(element instanceof ImageNode) || item.tooltip) { return item; }
    try {
      const info = await inspectImage(this.engine(), element.image.id);
      const md = new vscode.MarkdownString();
      md.appendMarkdown(`**${element.ref === element.image.id ? shortId(element.image.id) : element.ref}**\n\n`);
      const rows: Array<[string, string]> = [
        [vscode.l10n.t('Id'), `\`${info.Id}\``],
        [vscode.l10n.t('Digest'), info.RepoDigests?.length ? info.RepoDigests.map((d) => `\`${d}\``).join(', ') : vscode.l10n.t('none (never pushed or pulled)')],
        [vscode.l10n.t('Size'), humanSize(info.Size)],
        [vscode.l10n.t('Created'), `${new Date(info.Created).toLocaleString(vscode.env.language)} (${relativeAge(Date.parse(info.Created) / 1000, Date.now() / 1000, vscode.env.language)})`],
        [vscode.l10n.t('Platform'), `${info.Os}/${info.Architecture}${(info as { Variant?: string }).Variant ? `/${(info as { Variant?: string }).Variant}` : ''}`],
        [vscode.l10n.t('Layers'), String(info.RootFS?.Layers?.length ?? 0)],
        [vscode.l10n.t('Entrypoint'), info.Config?.Entrypoint ? `\`${JSON.stringify(info.Config.Entrypoint)}\`` : '—'],
        [vscode.l10n.t('Cmd'), info.Config?.Cmd ? `\`${JSON.stringify(info.Config.Cmd)}\`` : '—'],
      ];
      for (const [k, v] of rows) { md.appendMarkdown(`${k}: ${v}  \n`); }
      if (element.image.containers.length) {
        md.appendMarkdown(`\n${vscode.l10n.t('Used by: {0}', element.image.containers.map((c) => `${c.name} (${c.state})`).join(', '))}`);
      }
      item.tooltip = md;
    } catch { /* the image went away meanwhile: no tooltip */ }
    return item;
  }

  dispose(): void {
    if (this.timer) { clearTimeout(this.timer); }
    this.changed.dispose();
    this.listed.dispose();
  }
}
