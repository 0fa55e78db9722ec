// The .vsix ships only what runs: a whitelist .vscodeignore, checked by listing the archive.
import * as assert from 'node:assert';
import * as cp from 'node:child_process';
import * as fs from 'node:fs';

const VSIX = process.env.DOCKER_LEARNING_VSIX ?? '';
const BUDGET = 3 * 1024 * 1024;
const ALLOWED = [
  /^extension\/dist\/(extension|server|validationWorker)\.js$/,
  /^extension\/(snippets|syntaxes|l10n|media)\/[^/].*$/,
  /^extension\/package\.json$/, /^extension\/package\.nls(\.[a-z-]+)?\.json$/,
  /^extension\/(readme|changelog|license)(\.md|\.txt)?$/i,
  /^extension\.vsixmanifest$/, /^\[Content_Types\]\.xml$/,
];

function entries(): string[] {
  const out = cp.execFileSync('python3', ['-c', 'import sys,zipfile; print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))', VSIX], { encoding: 'utf8' });
  return out.split('\n').filter(Boolean);
}

describe('.vsix package', () => {
  before(function () { assert.ok(VSIX && fs.existsSync(VSIX), `npm run package wrote ${VSIX}`); });

  it(`stays within the ${BUDGET / 1024 / 1024} MB budget`, () => {
    const size = fs.statSync(VSIX).size;
    console.log(`      .vsix size: ${(size / 1024).toFixed(0)} KiB`);
    assert.ok(size <= BUDGET, `${size} bytes`);
  });

  it('holds only dist, snippets, syntaxes, l10n, package.nls*, media, README, CHANGELOG, LICENSE', () => {
    const unexpected = entries().filter((e) => !ALLOWED.some((re) => re.test(e)));
    assert.deepStrictEqual(unexpected, []);
  });

  it('holds no sources, tests, source maps or node_modules', () => {
    const bad = entries().filter((e) => /\.ts$|\.map$|node_modules|\/test\/|\/client\/|\/server\/src|\/scripts\//.test(e));
    assert.deepStrictEqual(bad, []);
  });

  it('holds both bundles and both manifest languages', () => {
    const list = entries();
    for (const f of ['extension/dist/extension.js', 'extension/dist/server.js', 'extension/dist/validationWorker.js', 'extension/package.nls.json', 'extension/package.nls.zh-cn.json', 'extension/l10n/bundle.l10n.zh-cn.json']) {
      assert.ok(list.includes(f), `${f} is in the .vsix`);
    }
  });

  // V8 keeps a script's source in memory for as long as its functions live, one byte per character when
  // every character is Latin-1 and two bytes otherwise: a single `［` in a regular expression (esbuild
  // escapes strings, not regular expressions) made the server's 0.95 MB bundle cost 1.9 MB in each of
  // its two threads.
  it('ships JavaScript bundles that are pure ASCII (V8 then stores their source one byte per character)', () => {
    for (const name of ['extension', 'server', 'validationWorker']) {
      const code = cp.execFileSync('python3', ['-c', 'import sys,zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]))', VSIX, `extension/dist/${name}.js`], { maxBuffer: 64 * 1024 * 1024 });
      const at = code.findIndex((byte) => byte > 0x7f);
      assert.strictEqual(at, -1, `dist/${name}.js has a non-ASCII byte at ${at}: …${code.subarray(Math.max(0, at - 40), at + 8).toString('utf8')}…`);
    }
  });
});
