// `docker container run -it` inside VS Code: a pseudoterminal wired to the container's TTY
// through the engine API (attach before start, resize with the panel), no docker CLI needed.
import * as vscode from 'vscode';
import { runInteractive, type InteractiveSession } from '../engine/images';
import type { ImagesContext } from './actions/common';
import { runCreateOptions, type RunSpec } from './model/runCommand';

export function openRunTerminal(ctx: ImagesContext, spec: RunSpec, command: string): vscode.Terminal {
  const write = new vscode.EventEmitter<string>();
  const close = new vscode.EventEmitter<number | void>();
  let session: InteractiveSession | undefined;
  let size: vscode.TerminalDimensions | undefined;
  const pty: vscode.Pseudoterminal = {
    onDidWrite: write.event,
    onDidClose: close.event,
    open: (dims) => {
      size = dims;
      write.fire(`\x1b[2m$ ${command}\x1b[0m\r\n`);
      runInteractive(ctx.engine(), runCreateOptions(spec)).then((s) => {
        session = s;
        ctx.tree.refreshSoon();
        void vscode.commands.executeCommand('dockerLearning.containers.refresh').then(undefined, () => undefined);
        if (size) { void s.resize(size.rows, size.columns); }
        s.stream.on('data', (d: Buffer) => write.fire(d.toString('utf8')));
        s.exited.then((code) => {
          write.fire(`\r\n\x1b[2m${vscode.l10n.t('[the container exited with code {0}; it stays in the Containers view until removed]', code)}\x1b[0m\r\n`);
        }, () => undefined);
      }, (e: unknown) => {
        write.fire(`\x1b[31m${e instanceof Error ? e.message : String(e)}\x1b[0m\r\n`);
      });
    },
    close: () => { (session?.stream as unknown as { destroy?: () => void } | undefined)?.destroy?.(); },
    handleInput: (data) => { session?.stream.write(data); },
    setDimensions: (dims) => { size = dims; void session?.resize(dims.rows, dims.columns); },
  };
  const terminal = vscode.window.createTerminal({ name: vscode.l10n.t('Run {0}', spec.name ?? spec.image), pty });
  terminal.show();
  return terminal;
}
