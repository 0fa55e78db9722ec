// The Containers view: one node per container, read through the engine boundary.
import * as vscode from 'vscode';
import type { ContainerSummary, DockerEngine } from '../engine/dockerEngine';

export class ContainerNode extends vscode.TreeItem {
  constructor(readonly container: ContainerSummary) {
    super(container.name, vscode.TreeItemCollapsibleState.None);
    this.id = container.id;
    this.description = `${container.image} · ${container.status}`;
    this.contextValue = `container.${container.state}`;
    this.iconPath = new vscode.ThemeIcon(container.state === 'running' ? 'vm-running' : 'vm-outline');
  }
}

export class MessageNode extends vscode.TreeItem {
  constructor(label: string, tooltip?: string) {
    super(label, vscode.TreeItemCollapsibleState.None);
    this.tooltip = tooltip;
    this.iconPath = new vscode.ThemeIcon('warning');
  }
}

export class ContainersTree implements vscode.TreeDataProvider<vscode.TreeItem> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly engine: () => DockerEngine) {}

  refresh(): void { this.changed.fire(); }

  getTreeItem(element: vscode.TreeItem): vscode.TreeItem { return element; }

  async getChildren(element?: vscode.TreeItem): Promise<vscode.TreeItem[]> {
    if (element) { return []; }
    const engine = this.engine();
    try {
      const containers = await engine.listContainers(true);
      if (containers.length === 0) { return [new MessageNode(vscode.l10n.t('No containers yet'))]; }
      return containers.sort((a, b) => a.name.localeCompare(b.name)).map((c) => new ContainerNode(c));
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      return [new MessageNode(vscode.l10n.t('Cannot reach the Docker engine at {0}', engine.endpoint.url), message)];
    }
  }

  dispose(): void { this.changed.dispose(); }
}
