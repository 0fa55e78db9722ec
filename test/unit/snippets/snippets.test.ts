// Our snippets: both languages say the same thing, every snippet expanded with its defaults is a clean
// Dockerfile under our own diagnostics, and the manifest points VS Code at the right file per language.
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DockerfileLanguageServiceFactory } from 'dockerfile-language-service';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { ParsedDocument } from '../../../server/src/documents/parsedDocument';
import { computeDiagnostics } from '../../../server/src/diagnostics/computeDiagnostics';
import { IgnoreMatcher, parseDockerignore } from '../../../client/src/engine/buildContext';
import {
  DOCKERFILE_SNIPPETS, DOCKERIGNORE_SNIPPETS, ROOT, choiceVariants, expandWithDefaults, inContext, parseSnippet,
  readSnippetFile, withoutCommentLines,
} from './snippetFiles';

const CJK = /[\u4e00-\u9fff]/;
const MULTI_STAGE = ['multistage-c', 'multistage-go', 'multistage-node-static', 'multistage-node', 'multistage-python',
  'multistage-java', 'multistage-rust', 'multistage-dotnet'];
const SINGLE_PURPOSE = ['entrypoint-cmd', 'arg-env', 'apt-install', 'healthcheck', 'user-nonroot'];

const service = DockerfileLanguageServiceFactory.createLanguageService();

/** Errors and warnings from our own server for a Dockerfile text, as "line: message" strings. */
function problems(text: string, name: string): string[] {
  const doc = new ParsedDocument(TextDocument.create(`file:///snippet-check/${name}/Dockerfile`, 'dockerfile', 1, text));
  return computeDiagnostics(doc, { service, language: 'en', log: () => undefined })
    .filter((d) => d.severity === DiagnosticSeverity.Error || d.severity === DiagnosticSeverity.Warning)
    .map((d) => `line ${d.range.start.line + 1}: [${d.code ?? d.source ?? ''}] ${d.message}`);
}

describe('snippet expansion (the helper the snippet tests rely on)', () => {
  it('lists one variant per other option of each choice', () => {
    assert.deepStrictEqual(choiceVariants('${1|a,b,c|} ${2|x,y|}').map((v) => v.text), ['a x', 'b x', 'c x', 'a y']);
  });
  it('keeps defaults, mirrors them to bare tab stops, takes the first choice and honours escapes', () => {
    assert.strictEqual(expandWithDefaults('FROM ${1:node}:${2|20,22|} AS $3x\nCOPY $1 \\$HOME \\${A\\} ${4}$0'), 'FROM node:20 AS x\nCOPY node $HOME ${A} ');
    assert.strictEqual(expandWithDefaults('a ${1:outer ${2:inner}} $2'), 'a outer inner inner');
    assert.strictEqual(expandWithDefaults('${1|a\\,b,c|}'), 'a,b');
  });
  it('rejects what it cannot expand rather than guessing', () => {
    assert.throws(() => parseSnippet('${1:never closed'));
    assert.throws(() => parseSnippet('$TM_FILENAME'));
  });
  it('places a fragment in a complete Dockerfile, and leaves a whole Dockerfile alone', () => {
    assert.strictEqual(inContext('HEALTHCHECK CMD true\n'), 'FROM debian:12-slim\nWORKDIR /app\nHEALTHCHECK CMD true\nUSER nobody\nCMD ["sh"]\n');
    assert.strictEqual(inContext('RUN x\nUSER app\nCMD ["y"]'), 'FROM debian:12-slim\nWORKDIR /app\nRUN x\nUSER app\nCMD ["y"]\n');
    assert.strictEqual(inContext('FROM a:1\n'), 'FROM a:1\n');
  });
});

for (const [kind, files] of [['Dockerfile', DOCKERFILE_SNIPPETS], ['.dockerignore', DOCKERIGNORE_SNIPPETS]] as const) {
  describe(`${kind} snippets: English and Simplified Chinese files`, () => {
    const en = readSnippetFile(files.en);
    const zh = readSnippetFile(files['zh-cn']);

    it('have the same snippets in the same order, with unique prefixes', () => {
      assert.deepStrictEqual(zh.map((s) => s.prefix), en.map((s) => s.prefix));
      assert.strictEqual(new Set(en.map((s) => s.prefix)).size, en.length, 'prefixes are unique');
    });

    for (const s of en) {
      const other = zh.find((z) => z.prefix === s.prefix);
      it(`${s.prefix}: the same body in both languages (only comment lines are translated)`, () => {
        assert.ok(other, `${files['zh-cn']} has ${s.prefix}`);
        assert.strictEqual(withoutCommentLines(other.body), withoutCommentLines(s.body));
        assert.strictEqual(other.isFileTemplate, s.isFileTemplate);
      });
      it(`${s.prefix}: English name and description, and a Chinese name and description`, () => {
        assert.ok(s.description.length > 40, 'the English description explains something');
        assert.doesNotMatch(`${s.name} ${s.description} ${s.body}`, CJK, 'no Chinese in the English file');
        assert.match(other?.name ?? '', CJK);
        assert.match(other?.description ?? '', CJK);
        assert.notStrictEqual(other?.name, s.name, 'the name is translated too: VS Code shows it in the completion list');
      });
    }
  });
}

describe('Dockerfile snippets: what the course needs', () => {
  const en = readSnippetFile(DOCKERFILE_SNIPPETS.en);
  const byPrefix = new Map(en.map((s) => [s.prefix, s]));

  it('covers every multi-stage language and every single-purpose snippet of the course', () => {
    const missing = [...MULTI_STAGE, ...SINGLE_PURPOSE].filter((p) => !byPrefix.has(p));
    assert.deepStrictEqual(missing, []);
  });

  for (const prefix of MULTI_STAGE) {
    it(`${prefix}: two stages joined by COPY --from, a non-root USER, offered as a file template`, () => {
      const text = expandWithDefaults(byPrefix.get(prefix)?.body ?? '');
      assert.ok((text.match(/^FROM\s/gm) ?? []).length >= 2, 'at least two FROM lines');
      assert.match(text, /^COPY --from=\S+/m);
      const users = text.match(/^USER\s+(\S+)/gm) ?? [];
      assert.ok(users.length > 0, 'sets a USER');
      assert.doesNotMatch(users[users.length - 1], /\b(root|0)(:|$)/, 'the last USER is not root');
      assert.ok(byPrefix.get(prefix)?.isFileTemplate, '"Snippets: Fill File with Snippet" offers it');
    });
  }

  it('the C snippet is the course example: gcc --static, then ENTRYPOINT + CMD', () => {
    const text = expandWithDefaults(byPrefix.get('multistage-c')?.body ?? '');
    assert.match(text, /gcc --static/);
    assert.match(text, /^ENTRYPOINT \["\/usr\/local\/bin\/hello"\]\nCMD \[\]$/m);
  });

  it('the ARG vs ENV snippet carries the ARG value into the ENV', () => {
    assert.match(expandWithDefaults(byPrefix.get('arg-env')?.body ?? ''), /^ARG VERSION=1\.0\n[^]*^ENV APP_VERSION=\$\{VERSION\}$/m);
  });
});

describe('every Dockerfile snippet expanded with its defaults (and each other choice): zero errors and warnings from our server', () => {
  for (const lang of ['en', 'zh-cn'] as const) {
    for (const s of readSnippetFile(DOCKERFILE_SNIPPETS[lang])) {
      for (const variant of choiceVariants(s.body)) {
        it(`${lang}: ${s.prefix} (${variant.label})`, () => {
          const text = inContext(variant.text);
          assert.deepStrictEqual(problems(text, s.prefix), [], `expanded:\n${text}`);
        });
      }
    }
  }

  it('the check itself finds problems (a snippet with a mistake would fail)', () => {
    assert.notDeepStrictEqual(problems('FROM alpine:3.20\nENTRYPOINT[“/src/hello”]\n', 'control'), []);
  });
});

describe('.dockerignore starter', () => {
  for (const lang of ['en', 'zh-cn'] as const) {
    it(`${lang}: reads as the CLI reads it and keeps secrets and dependencies out of the context`, () => {
      const [starter] = readSnippetFile(DOCKERIGNORE_SNIPPETS[lang]);
      const matcher = new IgnoreMatcher(parseDockerignore(expandWithDefaults(starter.body), 'linux'));
      for (const excluded of ['.git/config', '.env', '.env.local', 'node_modules/x/index.js', 'web/node_modules/y', 'app/__pycache__/m.pyc', 'key.pem', 'Dockerfile', 'debug.log']) {
        assert.ok(matcher.matches(excluded), `${excluded} is left out`);
      }
      for (const kept of ['src/app.py', 'package.json', 'hello.c', 'requirements.txt', 'go.mod']) {
        assert.ok(!matcher.matches(kept), `${kept} is sent`);
      }
    });
  }
});

describe('snippets in the manifest', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    contributes: { snippets?: { language: string; path: string }[]; languages?: { id: string; filenames?: string[] }[] };
  };
  const nls = {
    en: JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>,
    'zh-cn': JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.zh-cn.json'), 'utf8')) as Record<string, string>,
  };
  const resolve = (lang: 'en' | 'zh-cn', value: string): string => (/^%.+%$/.test(value) ? nls[lang][value.slice(1, -1)] : value);

  for (const [language, files] of [['dockerfile', DOCKERFILE_SNIPPETS], ['ignore', DOCKERIGNORE_SNIPPETS]] as const) {
    it(`${language}: a localised path that names the ${files.en} / ${files['zh-cn']} pair`, () => {
      const entry = manifest.contributes.snippets?.find((s) => s.language === language);
      assert.ok(entry, `contributes.snippets has a ${language} entry`);
      assert.match(entry.path, /^%.+%$/, 'the path is a %key% so VS Code picks the file of its display language');
      for (const lang of ['en', 'zh-cn'] as const) {
        const file = resolve(lang, entry.path);
        assert.strictEqual(path.posix.basename(file ?? ''), files[lang], `${lang} path`);
        assert.ok(fs.existsSync(path.join(ROOT, file)), `${file} exists`);
      }
    });
  }

  it('.dockerignore files use the built-in "ignore" language (comments, highlighting, our starter snippet)', () => {
    const ignore = manifest.contributes.languages?.find((l) => l.id === 'ignore');
    assert.ok(ignore?.filenames?.includes('.dockerignore'));
  });

  it('every snippet file is listed in the manifest (no file that VS Code never loads)', () => {
    const listed = new Set((manifest.contributes.snippets ?? []).flatMap((s) => (['en', 'zh-cn'] as const).map((l) => path.posix.basename(resolve(l, s.path) ?? ''))));
    const files = fs.readdirSync(path.join(ROOT, 'snippets')).filter((f) => f.endsWith('.code-snippets'));
    assert.deepStrictEqual(files.filter((f) => !listed.has(f)), []);
  });
});

