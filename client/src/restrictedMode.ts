// Restricted Mode (workspace trust). The manifest disables every engine command with
// `enablement: isWorkspaceTrusted`, but enablement only greys out menus, buttons and keybindings:
// `vscode.commands.executeCommand` (another extension, a command link in a Markdown preview, a
// task) still reaches the handler. So every engine command is registered through here and refuses
// to run until the folder is trusted.
import * as vscode from 'vscode';

/** What an engine command answers in Restricted Mode instead of acting. */
export interface Refused {
  done: never[];
  failed: never[];
  refused: 'restrictedMode';
}

/** The sentence the views show while the folder is not trusted. */
export function restrictedModeMessage(): string {
  return vscode.l10n.t('Restricted Mode: this folder is not trusted, so actions on Docker containers and images are turned off. Hovers and diagnostics still work. Trust the folder to use them.');
}

let lastExplained = 0;
function explain(): void {
  // One notification per burst: a learner clicking twice, or a script calling ten commands, gets one.
  if (Date.now() - lastExplained < 10_000) { return; }
  lastExplained = Date.now();
  const manage = vscode.l10n.t('Manage Workspace Trust');
  void vscode.window.showWarningMessage(restrictedModeMessage(), manage).then((choice) => {
    if (choice === manage) { void vscode.commands.executeCommand('workbench.trust.manage'); }
  });
}

/** registerCommand for a command that talks to the Docker engine: refused while the folder is not trusted. */
export function registerEngineCommand(id: string, handler: (...args: unknown[]) => unknown): vscode.Disposable {
  return vscode.commands.registerCommand(id, (...args: unknown[]) => {
    if (!vscode.workspace.isTrusted) {
      explain();
      const refused: Refused = { done: [], failed: [], refused: 'restrictedMode' };
      return refused;
    }
    return handler(...args);
  });
}

/** The views' message in Restricted Mode, kept up to date when the learner grants trust. */
export function onTrustChange(listener: () => void): vscode.Disposable {
  return vscode.workspace.onDidGrantWorkspaceTrust(listener);
}
