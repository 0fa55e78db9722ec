// The build's output, streamed into a terminal like `docker image build` prints it. Closing the
// terminal cancels the build, as Ctrl+C on the CLI would.
import * as vscode from 'vscode';
import { toTerminal } from './model/buildOutput';

export class OutputTerminal implements vscode.Disposable {
  readonly terminal: vscode.Terminal;
  private readonly writeEmitter = new vscode.EventEmitter<string>();
  private readonly pending: string[] = [];
  private opened = false;
  private closedByUser = false;

  constructor(name: string, onUserClose: () => void) {
    const pty: vscode.Pseudoterminal = {
      onDidWrite: this.writeEmitter.event,
      open: () => { this.opened = true; for (const text of this.pending.splice(0)) { this.writeEmitter.fire(text); } },
      close: () => { this.closedByUser = true; onUserClose(); },
    };
    this.terminal = vscode.window.createTerminal({ name, pty, iconPath: new vscode.ThemeIcon('package') });
  }

  get closed(): boolean { return this.closedByUser; }

  write(text: string): void {
    const out = toTerminal(text);
    if (this.opened) { this.writeEmitter.fire(out); } else { this.pending.push(out); }
  }

  /** Dim text: our own notes between the engine's lines. */
  note(text: string): void { this.write(`\x1b[2m${text}\x1b[0m\n`); }
  error(text: string): void { this.write(`\x1b[31m${text}\x1b[0m\n`); }
  success(text: string): void { this.write(`\x1b[32m${text}\x1b[0m\n`); }

  dispose(): void { this.writeEmitter.dispose(); }
}
