// The build context's .dockerignore, read from disk next to the Dockerfile (the server is a plain Node
// program: no editor API), and matched the way Docker matches it: patterns are cleaned paths relative
// to the context, `*` and `?` stay inside one path segment, `**` spans any number of segments, `!`
// re-includes, the last matching line wins, and excluding a directory excludes everything in it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface IgnorePattern {
  /** The line as written (0-based line number in the file). */
  text: string;
  line: number;
  negated: boolean;
  regex: RegExp;
}

export interface DockerIgnore {
  /** Absolute path of the file the patterns came from. */
  file: string;
  patterns: IgnorePattern[];
}

export function parseDockerIgnore(content: string, file = '.dockerignore'): DockerIgnore {
  const patterns: IgnorePattern[] = [];
  content.split(/\r?\n/).forEach((raw, line) => {
    let text = raw.trim();
    if (text === '' || text.startsWith('#')) { return; }
    let negated = false;
    if (text.startsWith('!')) { negated = true; text = text.slice(1).trim(); }
    const cleaned = cleanPath(text);
    if (cleaned === '') { return; }
    patterns.push({ text: raw.trim(), line, negated, regex: patternToRegex(cleaned) });
  });
  return { file, patterns };
}

/** The pattern that decides a context path's fate, if it ends up excluded; undefined when it is sent. */
export function excludedBy(ignore: DockerIgnore, contextPath: string): IgnorePattern | undefined {
  const p = cleanPath(contextPath);
  if (p === '' || p === '.') { return undefined; }
  // Candidates: the path and each parent directory (excluding `node_modules` excludes `node_modules/x`).
  const segments = p.split('/');
  const candidates: string[] = [];
  for (let i = 1; i <= segments.length; i++) { candidates.push(segments.slice(0, i).join('/')); }
  let decision: IgnorePattern | undefined;
  for (const pattern of ignore.patterns) {
    if (candidates.some((c) => pattern.regex.test(c))) { decision = pattern.negated ? undefined : pattern; }
  }
  return decision;
}

/** Like Go's filepath.Clean on a slash path, then relative to the context root. */
export function cleanPath(p: string): string {
  const out: string[] = [];
  for (const seg of p.replace(/\\/g, '/').split('/')) {
    if (seg === '' || seg === '.') { continue; }
    if (seg === '..') { out.pop(); continue; }
    out.push(seg);
  }
  return out.join('/');
}

function patternToRegex(pattern: string): RegExp {
  let re = '^';
  const n = pattern.length;
  for (let i = 0; i < n; i++) {
    const c = pattern[i];
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        i++;
        // `**/` may match nothing at all: `**/x` also matches `x`.
        if (pattern[i + 1] === '/') { i++; re += '(?:.*/)?'; } else { re += '.*'; }
      } else {
        re += '[^/]*';
      }
    } else if (c === '?') {
      re += '[^/]';
    } else if (c === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close < 0) { re += '\\['; continue; }
      let cls = pattern.slice(i + 1, close);
      if (cls.startsWith('^') || cls.startsWith('!')) { cls = '^' + cls.slice(1); }
      re += `[${cls.replace(/\\/g, '\\\\')}]`;
      i = close;
    } else if (c === '\\' && i + 1 < n) {
      i++;
      re += escapeRegex(pattern[i]);
    } else {
      re += escapeRegex(c);
    }
  }
  return new RegExp(re + '$');
}

function escapeRegex(c: string): string { return /[.*+?^${}()|[\]\\/]/.test(c) ? `\\${c}` : c; }

export type ReadFile = (file: string) => string | undefined;

/** Reads a file, or undefined when it does not exist or cannot be read. */
export const readFileFromDisk: ReadFile = (file) => {
  try { return fs.readFileSync(file, 'utf8'); } catch { return undefined; }
};

/**
 * The ignore file Docker would use when the Dockerfile's folder is the build context:
 * `<Dockerfile name>.dockerignore` next to it first (BuildKit), then `.dockerignore`.
 */
export function findDockerIgnore(uri: string, readFile: ReadFile = readFileFromDisk): DockerIgnore | undefined {
  if (!uri.startsWith('file:')) { return undefined; }
  let file: string;
  try { file = fileURLToPath(uri); } catch { return undefined; }
  const dir = path.dirname(file);
  for (const candidate of [`${file}.dockerignore`, path.join(dir, '.dockerignore')]) {
    const content = readFile(candidate);
    if (content !== undefined) { return parseDockerIgnore(content, candidate); }
  }
  return undefined;
}

/** Caches parsed ignore files by path and modification time, so typing does not re-read the disk each time. */
export function cachedDiskReader(): ReadFile {
  const cache = new Map<string, { mtimeMs: number; content: string | undefined }>();
  return (file) => {
    let mtimeMs: number;
    try { mtimeMs = fs.statSync(file).mtimeMs; } catch { cache.delete(file); return undefined; }
    const hit = cache.get(file);
    if (hit && hit.mtimeMs === mtimeMs) { return hit.content; }
    const content = readFileFromDisk(file);
    cache.set(file, { mtimeMs, content });
    return content;
  };
}
