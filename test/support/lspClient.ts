// A real LSP client over stdio for protocol tests and benchmarks: spawns `node dist/server.js --stdio`.
import * as cp from 'node:child_process';
import * as path from 'node:path';
import { createMessageConnection, MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { ApplyWorkspaceEditParams, InitializeParams, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const SERVER = path.join(ROOT, 'dist', 'server.js');

export interface StdioServer {
  connection: MessageConnection;
  process: cp.ChildProcess;
  stderr(): string;
  /** Resolves with the next publishDiagnostics for uri that satisfies the predicate. */
  diagnostics(uri: string, predicate?: (p: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams>;
  open(uri: string, text: string, version?: number): void;
  change(uri: string, text: string, version: number): void;
  /** An incremental change, as VS Code sends it. */
  edit(uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }, text: string, version: number): void;
  close(): Promise<void>;
  /** Every workspace/applyEdit the server sent (the client answers `applied: true`). */
  appliedEdits: ApplyWorkspaceEditParams[];
  /** Resolves with the next workspace/applyEdit the server sends. */
  nextApplyEdit(): Promise<ApplyWorkspaceEditParams>;
}

export async function startStdioServer(init: Partial<InitializeParams> = {}, command: string[] = [process.execPath, SERVER, '--stdio']): Promise<StdioServer> {
  const child = cp.spawn(command[0], command.slice(1), { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d) => { stderr += String(d); });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const waiters: { uri: string; predicate: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    for (const w of [...waiters]) {
      if (w.uri === p.uri && w.predicate(p)) { waiters.splice(waiters.indexOf(w), 1); w.resolve(p); }
    }
  });
  connection.onRequest('workspace/configuration', () => []);
  connection.onRequest('client/registerCapability', () => null);
  const appliedEdits: ApplyWorkspaceEditParams[] = [];
  const applyWaiters: ((p: ApplyWorkspaceEditParams) => void)[] = [];
  connection.onRequest('workspace/applyEdit', (p: ApplyWorkspaceEditParams) => {
    appliedEdits.push(p);
    applyWaiters.splice(0).forEach((resolve) => resolve(p));
    return { applied: true };
  });
  connection.onNotification('window/logMessage', () => undefined);
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid, rootUri: null, capabilities: {
      textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] }, completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown'] } } },
      workspace: { applyEdit: true, configuration: false },
    }, ...init,
  } as InitializeParams);
  connection.sendNotification('initialized', {});
  return {
    connection, process: child, stderr: () => stderr, appliedEdits,
    nextApplyEdit() { return new Promise((resolve) => applyWaiters.push(resolve)); },
    diagnostics(uri, predicate = () => true) {
      return new Promise((resolve) => waiters.push({ uri, predicate, resolve }));
    },
    open(uri, text, version = 1) {
      connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version, text } });
    },
    change(uri, text, version) {
      connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    },
    edit(uri, range, text, version) {
      connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
    },
    async close() {
      try { await connection.sendRequest('shutdown'); connection.sendNotification('exit'); } catch { /* gone already */ }
      connection.dispose();
      child.kill();
    },
  };
}
