// Small Markdown helpers for contextual hovers: code spans that survive backticks in values, and
// argument lists shown the way a shell would need them typed.

const MAX_SHOWN = 200;

/** A Markdown code span for any text (long values are shortened). */
export function code(text: string): string {
  const shown = text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
  const flat = shown.replace(/\r?\n/g, ' ');
  const longestRun = Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat.trim() === '' ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** One argument quoted for a POSIX shell when it needs it. */
export function shellQuoteArg(arg: string): string {
  if (/^[A-Za-z0-9_\/.:=@%+,-]+$/.test(arg)) { return arg; }
  // Double quotes read better for text with single quotes, as long as nothing in it is special there.
  if (arg.includes("'") && !/["$`\\!]/.test(arg)) { return `"${arg}"`; }
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** An argument list as one command line. */
export function commandLine(argv: string[]): string {
  return argv.map(shellQuoteArg).join(' ');
}

/** An argument list in Dockerfile exec-form notation. */
export function jsonArgv(argv: string[]): string {
  return `[${argv.map((a) => JSON.stringify(a)).join(', ')}]`;
}
