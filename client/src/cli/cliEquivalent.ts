// Every action teaches the docker command it stands for: in the "Docker Learning" output channel
// always, and in the result message with Copy command / Run in terminal when the setting is on.
import * as vscode from 'vscode';

let channel: vscode.OutputChannel | undefined;
let terminal: vscode.Terminal | undefined;

export function outputChannel(): vscode.OutputChannel {
  channel ??= vscode.window.createOutputChannel('Docker Learning');
  return channel;
}

/** The last command shown, for tests and for the walkthrough's completion events. */
export let lastCliEquivalent: { command: string; message: string } | undefined;

export interface CliEquivalentOptions {
  /** More lines for the output channel only (e.g. the exact names a bulk action touched). */
  details?: string[];
  /** Output channel and status bar only: for actions the learner repeats all the time (refresh, sort). */
  quiet?: boolean;
}

/**
 * Logs `command` and tells the user what was done. `command` must already be built with
 * dockerCommand() so every name in it is shell-quoted.
 */
export async function showCliEquivalent(message: string, command: string, options: CliEquivalentOptions = {}): Promise<void> {
  lastCliEquivalent = { command, message };
  outputChannel().appendLine(`${message}\n  $ ${command}`);
  for (const line of options.details ?? []) { outputChannel().appendLine(`  ${line}`); }
  if (options.quiet || !vscode.workspace.getConfiguration('dockerLearning').get<boolean>('showCliEquivalent', true)) {
    void vscode.window.setStatusBarMessage(message, 5000);
    return;
  }
  const copy = vscode.l10n.t('Copy command');
  const run = vscode.l10n.t('Run in terminal');
  const choice = await vscode.window.showInformationMessage(vscode.l10n.t('{0} — the command for this: {1}', message, command), copy, run);
  if (choice === copy) {
    await vscode.env.clipboard.writeText(command);
  } else if (choice === run) {
    if (!terminal || terminal.exitStatus !== undefined) { terminal = vscode.window.createTerminal({ name: 'Docker Learning' }); }
    terminal.show();
    terminal.sendText(command, true);
  }
}

export function disposeCli(): void {
  channel?.dispose();
  channel = undefined;
  terminal = undefined;
}
