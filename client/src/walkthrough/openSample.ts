// Step "Run your first container" starts from the sample workspace: write it where the learner wants
// it (never over their files) and open it. A folder that already is the sample is just revealed.
import * as os from 'node:os';
import * as vscode from 'vscode';
import { SAMPLE_FILES, SAMPLE_MARKER } from './sampleFiles';

async function exists(uri: vscode.Uri): Promise<boolean> {
  try { await vscode.workspace.fs.stat(uri); return true; } catch { return false; }
}

export interface OpenSampleOptions {
  /** Folder to create docker-learning-sample in; asked when missing. */
  parent?: vscode.Uri;
  /** false: only write the files (tests); default: open the folder in this window. */
  open?: boolean;
}

/** The open workspace folder that holds the sample, if any (npm start opens sample/ itself). */
export async function openSampleFolder(): Promise<vscode.Uri | undefined> {
  for (const f of vscode.workspace.workspaceFolders ?? []) {
    if (await exists(vscode.Uri.joinPath(f.uri, SAMPLE_MARKER))) { return f.uri; }
  }
  return undefined;
}

/** Writes the sample into a new folder under `parent` and returns that folder. */
export async function writeSample(parent: vscode.Uri): Promise<vscode.Uri> {
  let target = vscode.Uri.joinPath(parent, 'docker-learning-sample');
  for (let n = 2; await exists(target); n++) {
    // Our own sample from an earlier run is reused as it is: the learner may have changed it.
    if (await exists(vscode.Uri.joinPath(target, SAMPLE_MARKER))) { return target; }
    target = vscode.Uri.joinPath(parent, `docker-learning-sample-${n}`);
  }
  for (const [rel, text] of Object.entries(SAMPLE_FILES)) {
    const file = vscode.Uri.joinPath(target, ...rel.split('/'));
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(file, '..'));
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(text));
  }
  return target;
}

/**
 * The command. Returns the sample folder, or undefined when the learner cancelled.
 * `beforeReload` runs just before VS Code reopens the window on the new folder.
 */
export async function openSample(options: OpenSampleOptions = {}, beforeReload: (folder: vscode.Uri) => Thenable<void> = async () => undefined): Promise<vscode.Uri | undefined> {
  const already = options.parent ? undefined : await openSampleFolder();
  if (already) {
    await vscode.window.showTextDocument(vscode.Uri.joinPath(already, SAMPLE_MARKER), { preview: false });
    await vscode.commands.executeCommand('workbench.view.explorer');
    return already;
  }
  let parent = options.parent;
  if (!parent) {
    const picked = await vscode.window.showOpenDialog({
      canSelectFiles: false, canSelectFolders: true, canSelectMany: false,
      defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(os.homedir()),
      openLabel: vscode.l10n.t('Create the sample here'),
      title: vscode.l10n.t('Where should the folder docker-learning-sample go?'),
    });
    parent = picked?.[0];
    if (!parent) { return undefined; }
  }
  const folder = await writeSample(parent);
  if (options.open !== false) {
    await beforeReload(folder);
    await vscode.commands.executeCommand('vscode.openFolder', folder, { forceReuseWindow: true });
  }
  return folder;
}
