// A shell in the container: dockerode exec with a TTY, stdin attached, resized with the terminal —
// `docker container exec -it <name> sh` without needing the docker CLI installed.
import { StringDecoder } from 'node:string_decoder';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { containerCli } from '../../cli/containerCommands';
import { showCliEquivalent } from '../../cli/cliEquivalent';
import type { ShellSession } from '../../engine/containers';
import type { ContainerSummary } from '../../engine/containerSummary';
import type { ContainersView } from '../containersView';
import { appendTranscript, track, TrackedTerminal } from '../terminals';
import { ActionResult, errorText, NOTHING, targetsAndOptions } from './common';

export class ShellPty implements vscode.Pseudoterminal {
  private readonly writer = new vscode.EventEmitter<string>();
  private readonly closer = new vscode.EventEmitter<number | void>();
  readonly onDidWrite = this.writer.event;
  readonly onDidClose = this.closer.event;
  private session?: ShellSession;
  private pendingInput: string[] = [];
  private size?: vscode.TerminalDimensions;
  private closed = false;
  /** The shell ended because its container was removed: the next key closes the terminal. */
  private goneEnded = false;
  readonly tracked: TrackedTerminal;
  /** Resolves with the shell that runs, once it does. */
  readonly ready: Promise<string | undefined>;
  private resolveReady!: (shell: string | undefined) => void;

  constructor(private readonly view: ContainersView, private readonly container: ContainerSummary) {
    this.tracked = track({ kind: 'shell', container: container.name, transcript: '', streamClosed: false });
    this.ready = new Promise((r) => { this.resolveReady = r; });
  }

  private write(text: string): void {
    appendTranscript(this.tracked, text);
    this.writer.fire(text);
  }

  async open(dimensions: vscode.TerminalDimensions | undefined): Promise<void> {
    this.size = dimensions ?? this.size;
    const decoder = new StringDecoder('utf8');
    try {
      const session = await this.view.engine().containers.shell(this.container.id, { columns: this.size?.columns, rows: this.size?.rows });
      this.session = session;
      if (this.closed) { session.close(); return; }
      session.onData((chunk) => { const text = decoder.write(chunk); if (text) { this.write(text); } });
      session.onExit((code, gone) => {
        this.tracked.streamClosed = true;
        if (this.closed) { return; }
        if (!gone) { this.closer.fire(code ?? 0); return; }
        // Closing at once would take the explanation away with the terminal: it stays until a key.
        this.goneEnded = true;
        this.write(`\r\n${vscode.l10n.t('The container {0} was removed; the shell ended.', this.container.name)} ${vscode.l10n.t('Press any key to close this terminal.')}\r\n`);
      });
      this.pendingInput.splice(0).forEach((d) => session.write(d));
      this.resolveReady(session.shell);
    } catch (e) {
      this.write(`${vscode.l10n.t('Could not open a shell in {0}: {1}', this.container.name, errorText(e))}\r\n`);
      this.tracked.streamClosed = true;
      this.resolveReady(undefined);
    }
  }

  handleInput(data: string): void {
    if (this.goneEnded) { this.closer.fire(); return; }
    if (this.session) { this.session.write(data); } else if (!this.tracked.streamClosed) { this.pendingInput.push(data); } else { this.closer.fire(); }
  }

  setDimensions(dimensions: vscode.TerminalDimensions): void {
    this.size = dimensions;
    void this.session?.resize(dimensions.columns, dimensions.rows);
  }

  close(): void {
    this.closed = true;
    this.session?.close();
  }
}

export async function openShell(view: ContainersView, args: unknown[]): Promise<ActionResult & { shell?: string }> {
  const picked = await targetsAndOptions(view, args, { applies: (c) => c.state === 'running', many: false, placeholder: vscode.l10n.t('A shell in which container?') });
  if (!picked) { return NOTHING; }
  const c = picked.containers[0];
  // The row may be a moment old: ask the engine whether it runs now.
  const running = await view.engine().containers.inspect(c.id).then((i) => i.State.Running && !i.State.Paused, () => false);
  if (!running) {
    const message = vscode.l10n.t('{0} is not running: start it first (a shell runs inside a running container).', c.name);
    void vscode.window.showWarningMessage(message);
    return { done: [], failed: [{ name: c.name, error: message }] };
  }
  const pty = new ShellPty(view, c);
  const terminal = vscode.window.createTerminal({ name: vscode.l10n.t('Shell: {0}', c.name), pty, iconPath: new vscode.ThemeIcon('terminal') });
  terminal.show();
  const shell = await pty.ready;
  if (!shell) { return { done: [], failed: [{ name: c.name, error: pty.tracked.transcript.trim() }] }; }
  // The CLI finds `sh` on the container's PATH; we ran it by its full path.
  const command = containerCli.exec(c.name, path.posix.basename(shell));
  void showCliEquivalent(vscode.l10n.t('Opened {0} in {1}', shell, c.name), command);
  return { done: [c.name], failed: [], command, shell };
}
