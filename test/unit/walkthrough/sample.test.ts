// sample/: the workspace npm start and the walkthrough open. Its Dockerfiles teach, so our own server
// must find nothing wrong in them; and the copy bundled into the extension must be the folder itself.
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DockerfileLanguageServiceFactory } from 'dockerfile-language-service';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { ParsedDocument } from '../../../server/src/documents/parsedDocument';
import { computeDiagnostics } from '../../../server/src/diagnostics/computeDiagnostics';
import { SAMPLE_FILES, SAMPLE_MARKER } from '../../../client/src/walkthrough/sampleFiles';
import { IgnoreMatcher, parseDockerignore } from '../../../client/src/engine/buildContext';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const SAMPLE = path.join(ROOT, 'sample');

function filesUnder(dir: string, base = dir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(p, base) : [path.relative(base, p).split(path.sep).join('/')];
  }).sort();
}

const service = DockerfileLanguageServiceFactory.createLanguageService();

describe('sample workspace', () => {
  const dockerfiles = filesUnder(SAMPLE).filter((f) => path.posix.basename(f) === 'Dockerfile');

  it('keeps the course example and has more than one example', () => {
    assert.ok(dockerfiles.includes('Dockerfile'), 'sample/Dockerfile');
    const course = fs.readFileSync(path.join(SAMPLE, 'Dockerfile'), 'utf8');
    assert.match(course, /^FROM gcc:9\.4 AS builder$/m);
    assert.match(course, /^RUN gcc --static -o hello hello\.c$/m);
    assert.match(course, /^COPY --from=builder \/src\/hello \/src\/hello$/m);
    assert.match(course, /^ENTRYPOINT \["\/src\/hello"\]\nCMD \[\]$/m);
    assert.ok(fs.existsSync(path.join(SAMPLE, 'hello.c')));
    assert.ok(dockerfiles.length >= 3, dockerfiles.join(', '));
  });

  for (const rel of dockerfiles) {
    it(`${rel}: zero errors and warnings from our server (with its real path, so .dockerignore counts)`, () => {
      const file = path.join(SAMPLE, rel);
      const doc = new ParsedDocument(TextDocument.create(pathToFileURL(file).toString(), 'dockerfile', 1, fs.readFileSync(file, 'utf8')));
      const problems = computeDiagnostics(doc, { service, language: 'en', log: () => undefined })
        .filter((d) => d.severity === DiagnosticSeverity.Error || d.severity === DiagnosticSeverity.Warning)
        .map((d) => `line ${d.range.start.line + 1}: ${d.message}`);
      assert.deepStrictEqual(problems, []);
    });
  }

  it('every file its Dockerfiles COPY is there and not excluded by the folder\'s .dockerignore', () => {
    for (const rel of dockerfiles) {
      const dir = path.posix.dirname(rel);
      const text = fs.readFileSync(path.join(SAMPLE, rel), 'utf8');
      const ignoreFile = path.join(SAMPLE, dir, '.dockerignore');
      const ignore = new IgnoreMatcher(fs.existsSync(ignoreFile) ? parseDockerignore(fs.readFileSync(ignoreFile, 'utf8'), 'linux') : []);
      for (const m of text.matchAll(/^COPY (?!--from)(.+) \S+$/gm)) {
        for (const src of m[1].split(/\s+/)) {
          assert.ok(fs.existsSync(path.join(SAMPLE, dir, src)), `${rel}: ${src} exists`);
          assert.ok(!ignore.matches(src), `${rel}: ${src} is not excluded by ${dir}/.dockerignore`);
        }
      }
    }
  });

  it('the copy bundled into the extension (client/src/walkthrough/sampleFiles.ts) is exactly sample/', () => {
    assert.deepStrictEqual(Object.keys(SAMPLE_FILES).sort(), filesUnder(SAMPLE));
    for (const [rel, text] of Object.entries(SAMPLE_FILES)) {
      assert.strictEqual(text, fs.readFileSync(path.join(SAMPLE, rel), 'utf8'), rel);
    }
    assert.ok(SAMPLE_MARKER in SAMPLE_FILES);
  });
});
