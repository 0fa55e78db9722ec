// .dockerignore: Docker's matching (globs, **, !exceptions, parent directories), found on disk next to
// the Dockerfile, and the copy-ignored-file rule that uses it.
import * as assert from 'node:assert';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { excludedBy, findDockerIgnore, parseDockerIgnore, readFileFromDisk } from '../../../../server/src/diagnostics/dockerignore';
import { describeAll, diagnose, FIXTURES, fixture, ofRule } from './support';

describe('.dockerignore', () => {
  const ignore = parseDockerIgnore(['# comment', 'node_modules', '*.log', 'docs/', '**/*.test.js', '!docs/README.md', '/build', 'tmp?', '[a-c].txt'].join('\n'));
  const excluded = (p: string) => excludedBy(ignore, p)?.text;

  it('matches like Docker: names, globs within one segment, ** across segments', () => {
    assert.strictEqual(excluded('node_modules'), 'node_modules');
    assert.strictEqual(excluded('node_modules/express/index.js'), 'node_modules', 'a directory excludes its content');
    assert.strictEqual(excluded('server.log'), '*.log');
    assert.strictEqual(excluded('logs/server.log'), undefined, '* does not cross /');
    assert.strictEqual(excluded('src/a/b/x.test.js'), '**/*.test.js');
    assert.strictEqual(excluded('x.test.js'), '**/*.test.js', '**/ also matches at the top');
    assert.strictEqual(excluded('build/out'), '/build', 'a leading / is relative to the context');
    assert.strictEqual(excluded('tmp1'), 'tmp?');
    assert.strictEqual(excluded('b.txt'), '[a-c].txt');
    assert.strictEqual(excluded('d.txt'), undefined);
  });

  it('lets a later ! line re-include, and cleans ./ and ../ in the path', () => {
    assert.strictEqual(excluded('docs/guide.md'), 'docs/');
    assert.strictEqual(excluded('docs/README.md'), undefined);
    assert.strictEqual(excluded('./node_modules/x'), 'node_modules');
    assert.strictEqual(excluded('src/../node_modules'), 'node_modules');
    assert.strictEqual(excluded('.'), undefined);
  });

  it('is read from disk next to the Dockerfile, a Dockerfile-specific file first', () => {
    const dir = path.join(FIXTURES, 'dockerignore-project');
    const general = findDockerIgnore(pathToFileURL(path.join(dir, 'Dockerfile')).href, readFileFromDisk);
    assert.strictEqual(general?.file, path.join(dir, '.dockerignore'));
    const specific = findDockerIgnore(pathToFileURL(path.join(dir, 'app.Dockerfile')).href, readFileFromDisk);
    assert.strictEqual(specific?.file, path.join(dir, 'app.Dockerfile.dockerignore'));
    assert.strictEqual(findDockerIgnore('untitled:Untitled-1', readFileFromDisk), undefined);
  });

  it('copy-ignored-file flags each excluded source with the pattern and line that excludes it', () => {
    const file = path.join(FIXTURES, 'dockerignore-project', 'Dockerfile');
    const all = diagnose(fixture('dockerignore-project', 'Dockerfile'), { uri: pathToFileURL(file).href, readFile: readFileFromDisk });
    const mine = ofRule(all, 'copy-ignored-file');
    assert.deepStrictEqual(mine.map((d) => d.range.start.line + 1), [7, 8, 9], describeAll(all));
    assert.match(String(mine[0].message), /`\.env`.*\.dockerignore, line 7/);
    assert.strictEqual(mine[0].severity, 2);
  });

  it('copy-ignored-file uses the Dockerfile-specific ignore file when there is one', () => {
    const file = path.join(FIXTURES, 'dockerignore-project', 'app.Dockerfile');
    const mine = ofRule(diagnose(fixture('dockerignore-project', 'app.Dockerfile'), { uri: pathToFileURL(file).href, readFile: readFileFromDisk }), 'copy-ignored-file');
    assert.deepStrictEqual(mine.map((d) => d.range.start.line + 1), [4], 'notes.txt is excluded; .env is not, with this ignore file');
  });

  it('stays silent without an ignore file, for --from copies, URLs and wildcards', () => {
    const text = 'FROM alpine:3.20\nWORKDIR /a\nCOPY --from=busybox:1.36 /node_modules /x\nADD https://example.com/node_modules /y\nCOPY *.log /logs/\n';
    assert.deepStrictEqual(ofRule(diagnose(text, { readFile: () => 'node_modules\n*.log\n' }), 'copy-ignored-file'), []);
    assert.deepStrictEqual(ofRule(diagnose('FROM alpine:3.20\nWORKDIR /a\nCOPY node_modules ./\n'), 'copy-ignored-file'), []);
  });
});
