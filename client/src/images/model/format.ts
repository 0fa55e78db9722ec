// Sizes, ages and ids the way `docker image ls` prints them, so what the view shows can be
// compared with the terminal. Pure: no `vscode`, unit-tested on plain Node.

/** The message translator: `vscode.l10n.t` in the extension, a plain formatter in unit tests. */
export type Translate = (message: string, ...args: Array<string | number | boolean>) => string;

/** Fills {0}, {1}… like vscode.l10n.t does, for tests and for English defaults. */
export const plainTranslate: Translate = (message, ...args) => message.replace(/\{(\d+)\}/g, (m, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : m));

const UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];

/**
 * Decimal units with three significant digits, as the docker CLI's `docker image ls` (go-units
 * HumanSizeWithPrecision(size, 3)): 1982680 → "1.98MB", 65536 → "65.5kB", 3 → "3B".
 */
export function humanSize(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) { return '?'; }
  let size = bytes;
  let unit = 0;
  while (size >= 1000 && unit < UNITS.length - 1) { size /= 1000; unit++; }
  let text = size.toPrecision(3);
  // 999.96 kB rounds to "1.00e+3": the CLI would print 1e+03kB, we move to the next unit instead.
  if (Number(text) >= 1000 && unit < UNITS.length - 1) { size /= 1000; unit++; text = size.toPrecision(3); }
  return `${String(Number(text))}${UNITS[unit]}`;
}

/**
 * "2 days ago" / "2天前": `created` and `now` in seconds since the epoch (Docker's `Created`).
 * The same steps as the CLI's `docker image ls` (go-units HumanDuration: hours up to 2 days, days up
 * to 2 weeks, weeks up to 2 months…); Intl words it in the learner's language.
 */
export function relativeAge(created: number, now: number, locale = 'en'): string {
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'always' });
  const seconds = Math.max(0, Math.floor(now - created));
  const minutes = Math.floor(seconds / 60);
  const hours = Math.floor(seconds / 3600);
  if (seconds < 60) { return rtf.format(-seconds, 'second'); }
  if (minutes < 60) { return rtf.format(-minutes, 'minute'); }
  if (hours < 48) { return rtf.format(-hours, 'hour'); }
  if (hours < 24 * 7 * 2) { return rtf.format(-Math.floor(hours / 24), 'day'); }
  if (hours < 24 * 30 * 2) { return rtf.format(-Math.floor(hours / 24 / 7), 'week'); }
  if (hours < 24 * 365 * 2) { return rtf.format(-Math.floor(hours / 24 / 30), 'month'); }
  return rtf.format(-Math.floor(hours / 24 / 365), 'year');
}

/** The 12 hex digits the CLI shows for an image id (sha256: prefix dropped). */
export function shortId(id: string): string {
  return id.replace(/^sha256:/, '').slice(0, 12);
}
