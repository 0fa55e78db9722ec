// The build context on plain Node: .dockerignore rules (cases from moby's pattern matcher tests),
// the walk (links stored, never followed), and the tar bytes (read back with tar-stream).
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as tarStream from 'tar-stream';
import { ContextChangedError, createBuildContext, entryHeader, IgnoreMatcher, listContext, parseDockerignore, tarSize, tarStream as makeTar } from '../../../../client/src/engine/buildContext';

function matcher(text: string): IgnoreMatcher { return new IgnoreMatcher(parseDockerignore(text)); }

async function readTar(stream: NodeJS.ReadableStream): Promise<Array<{ name: string; type: string; linkname?: string | null; mode?: number; body: string }>> {
  const extract = tarStream.extract();
  const out: Array<{ name: string; type: string; linkname?: string | null; mode?: number; body: string }> = [];
  return new Promise((resolve, reject) => {
    extract.on('entry', (header, body, next) => {
      const chunks: Buffer[] = [];
      body.on('data', (c: Buffer) => chunks.push(c));
      body.on('end', () => { out.push({ name: header.name, type: header.type ?? 'file', linkname: header.linkname, mode: header.mode, body: Buffer.concat(chunks).toString('utf8') }); next(); });
      body.resume();
    });
    extract.on('finish', () => resolve(out));
    extract.on('error', reject);
    stream.pipe(extract);
  });
}

describe('engine/buildContext', () => {
  it('reads .dockerignore like the CLI: comments, !, cleaning, leading slash', () => {
    assert.deepStrictEqual(parseDockerignore('\uFEFF# comment\n  node_modules  \n/build/\n!build/keep.txt\n./a/../b\n\n ! spaced\n'),
      ['node_modules', 'build', '!build/keep.txt', 'b', '!spaced']);
  });

  it('matches with moby’s rules', () => {
    const cases: Array<[string, string, boolean]> = [
      ['*.log', 'a.log', true], ['*.log', 'dir/a.log', false], ['**/*.log', 'dir/sub/a.log', true], ['**/*.log', 'a.log', true],
      ['dir', 'dir/deep/file', true], ['dir/*', 'dir/file', true], ['dir/*', 'dirx/file', false],
      ['?.txt', 'a.txt', true], ['?.txt', 'ab.txt', false], ['[a-c].md', 'b.md', true], ['[a-c].md', 'd.md', false],
      ['a/**/b', 'a/b', true], ['a/**/b', 'a/x/y/b', true], ['a/**', 'a/x', true], ['**', 'anything/at/all', true],
      ['file.txt', 'file_txt', false], ['a+b', 'a+b', true], ['\\*', '*', true], ['\\*', 'x', false],
    ];
    for (const [pattern, file, expected] of cases) {
      assert.strictEqual(matcher(pattern).matches(file), expected, `${pattern} vs ${file}`);
    }
    const m = matcher('*.md\n!README.md\nREADME-secret.md');
    assert.deepStrictEqual(['a.md', 'README.md', 'README-secret.md', 'x.txt'].map((f) => m.matches(f)), [true, false, true, false]);
  });

  it('walks the context: ignored files out, exceptions inside ignored dirs in, links kept as links', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dl-ctx-'));
    try {
      fs.mkdirSync(path.join(dir, 'logs'));
      fs.mkdirSync(path.join(dir, 'src', 'deep'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'logs', 'a.log'), 'x');
      fs.writeFileSync(path.join(dir, 'logs', 'keep.log'), 'kept');
      fs.writeFileSync(path.join(dir, 'src', 'deep', 'main.c'), 'int main(){}');
      fs.writeFileSync(path.join(dir, 'Dockerfile'), 'FROM scratch\n');
      fs.writeFileSync(path.join(dir, 'run.sh'), '#!/bin/sh\n', { mode: 0o755 });
      fs.symlinkSync('/etc/passwd', path.join(dir, 'passwd-link'));
      fs.symlinkSync('..', path.join(dir, 'src', 'up'));
      fs.writeFileSync(path.join(dir, '.dockerignore'), 'logs\n!logs/keep.log\nDockerfile\n.dockerignore\n');
      const listing = await listContext(dir, { dockerfile: 'Dockerfile' });
      assert.deepStrictEqual(listing.entries.map((e) => `${e.type[0]} ${e.name}`), [
        'f .dockerignore', 'f Dockerfile', 'f logs/keep.log', 's passwd-link', 'f run.sh', 'd src', 'd src/deep', 'f src/deep/main.c', 's src/up',
      ]);
      const { stream, size } = await createBuildContext(dir, { dockerfile: 'Dockerfile', extraFiles: [{ name: '.outside.Dockerfile', content: Buffer.from('FROM x\n') }] });
      const chunks: Buffer[] = [];
      const copy = new (await import('node:stream')).PassThrough();
      stream.pipe(copy);
      copy.on('data', (c: Buffer) => chunks.push(c));
      const entries = await readTar(stream);
      assert.strictEqual(Buffer.concat(chunks).length, size, 'tarSize predicts the bytes exactly');
      const byName = new Map(entries.map((e) => [e.name, e]));
      assert.strictEqual(byName.get('passwd-link')?.type, 'symlink');
      assert.strictEqual(byName.get('passwd-link')?.linkname, '/etc/passwd');
      assert.strictEqual(byName.get('passwd-link')?.body, '', 'the link target is never read');
      assert.strictEqual(byName.get('src/up')?.linkname, '..');
      assert.strictEqual(byName.get('src/')?.type, 'directory');
      assert.strictEqual(byName.get('logs/keep.log')?.body, 'kept');
      assert.strictEqual(byName.get('run.sh')?.mode, 0o755);
      assert.strictEqual(byName.get('.outside.Dockerfile')?.body, 'FROM x\n');
      assert.ok(!byName.has('logs/a.log'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('never follows a symlink out of the context folder', () => {
    let dir: string;
    let outside: string;
    const SECRET = `outside-secret-${process.pid}`;
    beforeEach(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dl-ctx-'));
      outside = fs.mkdtempSync(path.join(os.tmpdir(), 'dl-outside-'));
      fs.writeFileSync(path.join(outside, 'secret.txt'), SECRET);
      fs.mkdirSync(path.join(outside, 'sub'));
      fs.writeFileSync(path.join(outside, 'sub', 'app.c'), SECRET);
    });
    afterEach(() => {
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(outside, { recursive: true, force: true });
    });
    const bytesOf = async (stream: NodeJS.ReadableStream) => { const chunks: Buffer[] = []; for await (const c of stream) { chunks.push(c as Buffer); } return Buffer.concat(chunks).toString('latin1'); };

    it('a link to /etc/passwd and a linked folder outside go in as links, their targets unread', async () => {
      fs.writeFileSync(path.join(dir, 'Dockerfile'), 'FROM scratch\n');
      fs.symlinkSync('/etc/passwd', path.join(dir, 'passwd'));
      fs.symlinkSync(outside, path.join(dir, 'linked-dir'));
      fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(dir, 'linked-file'));
      const { stream, listing } = await createBuildContext(dir, { dockerfile: 'Dockerfile' });
      assert.deepStrictEqual(listing.entries.map((e) => `${e.type[0]} ${e.name}`), ['f Dockerfile', 's linked-dir', 's linked-file', 's passwd']);
      assert.strictEqual(listing.contentBytes, 'FROM scratch\n'.length);
      const tar = await bytesOf(stream);
      assert.ok(!tar.includes(SECRET), 'nothing from the linked folder or file');
      assert.ok(!tar.includes('root:x:0:0'), 'nothing from /etc/passwd');
      assert.ok(tar.includes(outside), 'the link target is stored as a name');
    });

    it('a file replaced by a link between the walk and the upload: the upload fails, the target is not read', async () => {
      fs.writeFileSync(path.join(dir, 'Dockerfile'), 'FROM scratch\n');
      fs.writeFileSync(path.join(dir, 'config.txt'), 'x'.repeat(40));
      const listing = await listContext(dir, { dockerfile: 'Dockerfile' });
      fs.rmSync(path.join(dir, 'config.txt'));
      fs.symlinkSync('/etc/passwd', path.join(dir, 'config.txt'));
      const stream = makeTar(listing.entries);
      let tar = '';
      stream.on('data', (c: Buffer) => { tar += c.toString('latin1'); });
      await assert.rejects(new Promise((resolve, reject) => { stream.on('end', resolve); stream.on('error', reject); }), (e: unknown) => {
        assert.ok(e instanceof ContextChangedError, String(e));
        assert.match(e.message, /config\.txt changed into another file or a link/);
        return true;
      });
      assert.ok(!tar.includes('root:x:0:0'));
    });

    it('a folder replaced by a link to a folder outside: the same-named file there is not read', async () => {
      fs.mkdirSync(path.join(dir, 'sub'));
      fs.writeFileSync(path.join(dir, 'sub', 'app.c'), 'int main(){}');
      const listing = await listContext(dir);
      fs.rmSync(path.join(dir, 'sub'), { recursive: true });
      fs.symlinkSync(path.join(outside, 'sub'), path.join(dir, 'sub'));
      const stream = makeTar(listing.entries);
      let tar = '';
      stream.on('data', (c: Buffer) => { tar += c.toString('latin1'); });
      await assert.rejects(new Promise((resolve, reject) => { stream.on('end', resolve); stream.on('error', reject); }), ContextChangedError);
      assert.ok(!tar.includes(SECRET));
    });
  });

  it('writes long and non-ASCII names with PAX records', async () => {
    const long = `${'d'.repeat(120)}/${'f'.repeat(120)}.txt`;
    const entries = [
      { name: 'short.txt', type: 'file' as const, mode: 0o644, mtime: 0, size: 2, content: Buffer.from('hi') },
      { name: `${'p'.repeat(90)}/${'n'.repeat(90)}`, type: 'file' as const, mode: 0o644, mtime: 0, size: 0, content: Buffer.alloc(0) },
      { name: long, type: 'file' as const, mode: 0o644, mtime: 0, size: 3, content: Buffer.from('abc') },
      { name: '中文/说明.md', type: 'file' as const, mode: 0o644, mtime: 0, size: 1, content: Buffer.from('x') },
      { name: 'link', type: 'symlink' as const, mode: 0o777, mtime: 0, size: 0, linkname: `/${'t'.repeat(150)}` },
    ];
    assert.strictEqual(entryHeader(entries[0]).length, 512);
    const read = await readTar(makeTar(entries));
    assert.deepStrictEqual(read.map((e) => e.name), ['short.txt', entries[1].name, long, '中文/说明.md', 'link']);
    assert.strictEqual(read[2].body, 'abc');
    assert.strictEqual(read[4].linkname, entries[4].linkname);
    assert.strictEqual(tarSize(entries), (await new Promise<number>((resolve) => { let n = 0; makeTar(entries).on('data', (c: Buffer) => { n += c.length; }).on('end', () => resolve(n)); })));
  });
});
