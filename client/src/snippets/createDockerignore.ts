// "Create .dockerignore": the starter snippet as a file next to the Dockerfile, for learners who do not
// know the file exists. An existing .dockerignore is opened, never overwritten.
import * as vscode from 'vscode';
import { snippetBody } from './snippetFiles';

async function exists(uri: vscode.Uri): Promise<boolean> {
  try { await vscode.workspace.fs.stat(uri); return true; } catch { return false; }
}

/** The build-context folder: the one given (or the folder of the file given), the active Dockerfile's, or a workspace folder. */
async function contextFolder(target: vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
  if (target) {
    const stat = await vscode.workspace.fs.stat(target);
    return stat.type & vscode.FileType.Directory ? target : vscode.Uri.joinPath(target, '..');
  }
  const active = vscode.window.activeTextEditor?.document;
  if (active?.languageId === 'dockerfile' && active.uri.scheme === 'file') { return vscode.Uri.joinPath(active.uri, '..'); }
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length <= 1) { return folders[0]?.uri; }
  const picked = await vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Which build context gets the .dockerignore?') });
  return picked?.uri;
}

export async function createDockerignore(context: vscode.ExtensionContext, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const folder = await contextFolder(target instanceof vscode.Uri ? target : undefined);
  if (!folder) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a folder (the build context) first: .dockerignore goes next to the Dockerfile.'));
    return undefined;
  }
  const file = vscode.Uri.joinPath(folder, '.dockerignore');
  if (await exists(file)) {
    await vscode.window.showTextDocument(file);
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} already exists: opened it instead of replacing it.', vscode.workspace.asRelativePath(file)));
    return file;
  }
  const body = await snippetBody(context, 'ignore', 'dockerignore');
  await vscode.workspace.fs.writeFile(file, new Uint8Array());
  const editor = await vscode.window.showTextDocument(file);
  await editor.insertSnippet(new vscode.SnippetString(body));
  await editor.document.save();
  return file;
}
