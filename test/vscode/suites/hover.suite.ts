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

describe('hover on a large file (real editor)', () => {
  // From 16 KB the server's hover index reads its fast scan and parses single instructions
  // (server/src/hover/documentIndex.ts): here that path runs in the real editor, on the instruction just edited.
  const uri = workspaceFile('large', 'Dockerfile');
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.workspace.fs.delete(workspaceFile('large'), { recursive: true }).then(undefined, () => undefined);
  });

  it('answers on the instruction just edited, and a variable\'s value, in a 3,000-line Dockerfile', async () => {
    await activatedApi();
    const lines = ['FROM alpine:3.20 AS build', 'ENV APP_HOME=/app', 'ARG VERSION=1.0'];
    for (let i = 0; lines.length < 3000; i++) {
      lines.push(`RUN echo "step ${i} of \${VERSION}" \\`, `    && mkdir -p \${APP_HOME}/d${i}`, `COPY file${i}.txt \${APP_HOME}/d${i}/`);
    }
    const text = `${lines.join('\n')}\n`;
    assert.ok(text.length > 16 * 1024, 'larger than the size read through the whole tree');
    await vscode.workspace.fs.writeFile(uri, Buffer.from(text));
    const editor = await vscode.window.showTextDocument(uri);
    const run = 1503;
    assert.match(lines[run], /^RUN echo/);
    await editor.edit((e) => e.insert(new vscode.Position(run + 1, lines[run + 1].length), ' && true'));
    const own = await hoverAt(uri, new vscode.Position(run, 1), (t) => /### RUN/.test(t));
    assert.match(own, /RUN/);
    const at = lines[run + 1].indexOf('${APP_HOME}') + 3;
    const variable = await hoverAt(uri, new vscode.Position(run + 1, at), (t) => /APP_HOME/.test(t) && /\/app/.test(t));
    assert.match(variable, /ENV/);
  });
});
