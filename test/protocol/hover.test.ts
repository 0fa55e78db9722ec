// Hovers over stdio, as an editor sees them: every topic in both languages, and every contextual hover.
import * as assert from 'node:assert';
import { Hover, MarkupContent, Position } from 'vscode-languageserver-protocol';
import { topicIds, topicMarkdown } from '../../server/src/hover/topics';
import { LANGUAGES, Language } from '../../server/src/i18n/language';
import { startStdioServer, StdioServer } from '../support/lspClient';

/** One file in which every topic has a place to hover. */
const ALL_TOPICS = [
  '# syntax=docker/dockerfile:1', //                                                                       0
  '# escape=\\', //                                                                                         1
  '# check=skip=JSONArgsRecommended', //                                                                   2
  'ARG BASE=alpine:3.20', //                                                                               3
  'FROM --platform=$BUILDPLATFORM golang:1.22 AS build', //                                                4
  'MAINTAINER someone@example.com', //                                                                     5
  'LABEL org.opencontainers.image.title=demo', //                                                          6
  'EXPOSE 8080', //                                                                                        7
  'ENV APP_HOME=/app', //                                                                                  8
  'WORKDIR /src', //                                                                                       9
  'USER root', //                                                                                          10
  'VOLUME /data', //                                                                                       11
  'STOPSIGNAL SIGTERM', //                                                                                 12
  'SHELL ["/bin/sh", "-c"]', //                                                                            13
  'ONBUILD RUN echo hi', //                                                                                14
  'COPY --from=build --chown=1000:1000 --chmod=0755 --link --parents --exclude=*.md src/ /dst/', //       15
  'ADD --checksum=sha256:abc --keep-git-dir=true https://example.com/x.git /x/', //                       16
  'RUN --mount=type=bind,target=/b --network=none --security=sandbox make', //                            17
  'RUN --mount=type=cache,target=/c make', //                                                              18
  'RUN --mount=type=tmpfs,target=/t make', //                                                              19
  'RUN --mount=type=secret,id=tok make', //                                                                20
  'RUN --mount=type=ssh make', //                                                                          21
  'RUN <<EOF', //                                                                                          22
  'echo hello', //                                                                                         23
  'EOF', //                                                                                                24
  'HEALTHCHECK --interval=30s --timeout=5s --start-period=5s --start-interval=1s --retries=3 CMD true', // 25
  'ENTRYPOINT ["/app"]', //                                                                                26
  'CMD ["--help"]', //                                                                                     27
].join('\n');

/** topic → [line, text on that line to hover, characters into it]. */
const PLACES: Record<string, [number, string, number?]> = {
  'directive.syntax': [0, 'syntax'], 'directive.escape': [1, 'escape'], 'directive.check': [2, 'check'],
  arg: [3, 'ARG'], from: [4, 'FROM'], 'from.platform': [4, '--platform'], maintainer: [5, 'MAINTAINER'], label: [6, 'LABEL'],
  expose: [7, 'EXPOSE'], env: [8, 'ENV'], workdir: [9, 'WORKDIR'], user: [10, 'USER'], volume: [11, 'VOLUME'],
  stopsignal: [12, 'STOPSIGNAL'], shell: [13, 'SHELL'], onbuild: [14, 'ONBUILD'], run: [14, 'RUN'],
  copy: [15, 'COPY'], 'copy.from': [15, '--from'], 'copy.chown': [15, '--chown'], 'copy.chmod': [15, '--chmod'],
  'copy.link': [15, '--link'], 'copy.parents': [15, '--parents'], 'copy.exclude': [15, '--exclude'],
  add: [16, 'ADD'], 'add.checksum': [16, '--checksum'], 'add.keep-git-dir': [16, '--keep-git-dir'],
  'run.mount': [17, '--mount'], 'run.mount.bind': [17, 'type=bind'], 'run.network': [17, '--network'], 'run.security': [17, '--security'],
  'run.mount.cache': [18, 'type=cache'], 'run.mount.tmpfs': [19, 'type=tmpfs'], 'run.mount.secret': [20, 'type=secret'], 'run.mount.ssh': [21, 'type=ssh'],
  heredoc: [22, '<<EOF'], healthcheck: [25, 'HEALTHCHECK'], 'healthcheck.interval': [25, '--interval'], 'healthcheck.timeout': [25, '--timeout'],
  'healthcheck.start-period': [25, '--start-period'], 'healthcheck.start-interval': [25, '--start-interval'], 'healthcheck.retries': [25, '--retries'],
  entrypoint: [26, 'ENTRYPOINT'], cmd: [27, 'CMD'],
};

function positionOf(text: string, line: number, marker: string, offset = 2): Position {
  const character = text.split('\n')[line].indexOf(marker);
  assert.ok(character >= 0, `"${marker}" on line ${line}`);
  return { line, character: character + offset };
}

function value(h: Hover | null): string { return h ? (h.contents as MarkupContent).value : ''; }

const URI = 'file:///w/Dockerfile';

async function hover(server: StdioServer, position: Position, uri = URI): Promise<string> {
  return value(await server.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position }));
}

describe('hover over stdio: every topic in both languages', () => {
  it('the fixture has a place for every topic', () => {
    assert.deepStrictEqual(topicIds().filter((id) => !(id in PLACES)), []);
  });

  for (const language of LANGUAGES) {
    describe(language, () => {
      let server: StdioServer;
      before(async () => {
        server = await startStdioServer({ locale: language === 'zh-cn' ? 'zh-CN' : 'en-US' });
        server.open(URI, ALL_TOPICS);
      });
      after(async () => { await server?.close(); });

      for (const id of topicIds()) {
        it(id, async () => {
          const [line, marker, offset] = PLACES[id] ?? [0, '#'];
          const text = await hover(server, positionOf(ALL_TOPICS, line, marker, offset));
          const topic = topicMarkdown(id, language as Language)!;
          assert.ok(text.endsWith(topic), `hover shows ${language}/${id}.md; got: ${text.slice(0, 160)}`);
          if (language === 'zh-cn') { assert.match(text, /[\u4e00-\u9fff]/); } else { assert.doesNotMatch(text, /[\u4e00-\u9fff]/); }
        });
      }
    });
  }
});

const CONTEXT = [
  'ARG BASE=alpine:3.13.5', //                         0
  'ARG VERSION=1.0', //                                1
  'FROM gcc:9.4 AS builder', //                        2
  'ARG TOOL=gcc', //                                   3
  'ENV OUT=/src/hello', //                             4
  'RUN echo $TOOL ${VERSION:-none} ${OUT:+built}', //  5
  '', //                                               6
  'FROM ${BASE}', //                                   7
  'COPY --from=builder /src/hello /src/hello', //      8
  'ENTRYPOINT ["/src/hello"]', //                      9
  'CMD []', //                                         10
].join('\n');

describe('hover over stdio: contextual hovers', () => {
  const servers: Partial<Record<Language, StdioServer>> = {};
  before(async () => {
    for (const language of LANGUAGES) {
      const server = await startStdioServer({ locale: 'en', initializationOptions: { language } });
      server.open(URI, CONTEXT);
      servers[language] = server;
    }
  });
  after(async () => { for (const s of Object.values(servers)) { await s?.close(); } });
  const at = (language: Language, line: number, marker: string, offset = 1): Promise<string> => hover(servers[language]!, positionOf(CONTEXT, line, marker, offset));

  it('a build-time ARG: value here and where it was declared', async () => {
    const t = await at('en', 5, '$TOOL');
    assert.match(t, /\*\*Value here:\*\* `gcc`/);
    assert.match(t, /Declared at line 4: `ARG TOOL=gcc`/);
    assert.match(t, /Build-time only \(ARG\)/);
    const zh = await at('zh-cn', 5, '$TOOL');
    assert.match(zh, /\*\*此处的值：\*\* `gcc`/);
    assert.match(zh, /声明于第 4 行/);
    assert.match(zh, /仅构建时有效（ARG）/);
  });

  it('an ARG before FROM that the stage did not re-declare: not visible here, with why', async () => {
    const t = await at('en', 5, '${VERSION');
    assert.match(t, /Not visible here/);
    assert.match(t, /declared before the first FROM \(line 2\)/);
    assert.match(t, /\*\*Result here:\*\* `none`/);
    assert.match(await at('zh-cn', 5, '${VERSION'), /此处不可见/);
  });

  it('an ENV with ${X:+alt}: build time and run time', async () => {
    const t = await at('en', 5, '${OUT');
    assert.match(t, /Build time and run time \(ENV\)/);
    assert.match(t, /\*\*Result here:\*\* `built`/);
    assert.match(await at('zh-cn', 5, '${OUT'), /构建时和运行时都有效（ENV）/);
  });

  it('a global ARG in FROM', async () => {
    assert.match(await at('en', 7, '${BASE}'), /\*\*Value here:\*\* `alpine:3\.13\.5`/);
  });

  it('ENTRYPOINT and CMD: the effective start command, and what `docker container run IMAGE xxx.yaml` runs', async () => {
    for (const [line, marker] of [[9, 'ENTRYPOINT'], [10, 'CMD']] as const) {
      const t = await at('en', line, marker);
      assert.match(t, /Effective start command/);
      assert.match(t, /runs: `\/src\/hello`\n/);
      assert.match(t, /`docker container run IMAGE xxx\.yaml` runs: `\/src\/hello xxx\.yaml`/);
      const zh = await at('zh-cn', line, marker);
      assert.match(zh, /实际启动命令/);
      assert.match(zh, /`docker container run IMAGE xxx\.yaml` 会执行：`\/src\/hello xxx\.yaml`/);
    }
  });

  it('a stage name: its base image, its line and who copies from it', async () => {
    for (const [line, marker] of [[2, 'builder'], [8, 'builder']] as const) {
      const t = await at('en', line, marker);
      assert.match(t, /\*\*Build stage\*\* `builder` · line 3/);
      assert.match(t, /Base image: `gcc:9\.4`/);
      assert.match(t, /line 9, copies files from it: `COPY --from=builder/);
    }
    assert.match(await at('zh-cn', 2, 'builder'), /第 9 行，从中复制文件/);
  });

  it('an image reference in FROM: its parts and the defaults', async () => {
    const t = await at('en', 2, 'gcc:9.4');
    assert.match(t, /Full name: `docker\.io\/library\/gcc:9\.4`/);
    assert.match(t, /\| Tag \| `9\.4` \|/);
    assert.match(await at('zh-cn', 2, 'gcc:9.4'), /完整名称：`docker\.io\/library\/gcc:9\.4`/);
  });

  it('odd positions answer null instead of failing', async () => {
    for (const position of [{ line: 6, character: 0 }, { line: 0, character: 500 }, { line: 500, character: 0 }]) {
      const h = await servers.en!.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: URI }, position });
      assert.ok(h === null || typeof h === 'object');
    }
    servers.en!.open('file:///w/empty.Dockerfile', '');
    assert.strictEqual(await hover(servers.en!, { line: 0, character: 0 }, 'file:///w/empty.Dockerfile'), '');
    servers.en!.open('file:///w/directives.Dockerfile', '# syntax=docker/dockerfile:1\n');
    assert.match(await hover(servers.en!, { line: 0, character: 3 }, 'file:///w/directives.Dockerfile'), /^### /);
  });
});
