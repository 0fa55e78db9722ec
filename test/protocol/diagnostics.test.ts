// Diagnostics over the wire, as an editor sees them: published per document version, with a link to the
// rule's page, in the learner's language, adjustable from the settings, with quick fixes — and the rule
// page itself served by the custom request.
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { startStdioServer, StdioServer } from '../support/lspClient';

const COURSE_NOTES = 'FROM alpine:3.13.5\nENTRYPOINT[“/src/hello”]\n';
const SHELL_CMD = 'FROM node:20.14-alpine\nWORKDIR /app\nCMD node server.js\n';
const codes = (ds: Diagnostic[]) => ds.map((d) => d.code);

describe('diagnostics over LSP', () => {
  let server: StdioServer;
  afterEach(async () => { await server?.close(); });

  it('explains ENTRYPOINT[“/src/hello”] as two mistakes, with links to the rule pages', async () => {
    server = await startStdioServer({ locale: 'en' });
    const uri = 'file:///w/course/Dockerfile';
    const published = server.diagnostics(uri);
    server.open(uri, COURSE_NOTES, 7);
    const p = await published;
    assert.strictEqual(p.version, 7);
    assert.deepStrictEqual(codes(p.diagnostics).sort(), ['exec-form-missing-space', 'typographic-quotes']);
    const missing = p.diagnostics.find((d) => d.code === 'exec-form-missing-space')!;
    assert.strictEqual(missing.severity, 1);
    assert.strictEqual(missing.source, 'docker-learning');
    assert.strictEqual(missing.codeDescription?.href, 'docker-learning-rule:/en/exec-form-missing-space.md');
    assert.doesNotMatch(String(missing.message), /ENTRYPOINT\[“\/SRC/);
  });

  it('publishes for each new version, and the last one wins', async () => {
    server = await startStdioServer();
    const uri = 'file:///w/versions/Dockerfile';
    server.open(uri, SHELL_CMD, 1);
    const last = server.diagnostics(uri, (p) => p.version === 4);
    server.change(uri, 'FROM node:20.14-alpine\nWORKDIR /app\nCMD ["node", "server.js"]\n', 2);
    server.change(uri, 'FROM node\n', 3);
    server.change(uri, 'FROM node:20.14-alpine\nWORKDIR app\nCMD ["node", "server.js"]\n', 4);
    const p = await last;
    assert.deepStrictEqual(codes(p.diagnostics), ['workdir-relative']);
  });

  it('speaks Chinese to a zh-cn client, links included', async () => {
    server = await startStdioServer({ locale: 'zh-cn' });
    const uri = 'file:///w/zh/Dockerfile';
    const published = server.diagnostics(uri);
    server.open(uri, SHELL_CMD);
    const [d] = (await published).diagnostics;
    assert.match(String(d.message), /[\u4e00-\u9fff]/);
    assert.strictEqual(d.codeDescription?.href, 'docker-learning-rule:/zh-cn/exec-form-recommended.md');
  });

  it('follows dockerLearning.diagnostics.rules from the client\'s configuration', async () => {
    server = await startStdioServer();
    const uri = 'file:///w/settings/Dockerfile';
    const first = server.diagnostics(uri);
    server.open(uri, SHELL_CMD);
    assert.strictEqual((await first).diagnostics[0].severity, 2);

    const asError = server.diagnostics(uri);
    server.connection.sendNotification('workspace/didChangeConfiguration', { settings: { dockerLearning: { diagnostics: { rules: { 'exec-form-recommended': 'error' } } } } });
    assert.strictEqual((await asError).diagnostics[0].severity, 1);

    const off = server.diagnostics(uri);
    server.connection.sendNotification('workspace/didChangeConfiguration', { settings: { dockerLearning: { diagnostics: { rules: { 'exec-form-recommended': 'off' } } } } });
    assert.deepStrictEqual((await off).diagnostics, []);
  });

  it('answers a code action with the rule\'s fix as a workspace edit', async () => {
    server = await startStdioServer();
    const uri = 'file:///w/fix/Dockerfile';
    const published = server.diagnostics(uri);
    server.open(uri, SHELL_CMD);
    const diagnostics = (await published).diagnostics;
    const actions = await server.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics } });
    const fix = actions.find((a) => a.isPreferred)!;
    assert.strictEqual(fix.title, 'Convert to exec form: ["node", "server.js"]');
    assert.deepStrictEqual(fix.edit?.changes?.[uri], [{ range: diagnostics[0].range, newText: '["node", "server.js"]' }]);
    assert.ok(actions.some((a) => a.title === 'Ignore exec-form-recommended for this instruction'));
  });

  it('serves a rule page with dockerLearning/rulePage', async () => {
    server = await startStdioServer({ locale: 'zh-cn' });
    const page = await server.connection.sendRequest<{ id: string; language: string; markdown: string } | null>('dockerLearning/rulePage', { uri: 'docker-learning-rule:/zh-cn/apt-get-install-yes.md' });
    assert.strictEqual(page?.id, 'apt-get-install-yes');
    assert.match(page?.markdown ?? '', /^# `apt-get-install-yes`/);
    assert.match(page?.markdown ?? '', /[\u4e00-\u9fff]/);
    assert.strictEqual(await server.connection.sendRequest('dockerLearning/rulePage', { id: 'no-such-rule' }), null);
  });

  it('reads the .dockerignore next to a Dockerfile on disk', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dl-ignore-'));
    try {
      fs.writeFileSync(path.join(dir, '.dockerignore'), '# secrets stay out\n.env\n');
      const uri = pathToFileURL(path.join(dir, 'Dockerfile')).href;
      server = await startStdioServer();
      const published = server.diagnostics(uri);
      server.open(uri, 'FROM node:20.14-alpine\nWORKDIR /app\nCOPY .env ./\n');
      const d = (await published).diagnostics;
      assert.deepStrictEqual(codes(d), ['copy-ignored-file']);
      assert.strictEqual(d[0].range.start.line, 2);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('publishes nothing for the valid course example', async () => {
    server = await startStdioServer();
    const uri = 'file:///w/clean/Dockerfile';
    const published = server.diagnostics(uri);
    server.open(uri, 'FROM gcc:9.4 AS builder\nCOPY hello.c /src/hello.c\nWORKDIR /src\nRUN gcc --static -o hello hello.c\n\nFROM alpine:3.13.5\nCOPY --from=builder /src/hello /src/hello\nENTRYPOINT ["/src/hello"]\nCMD []\n');
    assert.deepStrictEqual((await published).diagnostics, []);
  });
});
