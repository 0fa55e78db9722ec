// Quoting for anything we show as, or send to, a POSIX shell. Names come from users and engines
// (spaces, quotes, $(), ;, backticks): they are always quoted, never interpolated.

/** Characters that need no quoting in sh, bash and zsh. */
const SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

export function shellQuote(word: string): string {
  if (word !== '' && SAFE.test(word)) { return word; }
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** A piece of a command that is shell syntax on purpose, e.g. `$(docker container ps -aq)`. */
export interface RawShell { raw: string }

export function isRaw(x: string | RawShell): x is RawShell {
  return typeof x === 'object';
}

/** `docker` followed by its arguments, each quoted unless it is deliberate shell syntax. */
export function dockerCommand(...args: (string | RawShell)[]): string {
  return ['docker', ...args.map((a) => (isRaw(a) ? a.raw : shellQuote(a)))].join(' ');
}
