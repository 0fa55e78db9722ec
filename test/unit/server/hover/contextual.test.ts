// Contextual hovers computed from the file: variables, the effective start command, stages and image
// references, in both languages, straight on the pure functions (the protocol layer repeats the main
// cases over stdio).
import * as assert from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { MarkupContent } from 'vscode-languageserver-types';
import { ParsedDocument, ParsedDocumentCache } from '../../../../server/src/documents/parsedDocument';
import { computeHover } from '../../../../server/src/hover/computeHover';
import { documentIndex } from '../../../../server/src/hover/documentIndex';
import { parseImageRef } from '../../../../server/src/hover/stageHover';
import { expandVariables, scanVariables } from '../../../../server/src/hover/variableSyntax';
import { topicMarkdown } from '../../../../server/src/hover/topics';
import type { Language } from '../../../../server/src/i18n/language';

function parsed(text: string): ParsedDocument {
  return new ParsedDocument(TextDocument.create('file:///w/Dockerfile', 'dockerfile', 1, text));
}

/** Hover at the first occurrence of `marker` on `line` (0-based), `offset` characters into it. */
function hoverText(text: string, line: number, marker: string, language: Language = 'en', offset = 1): string {
  const lineText = text.split('\n')[line];
  const at = lineText.indexOf(marker);
  assert.ok(at >= 0, `"${marker}" is on line ${line}: ${lineText}`);
  const hover = computeHover(parsed(text), { line, character: at + offset }, language);
  return hover ? (hover.contents as MarkupContent).value : '';
}

const VARS = [
  'ARG BASE=alpine:3.20', //                                      0
  'ARG VERSION=1.0', //                                           1
  'ARG ONLY_GLOBAL=x', //                                         2
  'FROM ${BASE} AS build', //                                     3
  'ARG VERSION', //                                               4
  'ARG NODEFAULT', //                                             5
  'ENV APP_HOME=/app', //                                         6
  'RUN echo $VERSION $ONLY_GLOBAL ${MISSING:-fallback} ${APP_HOME:+yes} ${NODEFAULT:-dflt} $LATER \'$APP_HOME\'', // 7
  'ENV LATER=1', //                                               8
  'CMD echo $VERSION $APP_HOME', //                               9
  'ENTRYPOINT ["echo", "$APP_HOME"]', //                          10
  'ARG MODE=dev', //                                              11
  'ENV MODE=prod', //                                             12
  'RUN echo $MODE $TARGETARCH', //                                13
  'ENV A=1', //                                                   14
  'ENV A=2 B=$A', //                                              15
  'RUN echo $B', //                                               16
  '', //                                                          17
  'FROM build AS final', //                                       18
  'RUN echo $APP_HOME $VERSION', //                               19
].join('\n');

describe('contextual hover: variables', () => {
  it('shows the value of a global ARG in FROM, where it was declared, and that it is build-time only', () => {
    const t = hoverText(VARS, 3, '${BASE}');
    assert.match(t, /\*\*Value here:\*\* `alpine:3\.20`/);
    assert.match(t, /Declared at line 1: `ARG BASE=alpine:3\.20`/);
    assert.match(t, /Build-time only \(ARG\)/);
  });

  it('an ARG re-declared without a value in a stage takes the default from before FROM', () => {
    const t = hoverText(VARS, 7, '$VERSION');
    assert.match(t, /`1\.0` — the default of the ARG declared before FROM at line 2/);
    assert.match(t, /Declared at line 5: `ARG VERSION`/);
  });

  it('an ARG declared before FROM but not re-declared is not visible in the stage, with why and the fix', () => {
    const t = hoverText(VARS, 7, '$ONLY_GLOBAL');
    assert.match(t, /Not visible here/);
    assert.match(t, /before the first FROM \(line 3\)/);
    assert.match(t, /`ARG ONLY_GLOBAL`/);
    assert.match(t, /\*\*Value here:\*\* \*\(empty\)\*/);
  });

  it('${X:-default} uses the default when X is not declared', () => {
    const t = hoverText(VARS, 7, '${MISSING');
    assert.match(t, /Not declared in this Dockerfile/);
    assert.match(t, /\*\*Result here:\*\* `fallback`/);
  });

  it('${X:+alt} gives alt when X has a value', () => {
    const t = hoverText(VARS, 7, '${APP_HOME:+');
    assert.match(t, /Alternative value/);
    assert.match(t, /\*\*Result here:\*\* `yes`/);
  });

  it('${X:-default} on an ARG without default depends on --build-arg', () => {
    const t = hoverText(VARS, 7, '${NODEFAULT');
    assert.match(t, /no default — empty unless the build is started with `--build-arg NODEFAULT=…`/);
    assert.match(t, /`dflt`, unless the build is given `--build-arg NODEFAULT=…`/);
  });

  it('a name declared only further down is not defined yet', () => {
    assert.match(hoverText(VARS, 7, '$LATER'), /Not defined yet at this point.*line 9/);
  });

  it('inside single quotes the shell does not expand it', () => {
    assert.match(hoverText(VARS, 7, "'$APP_HOME'", 'en', 2), /inside single quotes/);
  });

  it('ENV is build time and run time, with its value and line', () => {
    const t = hoverText(VARS, 9, '$APP_HOME');
    assert.match(t, /Build time and run time \(ENV\)/);
    assert.match(t, /\*\*Value here:\*\* `\/app`/);
    assert.match(t, /Declared at line 7/);
    assert.match(t, /docker container run -e APP_HOME=…/);
  });

  it('an ARG in a shell-form CMD is empty when the container starts', () => {
    const t = hoverText(VARS, 9, '$VERSION');
    assert.match(t, /Empty when the container starts/);
    assert.match(t, /`ENV VERSION=\$VERSION`/);
  });

  it('exec form does not expand variables', () => {
    assert.match(hoverText(VARS, 10, '$APP_HOME'), /literal text `\$APP_HOME`/);
  });

  it('ENV wins over an ARG of the same name', () => {
    const t = hoverText(VARS, 13, '$MODE');
    assert.match(t, /`prod`/);
    assert.match(t, /also an ARG `MODE` \(line 12\)/);
  });

  it('platform arguments must be declared inside a stage', () => {
    assert.match(hoverText(VARS, 13, '$TARGETARCH'), /empty until you declare it with `ARG TARGETARCH`/);
  });

  it('the values in one ENV see the variables as they were before it', () => {
    assert.match(hoverText(VARS, 16, '$B'), /\*\*Value here:\*\* `1`/);
  });

  it('a stage built FROM another stage inherits its ENV but not its ARG', () => {
    assert.match(hoverText(VARS, 19, '$APP_HOME'), /Inherited from stage `build` \(ENV at line 7\)/);
    assert.match(hoverText(VARS, 19, '$VERSION'), /Not visible here/);
  });

  it('speaks Chinese when asked', () => {
    const t = hoverText(VARS, 7, '$ONLY_GLOBAL', 'zh-cn');
    assert.match(t, /此处不可见/);
    assert.match(t, /此处的值/);
    assert.match(hoverText(VARS, 7, '$VERSION', 'zh-cn'), /仅构建时有效（ARG）/);
    assert.match(hoverText(VARS, 9, '$APP_HOME', 'zh-cn'), /构建时和运行时都有效（ENV）/);
  });
});

const COURSE = [
  'FROM gcc:9.4 AS builder', 'COPY hello.c /src/hello.c', 'WORKDIR /src', 'RUN gcc --static -o hello hello.c', '',
  'FROM alpine:3.13.5', 'COPY --from=builder /src/hello /src/hello', 'ENTRYPOINT ["/src/hello"]', 'CMD []', '',
].join('\n');

describe('contextual hover: effective start command', () => {
  it('ENTRYPOINT ["/src/hello"] + CMD [] runs /src/hello, and /src/hello xxx.yaml with an argument', () => {
    const t = hoverText(COURSE, 7, 'ENTRYPOINT');
    assert.match(t, /^\*\*Effective start command\*\*/);
    assert.match(t, /runs: `\/src\/hello`\n/);
    assert.match(t, /`docker container run IMAGE xxx\.yaml` runs: `\/src\/hello xxx\.yaml`/);
    assert.ok(t.endsWith(topicMarkdown('entrypoint', 'en')!), 'the ENTRYPOINT topic follows');
  });

  it('is shown on CMD too, and in Chinese', () => {
    const t = hoverText(COURSE, 8, 'CMD', 'zh-cn');
    assert.match(t, /实际启动命令/);
    assert.match(t, /`\/src\/hello xxx\.yaml`/);
    assert.ok(t.endsWith(topicMarkdown('cmd', 'zh-cn')!));
  });

  it('on the arguments of CMD it shows the command alone', () => {
    const t = hoverText(COURSE, 8, '[]');
    assert.match(t, /Effective start command/);
    assert.doesNotMatch(t, /### CMD/);
  });

  it('shell-form CMD runs under /bin/sh -c and run arguments replace it', () => {
    const text = 'FROM alpine\nCMD echo hello world\n';
    const t = hoverText(text, 1, 'CMD');
    assert.match(t, /runs: `\/bin\/sh -c 'echo hello world'`/);
    assert.match(t, /`docker container run IMAGE xxx\.yaml` runs: `xxx\.yaml` — without an ENTRYPOINT/);
  });

  it('a shell-form ENTRYPOINT ignores CMD and run arguments', () => {
    const text = 'FROM alpine\nENTRYPOINT /start.sh\nCMD ["--help"]\n';
    const t = hoverText(text, 2, 'CMD');
    assert.match(t, /runs: `\/bin\/sh -c \/start\.sh`/);
    assert.match(t, /still runs: `\/bin\/sh -c \/start\.sh`/);
    assert.match(t, /The CMD at line 3 is ignored/);
  });

  it('exec ENTRYPOINT + shell CMD appends the wrapped CMD', () => {
    const text = 'FROM alpine\nENTRYPOINT ["tini", "--"]\nCMD run server\n';
    assert.match(hoverText(text, 1, 'ENTRYPOINT'), /runs: `tini -- \/bin\/sh -c 'run server'`/);
  });

  it('uses the SHELL in force for shell form', () => {
    const text = 'FROM debian\nSHELL ["/bin/bash", "-eo", "pipefail", "-c"]\nCMD echo hi\n';
    assert.match(hoverText(text, 2, 'CMD'), /runs: `\/bin\/bash -eo pipefail -c 'echo hi'`/);
  });

  it('says when a CMD is replaced by a later one, and when JSON is invalid', () => {
    const text = "FROM alpine\nCMD ['a']\nCMD [\"b\"]\n";
    const t = hoverText(text, 1, 'CMD');
    assert.match(t, /This CMD has no effect:\*\* the CMD at line 3/);
    assert.match(t, /not valid JSON/);
    assert.match(t, /runs: `b`/);
  });

  it('inherits from a parent stage, and ENTRYPOINT clears the inherited CMD', () => {
    const text = 'FROM alpine AS base\nCMD ["serve"]\nFROM base\nENTRYPOINT ["/app"]\n';
    const t = hoverText(text, 3, 'ENTRYPOINT');
    assert.match(t, /runs: `\/app`\n/);
    assert.match(t, /clears the CMD/);
    const inherited = 'FROM alpine AS base\nENTRYPOINT ["/app"]\nFROM base\nCMD ["--port", "80"]\n';
    const u = hoverText(inherited, 3, 'CMD');
    assert.match(u, /runs: `\/app --port 80`/);
    assert.match(u, /ENTRYPOINT is inherited from stage `base` \(line 2\)/);
  });

  it('warns that an unnamed stage that is not last does not set the image command', () => {
    assert.match(hoverText('FROM alpine\nCMD ["a"]\nFROM alpine\n', 1, 'CMD'), /not the last stage/);
  });
});

describe('contextual hover: stages', () => {
  const STAGES = [
    'FROM golang:1.22 AS build', //                    0
    'RUN go build -o /out/app .', //                   1
    'FROM build AS test', //                           2
    'RUN --mount=type=bind,from=build,target=/b ls', // 3
    'FROM alpine:3.20 AS unused', //                    4
    'FROM alpine:3.20', //                             5
    'COPY --from=build /out/app /app', //              6
    'COPY --from=0 /out/app /app2', //                 7
  ].join('\n');

  it('on `AS name`: base image, line and which later stages use it', () => {
    const t = hoverText(STAGES, 0, 'build');
    assert.match(t, /\*\*Build stage\*\* `build` · line 1 · stage 1 of 4/);
    assert.match(t, /Base image: `golang:1\.22`/);
    assert.match(t, /line 3, as a base: `FROM build AS test`/);
    assert.match(t, /line 4, mounts it in a RUN step/);
    assert.match(t, /line 7, copies files from it: `COPY --from=build \/out\/app \/app`/);
    assert.match(t, /line 8, copies files from it/);
  });

  it('on --from=name, from=name and FROM name it shows the stage', () => {
    assert.match(hoverText(STAGES, 6, 'build'), /Build stage\*\* `build`/);
    assert.match(hoverText(STAGES, 3, 'from=build', 'en', 6), /Build stage\*\* `build`/);
    assert.match(hoverText(STAGES, 2, 'build'), /Build stage\*\* `build`/);
    assert.match(hoverText(STAGES, 2, 'test'), /Base: stage `build` \(line 1\)/);
  });

  it('explains --from=<number>', () => {
    assert.match(hoverText(STAGES, 7, '0', 'en', 0), /`--from=0` is this stage/);
  });

  it('says when nobody uses a stage, and which one is last', () => {
    assert.match(hoverText(STAGES, 4, 'unused'), /No other stage uses it.*--target unused/);
    assert.match(hoverText('FROM alpine AS only\n', 0, 'only'), /This is the last stage/);
  });

  it('in Chinese', () => {
    const t = hoverText(STAGES, 0, 'build', 'zh-cn');
    assert.match(t, /构建阶段/);
    assert.match(t, /基础镜像：`golang:1\.22`/);
    assert.match(t, /后面用到它的地方/);
  });

  it('--from naming no stage is an image', () => {
    const t = hoverText('FROM alpine\nCOPY --from=nginx:1.27 /etc/nginx /n\n', 1, 'nginx');
    assert.match(t, /not the name of a stage/);
    assert.match(t, /Full name: `docker\.io\/library\/nginx:1\.27`/);
  });
});

describe('contextual hover: image references', () => {
  it('breaks alpine:3.13.5 into its parts with the defaults', () => {
    const t = hoverText(COURSE, 5, 'alpine');
    assert.match(t, /\| Registry \| `docker\.io` \(default: Docker Hub\) \|/);
    assert.match(t, /\| Namespace \| `library` \(default for Docker Official Images\) \|/);
    assert.match(t, /\| Repository \| `alpine` \|/);
    assert.match(t, /\| Tag \| `3\.13\.5` \|/);
    assert.match(t, /Full name: `docker\.io\/library\/alpine:3\.13\.5`/);
  });

  it('no tag means latest; Chinese table', () => {
    const t = hoverText('FROM node\n', 0, 'node', 'zh-cn');
    assert.match(t, /`latest`（没写标签时的默认值）/);
    assert.match(t, /完整名称：`docker\.io\/library\/node:latest`/);
  });

  it('substitutes build arguments and explains scratch', () => {
    assert.match(hoverText('ARG V=3.20\nFROM alpine:${V}\n', 1, 'alpine'), /After substituting build arguments: `alpine:3\.20`/);
    assert.match(hoverText('FROM scratch\n', 0, 'scratch'), /reserved empty image/);
  });

  it('parses registries, namespaces, tags and digests like Docker', () => {
    assert.deepStrictEqual(parseImageRef('alpine')?.full, 'docker.io/library/alpine:latest');
    assert.deepStrictEqual(parseImageRef('bitnami/redis:7')?.full, 'docker.io/bitnami/redis:7');
    const ghcr = parseImageRef('ghcr.io/owner/team/app@sha256:abc')!;
    assert.deepStrictEqual([ghcr.registry, ghcr.namespace, ghcr.repository, ghcr.tag, ghcr.digest], ['ghcr.io', 'owner/team', 'app', undefined, 'sha256:abc']);
    const local = parseImageRef('localhost:5000/app:1')!;
    assert.deepStrictEqual([local.registry, local.namespace, local.repository, local.tag], ['localhost:5000', undefined, 'app', '1']);
    assert.strictEqual(parseImageRef('index.docker.io/library/nginx:1')?.full, 'docker.io/library/nginx:1');
    assert.strictEqual(parseImageRef('bad ref'), undefined);
  });
});

describe('variable syntax', () => {
  it('finds $X, ${X}, ${X:-word} with nested references and skips escaped ones', () => {
    const refs = scanVariables('a $A ${B} ${C:-${D}x} \\$E $1 $$');
    assert.deepStrictEqual(refs.map((r) => [r.name, r.op ?? null]), [['A', null], ['B', null], ['C', ':-']]);
    assert.deepStrictEqual(refs[2].inner.map((r) => r.name), ['D']);
  });

  it('expands what is known and keeps the rest as written', () => {
    const lookup = (n: string): string | null | undefined => ({ A: 'a', E: '' } as Record<string, string>)[n] ?? (n === 'U' ? null : undefined);
    assert.strictEqual(expandVariables('$A/${PATH}/${U:-d}/${E:-e}/${A:+alt}/${U:+x}', lookup), 'a/${PATH}/d/e/alt/');
  });
});

describe('contextual hover: robustness and caching', () => {
  const odd: [string, string][] = [
    ['empty', ''],
    ['directives only', '# syntax=docker/dockerfile:1\n# escape=`\n'],
    ['comment', '# just a comment\n'],
    ['unterminated', 'FROM ${BASE\nRUN echo ${X:-\nCMD ['],
    ['course', COURSE],
  ];
  for (const [name, text] of odd) {
    it(`never throws on odd positions (${name})`, () => {
      const doc = parsed(text);
      for (const position of [{ line: 0, character: 0 }, { line: 0, character: 999 }, { line: 999, character: 0 }, { line: -1, character: -1 }, { line: 2, character: 5 }, { line: 8, character: 1e9 }]) {
        assert.doesNotThrow(() => computeHover(doc, position, 'en'));
        assert.doesNotThrow(() => computeHover(doc, position, 'zh-cn'));
      }
    });
  }

  it('directive hovers still work', () => {
    const h = computeHover(parsed('# syntax=docker/dockerfile:1\nFROM alpine\n'), { line: 0, character: 4 }, 'zh-cn');
    assert.match((h?.contents as MarkupContent).value, /^### /);
  });

  it('parses a small file once per version and builds the index once', () => {
    const cache = new ParsedDocumentCache();
    const document = TextDocument.create('file:///w/Dockerfile', 'dockerfile', 1, VARS);
    const first = documentIndex(cache.get(document));
    for (let i = 0; i < 20; i++) { computeHover(cache.get(document), { line: i % 20, character: 5 }, 'en'); }
    assert.strictEqual(documentIndex(cache.get(document)), first);
    assert.strictEqual(cache.parses, 1);
  });
});
