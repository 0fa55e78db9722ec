// Read-only documents for `docker container inspect` (JSON) and `docker container top` (a table):
// a virtual file system scheme, so they open as ordinary, uneditable editors.
import * as vscode from 'vscode';

export const SCHEME = 'docker-learning';

export class ReadOnlyDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly contents = new Map<string, string>();
  private readonly registration = vscode.workspace.registerTextDocumentContentProvider(SCHEME, this);

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? vscode.l10n.t('This document is gone: run the command again.');
  }

  /** Sets the text and opens it (a second call for the same uri refreshes the open editor). */
  async show(uri: vscode.Uri, text: string): Promise<vscode.TextDocument> {
    const known = this.contents.has(uri.toString());
    this.contents.set(uri.toString(), text);
    if (known) { this.changed.fire(uri); }
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { preview: false });
    return doc;
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
  }
}

export function documentUri(name: string, suffix: string, id: string): vscode.Uri {
  return vscode.Uri.from({ scheme: SCHEME, path: `/${name}.${suffix}`, query: `id=${id}` });
}
