// Logs in a terminal: `docker container logs -f --tail 200 <name>`, fed by dockerode into a
// Pseudoterminal. Colours pass through untouched; stdout and stderr of containers without a TTY
// arrive demultiplexed from the engine layer; closing the terminal closes the stream.
import { StringDecoder } from 'node:string_decoder';
import * as vscode from 'vscode';
import { containerCli, LogsCliOptions } from '../../cli/containerCommands';
import { showCliEquivalent } from '../../cli/cliEquivalent';
import type { LogSession } from '../../engine/containers';
import type { ContainerSummary } from '../../engine/containerSummary';
import type { ContainersView } from '../containersView';
import { logOptionsProblem } from '../model/logOptions';
import { parseSince } from '../model/since';
import { appendTranscript, track, TrackedTerminal } from '../terminals';
import { ActionResult, errorText, NOTHING, targetsAndOptions } from './common';

export interface LogsOptions {
  tail?: number | 'all';
  timestamps?: boolean;
  /** As the CLI takes it: 10m, 1h30m, 2024-05-01T10:00:00Z, Unix seconds (text or a number). */
  since?: string | number;
  follow?: boolean;
}

const DIM = '\x1b[2m';
const RESET = '\x1b[0m';

export class LogsPty implements vscode.Pseudoterminal {
  private readonly writer = new vscode.EventEmitter<string>();
  private readonly closer = new vscode.EventEmitter<number | void>();
  readonly onDidWrite = this.writer.event;
  readonly onDidClose = this.closer.event;
  private session?: LogSession;
  private ended = false;
  private closed = false;
  readonly tracked: TrackedTerminal;

  constructor(private readonly view: ContainersView, private readonly container: ContainerSummary, private readonly options: LogsOptions, private readonly command: string) {
    this.tracked = track({ kind: 'logs', container: container.name, transcript: '', streamClosed: false });
  }

  private write(text: string): void {
    appendTranscript(this.tracked, text);
    this.writer.fire(text);
  }

  async open(): Promise<void> {
    this.write(`${DIM}$ ${this.command}${RESET}\r\n`);
    const decoders = { stdout: new StringDecoder('utf8'), stderr: new StringDecoder('utf8'), stdin: new StringDecoder('utf8') };
    let tty = false;
    try {
      this.session = await this.view.engine().containers.logs(this.container.id, {
        follow: this.options.follow ?? true,
        tail: this.options.tail ?? 200,
        timestamps: this.options.timestamps,
        since: typeof this.options.since === 'number' ? Math.floor(this.options.since) : this.options.since ? parseSince(this.options.since) : undefined,
      }, {
        begin: (isTty) => { tty = isTty; },
        // A terminal needs \r\n; a TTY container already sends it, a plain process sends \n.
        data: (stream, chunk) => {
          const text = decoders[stream].write(chunk);
          if (text) { this.write(tty ? text : text.replace(/\r?\n/g, '\r\n')); }
        },
        end: (error) => this.streamEnded(error),
      });
      if (this.closed) { this.session.stop(); }
    } catch (e) {
      this.write(`\r\n${vscode.l10n.t('Could not read the log of {0}: {1}', this.container.name, errorText(e))}\r\n`);
      this.streamEnded();
    }
  }

  private streamEnded(error?: Error): void {
    if (this.ended) { return; }
    this.ended = true;
    this.tracked.streamClosed = true;
    if (this.closed) { return; }
    const why = error ? errorText(error) : vscode.l10n.t('the container is not running');
    this.write(`\r\n${DIM}${vscode.l10n.t('— end of the log ({0}). Press any key to close this terminal. —', why)}${RESET}\r\n`);
  }

  handleInput(data: string): void {
    // Ctrl+C stops following, like in `docker container logs -f`; after the end any key closes.
    if (this.ended || data === '\x03') { this.close(); this.closer.fire(); }
  }

  close(): void {
    this.closed = true;
    this.session?.stop();
    this.tracked.streamClosed = this.tracked.streamClosed || !!this.session?.stopped;
  }
}

export function logsCliOptions(o: LogsOptions): LogsCliOptions {
  return { follow: o.follow ?? true, tail: o.tail ?? 200, timestamps: o.timestamps, since: o.since === undefined ? undefined : String(o.since) };
}

export async function showLogs(view: ContainersView, args: unknown[], ask = false): Promise<ActionResult> {
  const picked = await targetsAndOptions<LogsOptions>(view, args, { many: false, placeholder: vscode.l10n.t('Whose log?') });
  if (!picked) { return NOTHING; }
  const settings = vscode.workspace.getConfiguration('dockerLearning.logs');
  let options: LogsOptions = { tail: settings.get<number>('tail', 200), timestamps: settings.get<boolean>('timestamps', false), ...picked.options };
  if (ask && !Object.keys(picked.options).length) {
    const asked = await askLogOptions(options);
    if (!asked) { return NOTHING; }
    options = asked;
  }
  const c = picked.containers[0];
  // A program's options (or a setting) never saw the input boxes' checks: an unreadable --since
  // must not quietly become "no limit", nor a bad --tail reach the engine.
  const problem = logOptionsProblem(options, vscode.l10n.t);
  if (problem) {
    const message = vscode.l10n.t('Could not read the log of {0}: {1}', c.name, problem);
    void vscode.window.showErrorMessage(message);
    return { done: [], failed: [{ name: c.name, error: message }] };
  }
  const command = containerCli.logs(c.name, logsCliOptions(options));
  const pty = new LogsPty(view, c, options, command);
  const terminal = vscode.window.createTerminal({ name: vscode.l10n.t('Logs: {0}', c.name), pty, iconPath: new vscode.ThemeIcon('output') });
  terminal.show();
  void showCliEquivalent(vscode.l10n.t('Showing the log of {0}', c.name), command);
  return { done: [c.name], failed: [], command };
}

async function askLogOptions(defaults: LogsOptions): Promise<LogsOptions | undefined> {
  const tail = await vscode.window.showInputBox({
    title: vscode.l10n.t('Logs: how many lines from the end? (--tail)'),
    value: String(defaults.tail ?? 200),
    prompt: vscode.l10n.t('A number, or all for the whole log'),
    validateInput: (v) => (/^(\d+|all)$/.test(v.trim()) ? undefined : vscode.l10n.t('Type a number or all')),
  });
  if (tail === undefined) { return undefined; }
  const since = await vscode.window.showInputBox({
    title: vscode.l10n.t('Logs: only since when? (--since)'),
    prompt: vscode.l10n.t('Empty for no limit; 10m, 1h30m, 2024-05-01T10:00:00Z or Unix seconds'),
    validateInput: (v) => (!v.trim() || parseSince(v) !== undefined ? undefined : vscode.l10n.t('Use a duration like 10m or 2h, a date like 2024-05-01T10:00:00Z, or Unix seconds')),
  });
  if (since === undefined) { return undefined; }
  const yes = vscode.l10n.t('Show timestamps (-t)');
  const no = vscode.l10n.t('No timestamps');
  const ts = await vscode.window.showQuickPick([no, yes], { title: vscode.l10n.t('Logs: timestamps?') });
  if (ts === undefined) { return undefined; }
  return { tail: tail.trim() === 'all' ? 'all' : Number(tail.trim()), since: since.trim() || undefined, timestamps: ts === yes, follow: true };
}
