// Checks on the options of `docker container logs` and of a shell, as a program may pass them
// (executeCommand arguments never saw an input box): each is checked before any engine call, and
// the message says what is accepted. The sentences are the ones the input boxes already use, so
// they exist in both languages. Pure: no `vscode`.
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

function flagProblem(name: string, value: unknown): string | undefined {
  return value === undefined || typeof value === 'boolean' ? undefined : `--${name} ${String(value)}: true | false`;
}

/** The logs options a program may pass: { follow, tail, since, timestamps }. */
export function logOptionsProblem(value: unknown, t: Translate = plainTranslate): string | undefined {
  if (value === undefined) { return undefined; }
  if (!value || typeof value !== 'object' || Array.isArray(value)) { return 'logs: { follow?: boolean, tail?: number | "all", since?: string | number, timestamps?: boolean }'; }
  const o = value as Record<string, unknown>;
  return tailProblem(o.tail, t) ?? sinceProblem(o.since, t) ?? flagProblem('follow', o.follow) ?? flagProblem('timestamps', o.timestamps);
}

/** A shell's program and terminal size: absolute paths, whole positive sizes a terminal can have. */
export function shellOptionsProblem(value: { shells?: unknown; columns?: unknown; rows?: unknown }): string | undefined {
  const { shells, columns, rows } = value;
  if (shells !== undefined && !(Array.isArray(shells) && shells.length > 0 && shells.every((s) => typeof s === 'string' && /^\/[^\0\s]*$/.test(s)))) {
    return `shells ${JSON.stringify(shells)}: absolute paths such as /bin/sh`;
  }
  for (const [name, n] of [['columns', columns], ['rows', rows]] as const) {
    if (n !== undefined && !(typeof n === 'number' && Number.isInteger(n) && n > 0 && n <= 10_000)) { return `${name} ${String(n)}: 1…10000`; }
  }
  return undefined;
}
