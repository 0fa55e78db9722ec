import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { activatedApi, hoverAt, workspaceFile } from '../helpers';

describe('hover language (real editor)', () => {
  after(async () => {
    await vscode.workspace.getConfiguration('dockerLearning').update('language', undefined, vscode.ConfigurationTarget.Global);
  });

  it('switches to Chinese when dockerLearning.language is zh-cn', async () => {
    await activatedApi();
    const uri = workspaceFile('Dockerfile');
    await vscode.window.showTextDocument(uri);
    await vscode.workspace.getConfiguration('dockerLearning').update('language', 'zh-cn', vscode.ConfigurationTarget.Global);
    const text = await hoverAt(uri, new vscode.Position(8, 2), (t) => /### ENTRYPOINT/.test(t) && /[\u4e00-\u9fff]/.test(t));
    assert.match(text, /常见错误/);
    // Computed from the file: the stage's effective start command, before the lesson.
    assert.match(text, /实际启动命令/);
    assert.match(text, /\/src\/hello xxx\.yaml/);
  });

  it('switches back to English', async () => {
    const uri = workspaceFile('Dockerfile');
    await vscode.workspace.getConfiguration('dockerLearning').update('language', 'en', vscode.ConfigurationTarget.Global);
    const text = await hoverAt(uri, new vscode.Position(8, 2), (t) => /### ENTRYPOINT/.test(t) && !/[\u4e00-\u9fff]/.test(t));
    assert.match(text, /mistake/i);
  });
});
