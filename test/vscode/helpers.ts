import * as assert from 'node:assert';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DockerLearningApi } from '../../client/src/extension';

export const EXTENSION_ID = 'docker-learning.docker-learning';

export function workspaceFile(...parts: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace is open');
  return vscode.Uri.joinPath(folder.uri, ...parts.map((p) => p.split(path.sep).join('/')));
}

export async function activatedApi(): Promise<DockerLearningApi> {
  const extension = vscode.extensions.getExtension<DockerLearningApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is loaded`);
  const api = await extension.activate();
  await api.activationMs;
  return api;
}

/** Resolves with the diagnostics of `uri` once the server has published for it (no sleeps). */
export function nextDiagnostics(uri: vscode.Uri, predicate: (d: vscode.Diagnostic[]) => boolean = () => true, timeoutMs = 20_000): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const current = vscode.languages.getDiagnostics(uri);
    if (current.length && predicate(current)) { resolve(current); return; }
    const timer = setTimeout(() => { sub.dispose(); reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms`)); }, timeoutMs);
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString())) { return; }
      const d = vscode.languages.getDiagnostics(uri);
      if (predicate(d)) { clearTimeout(timer); sub.dispose(); resolve(d); }
    });
  });
}

export function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')).join('\n');
}

/** Hovers at a position, retrying while the language client is still starting. */
export async function hoverAt(uri: vscode.Uri, position: vscode.Position, expect: (text: string) => boolean, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let text = '';
  while (Date.now() < deadline) {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
    text = hoverText(hovers ?? []);
    if (expect(text)) { return text; }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`hover never matched; last text: ${text.slice(0, 300)}`);
}

export interface Shown { kind: 'error' | 'warning' | 'information'; message: string; modal: boolean; detail: string; buttons: string[] }

/**
 * Runs `fn` with every error, warning and information message recorded and answered as if
 * dismissed (undefined). The extension and this bundle share the extension's `vscode` API object,
 * so replacing the functions here replaces them for the extension's code too.
 */
export async function recordingMessages<T>(fn: () => Thenable<T>): Promise<{ shown: Shown[]; result: T }> {
  type Show = (message: string, ...rest: unknown[]) => Thenable<unknown>;
  const window = vscode.window as unknown as Record<string, Show>;
  const kinds = { showErrorMessage: 'error', showWarningMessage: 'warning', showInformationMessage: 'information' } as const;
  const originals = Object.fromEntries(Object.keys(kinds).map((k) => [k, window[k]]));
  const shown: Shown[] = [];
  for (const [fnName, kind] of Object.entries(kinds)) {
    window[fnName] = (message: string, ...rest: unknown[]) => {
      const options = rest[0] && typeof rest[0] === 'object' && !('title' in (rest[0] as object)) ? rest.shift() as vscode.MessageOptions : {};
      shown.push({ kind, message, modal: !!options.modal, detail: options.detail ?? '', buttons: rest.map((b) => (typeof b === 'string' ? b : (b as vscode.MessageItem).title)) });
      return Promise.resolve(undefined);
    };
  }
  try {
    return { shown, result: await fn() };
  } finally {
    Object.assign(window, originals);
  }
}
