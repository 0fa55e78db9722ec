import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { activatedApi, hoverAt, workspaceFile } from '../helpers';
import { note } from '../runInHost';

describe('activation (real VS Code extension host)', () => {
  it('activates on a Dockerfile and starts the language client', async () => {
    const doc = await vscode.workspace.openTextDocument(workspaceFile('Dockerfile'));
    assert.strictEqual(doc.languageId, 'dockerfile');
    await vscode.window.showTextDocument(doc);
    const api = await activatedApi();
    assert.ok(api.languageClient.isRunning(), 'the language client is running');
    const ms = await api.activationMs;
    note(`activation → language client ready: ${ms} ms`);
  });

  it('shows our teaching hover on FROM in a real editor', async () => {
    const uri = workspaceFile('Dockerfile');
    const text = await hoverAt(uri, new vscode.Position(1, 1), (t) => t.includes('reference/dockerfile/#from'));
    assert.match(text, /### FROM/);
  });
});
