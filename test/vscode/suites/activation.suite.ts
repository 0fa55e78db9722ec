import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { activatedApi, hoverAt, workspaceFile } from '../helpers';
import { note } from '../runInHost';
import { SERVER_ENV, SERVER_EXEC_ARGV } from '../../../server/src/launch';

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

  it('starts the language server with the node options and environment of server/src/launch.json', function () {
    if (process.platform !== 'linux') { this.skip(); }
    // The server is a child of this extension host; its command line is in /proc.
    const children = fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p)).flatMap((pid) => {
      try {
        const ppid = Number(fs.readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ')[1]);
        return ppid === process.pid ? [{ pid, argv: fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0') }] : [];
      } catch { return []; }
    });
    const child = children.find((c) => c.argv.some((a) => a.endsWith('dist/server.js')));
    assert.ok(child, `a child process runs dist/server.js: ${JSON.stringify(children)}`);
    const server = child.argv;
    assert.ok(SERVER_EXEC_ARGV.length > 0, 'launch.json names at least one option');
    for (const option of SERVER_EXEC_ARGV) { assert.ok(server.indexOf(option) >= 0 && server.indexOf(option) < server.findIndex((a) => a.endsWith('dist/server.js')), `${option} before the script: ${server.join(' ')}`); }
    // The environment is the extension host's plus launch.json's additions (a process's environ is readable by its owner).
    const environ = fs.readFileSync(`/proc/${child.pid}/environ`, 'utf8').split('\0');
    assert.ok(Object.keys(SERVER_ENV).length > 0, 'launch.json adds at least one variable');
    for (const [name, value] of Object.entries(SERVER_ENV)) { assert.ok(environ.includes(`${name}=${value}`), `${name}=${value} in the server's environment`); }
  });

  it('shows our teaching hover on FROM in a real editor', async () => {
    const uri = workspaceFile('Dockerfile');
    const text = await hoverAt(uri, new vscode.Position(1, 1), (t) => t.includes('reference/dockerfile/#from'));
    assert.match(text, /### FROM/);
  });
});
