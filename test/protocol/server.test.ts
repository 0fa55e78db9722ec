// The standalone server over stdio, driven by a real LSP client, as any editor would.
import * as assert from 'node:assert';
import { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { startStdioServer, StdioServer } from '../support/lspClient';

const COURSE_EXAMPLE = [
  'FROM gcc:9.4 AS builder', 'COPY hello.c /src/hello.c', 'WORKDIR /src', 'RUN gcc --static -o hello hello.c', '',
  'FROM alpine:3.13.5', 'COPY --from=builder /src/hello /src/hello', 'ENTRYPOINT ["/src/hello"]', 'CMD []', '',
].join('\n');

function value(h: Hover | null): string { return h ? (h.contents as MarkupContent).value : ''; }

describe('language server over stdio (node dist/server.js --stdio)', () => {
  let server: StdioServer;
  afterEach(async () => { await server?.close(); });

  it('answers a hover on FROM with our teaching text, in English by default', async () => {
    server = await startStdioServer({ locale: 'en' });
    server.open('file:///w/Dockerfile', COURSE_EXAMPLE);
    const hover = await server.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: 'file:///w/Dockerfile' }, position: { line: 0, character: 2 } });
    assert.match(value(hover), /^### FROM/);
    assert.match(value(hover), /docs\.docker\.com\/reference\/dockerfile\/#from/);
    assert.deepStrictEqual(hover?.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } });
  });

  it('answers in Chinese when the client locale is zh-cn', async () => {
    server = await startStdioServer({ locale: 'zh-cn' });
    server.open('file:///w/Dockerfile', COURSE_EXAMPLE);
    const hover = await server.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: 'file:///w/Dockerfile' }, position: { line: 7, character: 3 } });
    // The effective start command comes first, then the ENTRYPOINT lesson.
    assert.match(value(hover), /^### ENTRYPOINT$/m);
    assert.match(value(hover), /[\u4e00-\u9fff]/);
  });

  it('lets initializationOptions.language override the locale', async () => {
    server = await startStdioServer({ locale: 'zh-cn', initializationOptions: { language: 'en' } });
    server.open('file:///w/Dockerfile', COURSE_EXAMPLE);
    const hover = await server.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: 'file:///w/Dockerfile' }, position: { line: 3, character: 1 } });
    assert.match(value(hover), /^### RUN/);
    assert.doesNotMatch(value(hover), /[\u4e00-\u9fff]/);
  });

  it('publishes diagnostics for the document version it was given', async () => {
    server = await startStdioServer();
    const uri = 'file:///w/bad.Dockerfile';
    const first = server.diagnostics(uri);
    server.open(uri, 'FROM alpine:3.20\nENV\n', 3);
    const published = await first;
    assert.strictEqual(published.version, 3);
    assert.ok(published.diagnostics.some((d) => d.range.start.line === 1), 'ENV without arguments is reported on line 2');
  });

  it('exits when its input ends, as a server started with --stdio does', async () => {
    server = await startStdioServer();
    const exited = new Promise<number | null>((resolve) => server.process.once('exit', (code) => resolve(code)));
    server.process.stdin!.end();
    const code = await Promise.race([exited, new Promise<string>((resolve) => setTimeout(() => resolve('still running after 10 s'), 10_000))]);
    // No shutdown request came first: the exit code says the client went away (1), as vscode-languageserver does.
    assert.strictEqual(code, 1);
  });

  it('answers from the new text after an edit (the document is updated in place; the parse must not be)', async () => {
    server = await startStdioServer({ locale: 'en' });
    const uri = 'file:///w/edited.Dockerfile';
    server.open(uri, COURSE_EXAMPLE, 1);
    const before = await server.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } });
    assert.match(value(before), /### FROM/);
    server.change(uri, `ARG V=1\n${COURSE_EXAMPLE}`, 2);
    const after = await server.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } });
    assert.match(value(after), /### ARG/);
  });
});
