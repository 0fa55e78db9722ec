// Every LSP feature besides hover, over stdio: each answers sensibly on a real Dockerfile.
import * as assert from 'node:assert';
import {
  CodeAction, Command, CompletionItem, CompletionList, DocumentHighlight, DocumentLink, DocumentSymbol, FoldingRange, Location,
  MarkupContent, Range, SemanticTokens, SignatureHelp, SymbolInformation, TextEdit, WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { SEMANTIC_TOKENS_LEGEND } from '../../server/src/features/semanticTokens';
import { topicMarkdown } from '../../server/src/hover/topics';
import { startStdioServer, StdioServer } from '../support/lspClient';

const URI = 'file:///w/Dockerfile';
const FILE = [
  'FROM gcc:9.4 AS builder', //                          0
  'RUN echo a && \\', //                                 1
  '    echo b', //                                       2
  'FROM alpine:3.13.5', //                               3
  'COPY --from=builder /src/hello /src/hello', //        4
  'ENTRYPOINT ["/src/hello"]', //                        5
  '   CMD []', //                                        6
  '', //                                                 7
].join('\n');
const FORMAT_OPTIONS = { tabSize: 4, insertSpaces: true };

function items(result: CompletionItem[] | CompletionList | null): CompletionItem[] {
  return !result ? [] : Array.isArray(result) ? result : result.items;
}
function doc(item: CompletionItem | undefined): string {
  const d = item?.documentation;
  return typeof d === 'string' ? d : (d as MarkupContent | undefined)?.value ?? '';
}

describe('LSP features over stdio', () => {
  let server: StdioServer;
  let zh: StdioServer;
  const request = <T>(method: string, params: object, s = server): Promise<T> => s.connection.sendRequest<T>(method, { textDocument: { uri: URI }, ...params });

  before(async () => {
    server = await startStdioServer({ locale: 'en' });
    server.open(URI, FILE);
    zh = await startStdioServer({ locale: 'zh-cn' });
  });
  after(async () => { await server?.close(); await zh?.close(); });

  describe('completion', () => {
    it('offers instructions with our topic text, in the chosen language', async () => {
      const uri = 'file:///w/complete.Dockerfile';
      zh.open(uri, 'FROM alpine\n');
      const list = items(await zh.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 0 } }));
      const run = list.find((i) => i.label.startsWith('RUN'));
      assert.ok(run, 'RUN is offered');
      assert.strictEqual(doc(run), topicMarkdown('run', 'zh-cn'));
      const en = items(await request('textDocument/completion', { position: { line: 7, character: 0 } }));
      assert.strictEqual(doc(en.find((i) => i.label.startsWith('WORKDIR'))), topicMarkdown('workdir', 'en'));
    });

    it('completes flags, including those the service lacks, with their topics', async () => {
      const uri = 'file:///w/flags.Dockerfile';
      server.open(uri, 'FROM alpine\nCOPY --\nRUN --mount=type=\n');
      const copy = items(await server.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 7 } }));
      assert.strictEqual(doc(copy.find((i) => i.label === '--link')), topicMarkdown('copy.link', 'en'));
      assert.strictEqual(doc(copy.find((i) => i.label.startsWith('--from'))), topicMarkdown('copy.from', 'en'));
      const types = items(await server.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 2, character: 17 } }));
      assert.deepStrictEqual(types.map((i) => i.label).sort(), ['bind', 'cache', 'secret', 'ssh', 'tmpfs']);
      assert.strictEqual(doc(types.find((i) => i.label === 'cache')), topicMarkdown('run.mount.cache', 'en'));
    });

    it('completes parser directives, check included', async () => {
      const uri = 'file:///w/directive.Dockerfile';
      server.open(uri, '# \nFROM alpine\n');
      const list = items(await server.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 2 } }));
      assert.ok(list.some((i) => i.label.startsWith('syntax=docker/dockerfile:1')));
      assert.strictEqual(doc(list.find((i) => i.label.startsWith('check'))), topicMarkdown('directive.check', 'en'));
    });

    it('asks no registry for tags unless the user opted in', async () => {
      const uri = 'file:///w/tag.Dockerfile';
      server.open(uri, 'FROM alpine:\n');
      const list = items(await server.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 12 } }));
      assert.deepStrictEqual(list, []);
    });

    it('resolves items without losing our documentation', async () => {
      const list = items(await request('textDocument/completion', { position: { line: 7, character: 0 } }));
      const resolved = await server.connection.sendRequest<CompletionItem>('completionItem/resolve', list.find((i) => i.label.startsWith('USER')));
      assert.strictEqual(doc(resolved), topicMarkdown('user', 'en'));
      const uri = 'file:///w/resolve.Dockerfile';
      zh.open(uri, 'FROM alpine\n');
      const zhList = items(await zh.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 0 } }));
      const bare = { ...zhList.find((i) => i.label.startsWith('EXPOSE'))!, documentation: undefined };
      const zhResolved = await zh.connection.sendRequest<CompletionItem>('completionItem/resolve', bare);
      assert.strictEqual(doc(zhResolved), topicMarkdown('expose', 'zh-cn'), 'a client that drops documentation gets it back on resolve');
    });
  });

  it('signature help describes the instruction being typed', async () => {
    const help = await request<SignatureHelp | null>('textDocument/signatureHelp', { position: { line: 4, character: 7 } });
    assert.match(help?.signatures[0].label ?? '', /^COPY /);
  });

  it('document symbols list the instructions', async () => {
    const symbols = await request<(SymbolInformation | DocumentSymbol)[]>('textDocument/documentSymbol', {});
    assert.deepStrictEqual(symbols.map((s) => s.name), ['FROM', 'RUN', 'FROM', 'COPY', 'ENTRYPOINT', 'CMD']);
  });

  it('folding covers a continued instruction', async () => {
    const ranges = await request<FoldingRange[]>('textDocument/foldingRange', {});
    assert.ok(ranges.some((r) => r.startLine === 1 && r.endLine === 2));
  });

  it('highlights a stage name where it is declared and used', async () => {
    const highlights = await request<DocumentHighlight[]>('textDocument/documentHighlight', { position: { line: 0, character: 18 } });
    assert.deepStrictEqual(highlights.map((h) => h.range.start.line).sort(), [0, 4]);
  });

  it('renames a stage together with its --from uses', async () => {
    const range = await request<Range | null>('textDocument/prepareRename', { position: { line: 0, character: 18 } });
    assert.deepStrictEqual(range, { start: { line: 0, character: 16 }, end: { line: 0, character: 23 } });
    const edit = await request<WorkspaceEdit>('textDocument/rename', { position: { line: 0, character: 18 }, newName: 'build' });
    const edits = edit.changes?.[URI] ?? [];
    assert.deepStrictEqual(edits.map((e) => [e.range.start.line, e.newText]).sort(), [[0, 'build'], [4, 'build']]);
  });

  it('answers empty where dockerfile-ast throws a TypeError of its own, from the bundle too (found by the fuzzer)', async () => {
    // A "# escape=" comment inside a COPY's continuation: dockerfile-ast's Copy.getHeredocs reads a range of
    // nothing. Bundled, the library's frames name dist/server.js: the ranges the build appends tell them apart
    // (scripts/lib/libraryRanges.mjs), so the request is answered empty instead of failing.
    const uri = 'file:///w/library-fault/Dockerfile';
    server.open(uri, 'COPY \\\n# escape=\\type\nLABEL x\n');
    const at = { textDocument: { uri }, position: { line: 0, character: 1 } };
    assert.deepStrictEqual(await server.connection.sendRequest('textDocument/documentHighlight', at), []);
    assert.strictEqual(await server.connection.sendRequest('textDocument/definition', at), null);
    assert.strictEqual(await server.connection.sendRequest('textDocument/prepareRename', at), null);
  });

  it('goes from --from=builder to the stage definition', async () => {
    const location = await request<Location | null>('textDocument/definition', { position: { line: 4, character: 14 } });
    assert.strictEqual(location?.uri, URI);
    assert.deepStrictEqual(location?.range.start, { line: 0, character: 16 });
  });

  it('links base images to Docker Hub', async () => {
    const links = await request<DocumentLink[]>('textDocument/documentLink', {});
    assert.strictEqual(links.length, 2);
    const resolved = await server.connection.sendRequest<DocumentLink>('documentLink/resolve', links[1]);
    assert.strictEqual(resolved.target, 'https://hub.docker.com/_/alpine/');
  });

  it('formats the document, a range, and on type', async () => {
    const all = await request<TextEdit[]>('textDocument/formatting', { options: FORMAT_OPTIONS });
    assert.deepStrictEqual(all, [{ range: { start: { line: 6, character: 0 }, end: { line: 6, character: 3 } }, newText: '' }]);
    const range = await request<TextEdit[]>('textDocument/rangeFormatting', { range: { start: { line: 6, character: 0 }, end: { line: 6, character: 9 } }, options: FORMAT_OPTIONS });
    assert.strictEqual(range.length, 1);
    const uri = 'file:///w/ontype.Dockerfile';
    server.open(uri, 'FROM alpine\nRUN echo \\\nx');
    const onType = await server.connection.sendRequest<TextEdit[]>('textDocument/onTypeFormatting', { textDocument: { uri }, position: { line: 1, character: 10 }, ch: '\\', options: FORMAT_OPTIONS });
    assert.deepStrictEqual(onType, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, newText: '    ' }]);
  });

  describe('semantic tokens', () => {
    /** "line:char type text" for every token, with the legend's names. */
    function decode(data: number[], text: string): string[] {
      const lines = text.split('\n');
      const out: string[] = [];
      let line = 0; let char = 0;
      for (let i = 0; i < data.length; i += 5) {
        line += data[i];
        char = data[i] ? data[i + 1] : char + data[i + 1];
        out.push(`${line}:${char} ${SEMANTIC_TOKENS_LEGEND.tokenTypes[data[i + 3]]}${data[i + 4] ? `+${data[i + 4]}` : ''} ${lines[line].slice(char, char + data[i + 2])}`);
      }
      return out;
    }

    it('marks keywords, flags, stage names, images, variables, strings, continuations and comments', async () => {
      const uri = 'file:///w/tokens.Dockerfile';
      const text = [
        '# syntax=docker/dockerfile:1',
        'ARG BASE=alpine',
        'FROM ${BASE}:3.20 AS build',
        '# a comment',
        'RUN --mount=type=cache,target=/c echo "hello world" $HOME \\',
        '    # inside',
        '    && true',
        'MAINTAINER me',
      ].join('\n');
      server.open(uri, text);
      const tokens = decode((await server.connection.sendRequest<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } })).data, text);
      for (const expected of [
        '0:0 comment # ', '0:2 property syntax', '0:8 operator =', '0:9 parameter docker/dockerfile:1',
        '1:0 keyword ARG', '1:4 variable+1 BASE', '1:8 operator =', '1:9 parameter alpine',
        '2:0 keyword FROM', '2:5 variable ${BASE}', '2:13 property 3.20', '2:18 keyword AS', '2:21 namespace build',
        '3:0 comment # a comment',
        '4:0 keyword RUN', '4:4 parameter --mount', '4:11 operator =', '4:12 parameter type', '4:17 property cache',
        '4:38 string "hello world"', '4:52 variable $HOME', '4:58 macro \\',
        '5:4 comment # inside', '6:4 parameter &&', '7:0 keyword+4 MAINTAINER',
      ]) {
        assert.ok(tokens.includes(expected), `expected "${expected}" among:\n${tokens.join('\n')}`);
      }
    });

    it('stays linear on a 5,000-line continued RUN (the service needs minutes)', async function () {
      this.timeout(20_000);
      const uri = 'file:///w/long.Dockerfile';
      const text = `FROM alpine:3.20\nRUN true \\\n${'  && echo step \\\n'.repeat(5000)}  && true\n`;
      server.open(uri, text);
      const started = Date.now();
      const tokens = await server.connection.sendRequest<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
      assert.ok(Date.now() - started < 10_000, `took ${Date.now() - started} ms`);
      assert.ok(tokens.data.length / 5 > 5000 * 3, 'every continued line has its tokens');
    });
  });

  it("runs the service's code actions: workspace/executeCommand → workspace/applyEdit", async () => {
    const uri = 'file:///w/lower.Dockerfile';
    server.open(uri, 'from alpine\n');
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } };
    const diagnostic = { range, message: 'Instructions should be written in uppercase letters', severity: 2, source: 'dockerfile-utils', code: 0 };
    const actions = await server.connection.sendRequest<(Command | CodeAction)[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [diagnostic] } });
    const action = actions.find((a) => /uppercase/i.test(a.title));
    assert.ok(action, `an uppercase action among ${actions.map((a) => a.title).join(', ')}`);
    const command = 'command' in action && typeof action.command === 'string' ? action as Command : (action as CodeAction).command!;
    const applied = server.nextApplyEdit();
    await server.connection.sendRequest('workspace/executeCommand', { command: command.command, arguments: command.arguments });
    const edit = await applied;
    const change = edit.edit.documentChanges?.[0] as { textDocument: { uri: string }; edits: TextEdit[] };
    assert.strictEqual(change.textDocument.uri, uri);
    assert.deepStrictEqual(change.edits, [{ range, newText: 'FROM' }]);
  });
});
