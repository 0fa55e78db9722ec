// Checks on the options of `docker container logs` and of a shell, as a program may pass them
// (executeCommand arguments never saw an input box): each is checked before any engine call, and
// the message says what is accepted, in the learner's language when a translator is given (the
// engine checks with the English one and keeps the check, so the view can say it again translated:
// InvalidOptionError.translated). Pure: no `vscode`.
import { plainTranslate, type Translate } from '../../images/model/format';
import { parseSince } from './since';

/** The most lines --tail may ask for: more than any log a learner has, less than what breaks a request. */
const MAX_TAIL = 1_000_000_000;

/** `--tail`: a whole number of lines, or "all". */
export function tailProblem(value: unknown, t: Translate = plainTranslate): string | undefined {
  if (value === undefined || value === 'all') { return undefined; }
  const n = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value.trim()) : value;
  if (typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= MAX_TAIL) { return undefined; }
  return `--tail ${String(value)}: ${t('Type a number or all')}`;
}

/** `--since`: a Go duration (10m), an RFC 3339 date, or Unix seconds (a number or its digits). */
export function sinceProblem(value: unknown, t: Translate = plainTranslate): string | undefined {
  if (value === undefined || value === '') { return undefined; }
  if (typeof value === 'number' ? Number.isFinite(value) && value >= 0 : typeof value === 'string' && parseSince(value) !== undefined) { return undefined; }
  return `--since ${String(value)}: ${t('Use a duration like 10m or 2h, a date like 2024-05-01T10:00:00Z, or Unix seconds')}`;
}

function flagProblem(name: string, value: unknown, t: Translate): string | undefined {
  return value === undefined || typeof value === 'boolean' ? undefined : `--${name} ${String(value)}: ${t('true or false')}`;
}

/** The logs options a program may pass: { follow, tail, since, timestamps }. */
export function logOptionsProblem(value: unknown, t: Translate = plainTranslate): string | undefined {
  if (value === undefined) { return undefined; }
  if (!value || typeof value !== 'object' || Array.isArray(value)) { return `logs: ${t('the options are an object: {0}', '{ follow?: boolean, tail?: number | "all", since?: string | number, timestamps?: boolean }')}`; }
  const o = value as Record<string, unknown>;
  return tailProblem(o.tail, t) ?? sinceProblem(o.since, t) ?? flagProblem('follow', o.follow, t) ?? flagProblem('timestamps', o.timestamps, t);
}

/** A shell's program and terminal size: absolute paths, whole positive sizes a terminal can have. */
export function shellOptionsProblem(value: { shells?: unknown; columns?: unknown; rows?: unknown }, t: Translate = plainTranslate): string | undefined {
  const { shells, columns, rows } = value;
  if (shells !== undefined && !(Array.isArray(shells) && shells.length > 0 && shells.every((s) => typeof s === 'string' && /^\/[^\0\s]*$/.test(s)))) {
    return `shells ${JSON.stringify(shells)}: ${t('absolute paths such as /bin/sh')}`;
  }
  for (const [name, n] of [['columns', columns], ['rows', rows]] as const) {
    if (n !== undefined && !(typeof n === 'number' && Number.isInteger(n) && n > 0 && n <= 10_000)) { return `${name} ${String(n)}: ${t('a whole number from {0} to {1}', 1, 10_000)}`; }
  }
  return undefined;
}

/** `docker container stop --time`: whole seconds before SIGKILL, or -1 to wait as long as it takes. */
export function stopTimeProblem(value: unknown, t: Translate = plainTranslate): string | undefined {
  return value === undefined || (typeof value === 'number' && Number.isInteger(value) && value >= -1) ? undefined : `stop --time ${String(value)}: ${t('whole seconds, or -1 to wait without limit')}`;
}

/** `docker container kill --signal`: a signal name (SIGTERM, TERM) or its number. */
export function killSignalProblem(value: unknown, t: Translate = plainTranslate): string | undefined {
  return typeof value === 'string' && /^(SIG)?[A-Z][A-Z0-9+-]*$|^\d{1,2}$/.test(value) ? undefined : `kill --signal ${String(value)}: ${t('a signal name such as SIGTERM, or its number')}`;
}
