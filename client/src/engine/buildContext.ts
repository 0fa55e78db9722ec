// The build context: the folder sent to the engine as a tar, the way `docker image build` sends it.
// .dockerignore is read with the CLI's rules (moby's pattern matcher: `**`, `!` exceptions, a
// pattern that matches a directory excludes everything under it). The walk uses lstat only, so a
// symlink is stored as a symlink and never followed — a link to /etc/passwd cannot carry the
// file into the context. The tar is plain ustar (+ PAX records for long or non-ASCII names),
// written here so no tar library ships. No `vscode`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Readable } from 'node:stream';

// ---------------------------------------------------------------- .dockerignore

export interface IgnorePattern {
  /** The cleaned pattern without its "!". */
  text: string;
  exclusion: boolean;
  regex: RegExp;
}

/** posix filepath.Clean */
function cleanPath(p: string): string {
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') { continue; }
    if (seg === '..') {
      if (out.length && out[out.length - 1] !== '..') { out.pop(); } else if (!rooted) { out.push('..'); }
      continue;
    }
    out.push(seg);
  }
  const joined = out.join('/');
  return rooted ? `/${joined}` : joined || '.';
}

/** The lines of a .dockerignore as the CLI reads them: comments dropped, paths cleaned, leading / removed. */
export function parseDockerignore(text: string, platform: NodeJS.Platform = process.platform): string[] {
  const patterns: string[] = [];
  text.replace(/^\uFEFF/, '').split(/\r?\n/).forEach((raw) => {
    if (raw.startsWith('#')) { return; }
    let line = raw.trim();
    if (!line) { return; }
    const invert = line.startsWith('!');
    if (invert) { line = line.slice(1).trim(); }
    if (line) {
      if (platform === 'win32') { line = line.replace(/\\/g, '/'); }
      line = cleanPath(line);
      if (line.length > 1 && line.startsWith('/')) { line = line.slice(1); }
    }
    patterns.push(invert ? `!${line}` : line);
  });
  return patterns;
}

/** moby/patternmatcher's translation of a pattern to a regular expression. */
function compilePattern(pattern: string): RegExp {
  let re = '^';
  const chars = [...pattern];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (ch === '*') {
      if (chars[i + 1] === '*') {
        i++;
        if (chars[i + 1] === '/') { i++; }
        re += i + 1 >= chars.length ? '.*' : '(.*/)?';
      } else {
        re += '[^/]*';
      }
    } else if (ch === '?') {
      re += '[^/]';
    } else if ('.+()|{}$'.includes(ch)) {
      re += `\\${ch}`;
    } else if (ch === '\\') {
      const next = chars[i + 1];
      if (next === undefined) { re += '\\\\'; } else { i++; re += /[A-Za-z0-9]/.test(next) ? next : `\\${next}`; }
    } else {
      re += ch;
    }
  }
  try { return new RegExp(`${re}$`); } catch { return /$^/; }
}

export class IgnoreMatcher {
  readonly patterns: IgnorePattern[];
  constructor(lines: string[]) {
    this.patterns = lines.filter((l) => l && l !== '!').map((l) => {
      const exclusion = l.startsWith('!');
      const text = exclusion ? l.slice(1) : l;
      return { text, exclusion, regex: compilePattern(text) };
    });
  }

  get hasExclusions(): boolean { return this.patterns.some((p) => p.exclusion); }

  /** True when `rel` (posix, relative to the context) is excluded: the last matching pattern decides. */
  matches(rel: string): boolean {
    let matched = false;
    const dirs = rel.split('/').slice(0, -1);
    for (const p of this.patterns) {
      if (p.exclusion !== matched) { continue; }
      let match = p.regex.test(rel);
      for (let i = 1; !match && i <= dirs.length; i++) { match = p.regex.test(dirs.slice(0, i).join('/')); }
      if (match) { matched = !p.exclusion; }
    }
    return matched;
  }
}

// ---------------------------------------------------------------- walking the context

export interface ContextEntry {
  /** posix path inside the tar */
  name: string;
  type: 'file' | 'directory' | 'symlink';
  mode: number;
  mtime: number;
  size: number;
  /** symlink target, stored exactly as readlink gives it */
  linkname?: string;
  /** where to read a file's bytes */
  source?: string;
  /** The file the walk saw (device and inode): what is read later must be that very file. */
  identity?: { dev: number; ino: number };
  /** bytes given directly (a Dockerfile from outside the context) */
  content?: Buffer;
}

export interface ContextOptions {
  /** The Dockerfile's path relative to the context (posix): sent even when .dockerignore excludes it. */
  dockerfile?: string;
  /** Extra files to add (a Dockerfile that lives outside the context). */
  extraFiles?: Array<{ name: string; content: Buffer }>;
  platform?: NodeJS.Platform;
}

export interface ContextListing {
  root: string;
  entries: ContextEntry[];
  /** Bytes of file content, what the CLI reports as "Sending build context to Docker daemon". */
  contentBytes: number;
  ignorePatterns: string[];
}

export async function listContext(contextDir: string, options: ContextOptions = {}): Promise<ContextListing> {
  const platform = options.platform ?? process.platform;
  // The folder the learner chose is the root: if it is itself a link, its target is the context.
  const root = await fs.promises.realpath(contextDir);
  let ignoreLines: string[] = [];
  try { ignoreLines = parseDockerignore(await fs.promises.readFile(path.join(root, '.dockerignore'), 'utf8'), platform); } catch { /* no .dockerignore */ }
  const lines = [...ignoreLines];
  // Like the CLI: the builder needs these two even when the learner ignores them.
  const pre = new IgnoreMatcher(lines);
  if (pre.matches('.dockerignore')) { lines.push('!.dockerignore'); }
  if (options.dockerfile && pre.matches(options.dockerfile)) { lines.push(`!${options.dockerfile}`); }
  const matcher = new IgnoreMatcher(lines);
  const entries: ContextEntry[] = [];
  let contentBytes = 0;

  const walk = async (dirAbs: string, dirRel: string): Promise<void> => {
    const names = (await fs.promises.readdir(dirAbs)).sort();
    for (const name of names) {
      const abs = path.join(dirAbs, name);
      const rel = dirRel ? `${dirRel}/${name}` : name;
      const st = await fs.promises.lstat(abs);
      if (matcher.matches(rel)) {
        if (!st.isDirectory() || !matcher.hasExclusions) { continue; }
        // An exception such as !dir/keep needs the walk to look inside an excluded dir.
        const dirSlash = `${rel}/`;
        if (matcher.patterns.some((p) => p.exclusion && `${p.text}/`.startsWith(dirSlash))) { await walk(abs, rel); }
        continue;
      }
      let mode = st.mode & 0o7777;
      // Windows has no exec bits: the CLI marks everything executable so scripts still run.
      if (platform === 'win32') { mode = (mode & 0o755) | 0o111; }
      const mtime = Math.floor(st.mtimeMs / 1000);
      if (st.isSymbolicLink()) {
        entries.push({ name: rel, type: 'symlink', mode: 0o777, mtime, size: 0, linkname: await fs.promises.readlink(abs) });
      } else if (st.isDirectory()) {
        entries.push({ name: rel, type: 'directory', mode, mtime, size: 0 });
        await walk(abs, rel);
      } else if (st.isFile()) {
        entries.push({ name: rel, type: 'file', mode, mtime, size: st.size, source: abs, identity: { dev: st.dev, ino: st.ino } });
        contentBytes += st.size;
      }
      // Sockets, FIFOs and devices have no place in an image's files: skipped.
    }
  };
  await walk(root, '');
  for (const extra of options.extraFiles ?? []) {
    entries.push({ name: extra.name, type: 'file', mode: 0o644, mtime: Math.floor(Date.now() / 1000), size: extra.content.length, content: extra.content });
    contentBytes += extra.content.length;
  }
  return { root, entries, contentBytes, ignorePatterns: ignoreLines };
}

// ---------------------------------------------------------------- ustar

const BLOCK = 512;
const MAX_OCTAL_SIZE = 0o77777777777;

function writeString(buf: Buffer, offset: number, length: number, value: string): void {
  buf.write(value, offset, Math.min(length, Buffer.byteLength(value)), 'utf8');
}

function writeOctal(buf: Buffer, offset: number, length: number, value: number): void {
  const text = Math.max(0, Math.floor(value)).toString(8).padStart(length - 1, '0');
  buf.write(`${text.slice(-(length - 1))}\0`, offset, length, 'ascii');
}

function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  let len = Buffer.byteLength(body) + 1;
  while (String(len).length + Buffer.byteLength(body) !== len) { len = String(len).length + Buffer.byteLength(body); }
  return `${len}${body}`;
}

/** Splits a long ASCII name into ustar's prefix (155) and name (100) at a slash, when possible. */
function splitUstarName(name: string): { name: string; prefix: string } | undefined {
  if (name.length <= 100) { return { name, prefix: '' }; }
  for (let i = name.length - 1; i > 0; i--) {
    if (name[i] !== '/') { continue; }
    const prefix = name.slice(0, i);
    const rest = name.slice(i + 1);
    if (prefix.length <= 155 && rest.length <= 100 && rest.length > 0) { return { name: rest, prefix }; }
  }
  return undefined;
}

function header(fields: { name: string; prefix?: string; mode: number; size: number; mtime: number; type: string; linkname?: string }): Buffer {
  const buf = Buffer.alloc(BLOCK);
  writeString(buf, 0, 100, fields.name);
  writeOctal(buf, 100, 8, fields.mode);
  writeOctal(buf, 108, 8, 0);
  writeOctal(buf, 116, 8, 0);
  writeOctal(buf, 124, 12, fields.size);
  writeOctal(buf, 136, 12, fields.mtime);
  buf.fill(' ', 148, 156);
  buf.write(fields.type, 156, 1, 'ascii');
  writeString(buf, 157, 100, fields.linkname ?? '');
  buf.write('ustar\0', 257, 6, 'ascii');
  buf.write('00', 263, 2, 'ascii');
  writeString(buf, 345, 155, fields.prefix ?? '');
  let sum = 0;
  for (const b of buf) { sum += b; }
  buf.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8, 'ascii');
  return buf;
}

const ascii = (s: string) => /^[\x20-\x7e]*$/.test(s);

/** Header block(s) for one entry: a PAX record first when a name, a link or a size does not fit ustar. */
export function entryHeader(entry: ContextEntry): Buffer {
  const tarName = entry.type === 'directory' ? `${entry.name}/` : entry.name;
  const type = entry.type === 'file' ? '0' : entry.type === 'directory' ? '5' : '2';
  const records: string[] = [];
  let split = ascii(tarName) ? splitUstarName(tarName) : undefined;
  if (!split) { records.push(paxRecord('path', tarName)); split = { name: tarName.replace(/[^\x20-\x7e]/g, '_').slice(-100), prefix: '' }; }
  let linkname = entry.linkname;
  if (linkname !== undefined && (!ascii(linkname) || linkname.length > 100)) { records.push(paxRecord('linkpath', linkname)); linkname = linkname.replace(/[^\x20-\x7e]/g, '_').slice(0, 100); }
  let size = entry.type === 'file' ? entry.size : 0;
  if (size > MAX_OCTAL_SIZE) { records.push(paxRecord('size', String(size))); size = 0; }
  const main = header({ name: split.name, prefix: split.prefix, mode: entry.mode, size, mtime: entry.mtime, type, linkname });
  if (!records.length) { return main; }
  const data = Buffer.from(records.join(''), 'utf8');
  const paxName = `PaxHeaders.0/${path.posix.basename(entry.name)}`.replace(/[^\x20-\x7e]/g, '_').slice(0, 100);
  const pax = header({ name: paxName, mode: 0o644, size: data.length, mtime: entry.mtime, type: 'x' });
  return Buffer.concat([pax, data, Buffer.alloc(padding(data.length)), main]);
}

function padding(size: number): number {
  return (BLOCK - (size % BLOCK)) % BLOCK;
}

/** The total bytes the tar of `entries` will have, for progress. */
export function tarSize(entries: ContextEntry[]): number {
  let total = 2 * BLOCK;
  for (const e of entries) { total += entryHeader(e).length + (e.type === 'file' ? e.size + padding(e.size) : 0); }
  return total;
}

/**
 * Streams the tar of `entries`. A file that changed size since the walk is cut or padded to the
 * size in its header, so the archive stays well-formed (the CLI fails instead; a learner editing
 * a file during a build should not break it).
 */
/** Opens for reading without following a final symlink (Windows has no O_NOFOLLOW). */
const NO_FOLLOW_READ = fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0);

/** A file of the context became something else between the walk and the upload. */
export class ContextChangedError extends Error {
  constructor(readonly entryName: string) {
    super(`${entryName} changed into another file or a link while the build context was sent; nothing outside the context folder is sent. Build again.`);
    this.name = 'ContextChangedError';
  }
}

export function tarStream(entries: ContextEntry[], onBytes?: (bytes: number) => void): Readable {
  async function* generate(): AsyncGenerator<Buffer> {
    const emit = (b: Buffer): Buffer => { onBytes?.(b.length); return b; };
    for (const entry of entries) {
      yield emit(entryHeader(entry));
      if (entry.type !== 'file') { continue; }
      if (entry.content) {
        yield emit(entry.content);
      } else if (entry.source) {
        let left = entry.size;
        // The walk saw a regular file; by now it may have been replaced by a link to a file
        // outside the context (or a folder on its way by a link). O_NOFOLLOW refuses a link in
        // the last place, and the device and inode check catches a link anywhere on the way.
        let handle: fs.promises.FileHandle;
        try { handle = await fs.promises.open(entry.source, NO_FOLLOW_READ); } catch (e) {
          if ((e as NodeJS.ErrnoException).code === 'ELOOP') { throw new ContextChangedError(entry.name); }
          throw e;
        }
        try {
          const opened = await handle.stat();
          if (!opened.isFile() || (entry.identity && (opened.dev !== entry.identity.dev || opened.ino !== entry.identity.ino))) {
            throw new ContextChangedError(entry.name);
          }
          while (left > 0) {
            const chunk = Buffer.alloc(Math.min(left, 1 << 20));
            const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
            if (bytesRead === 0) { yield emit(Buffer.alloc(left)); left = 0; break; }
            left -= bytesRead;
            yield emit(chunk.subarray(0, bytesRead));
          }
        } finally { await handle.close(); }
      }
      const pad = padding(entry.size);
      if (pad) { yield emit(Buffer.alloc(pad)); }
    }
    yield emit(Buffer.alloc(2 * BLOCK));
  }
  return Readable.from(generate(), { objectMode: false });
}

export interface BuildContext {
  listing: ContextListing;
  /** Total tar bytes, for progress. */
  size: number;
  stream: Readable;
}

/** Walks `contextDir` and returns the tar stream to POST to /build. */
export async function createBuildContext(contextDir: string, options: ContextOptions = {}, onBytes?: (sent: number, total: number) => void): Promise<BuildContext> {
  const listing = await listContext(contextDir, options);
  const size = tarSize(listing.entries);
  let sent = 0;
  const stream = tarStream(listing.entries, onBytes ? (n) => { sent += n; onBytes(sent, size); } : undefined);
  return { listing, size, stream };
}
