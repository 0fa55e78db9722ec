// How a learner turns rules down or off: the `dockerLearning.diagnostics.rules` setting, BuildKit's
// own `# check=skip=…` parser directive (for rules that mirror a BuildKit build check), and an ignore
// comment on the line above an instruction.
import type { ParserDirective } from 'dockerfile-ast';
import type { CommentLike } from '../documents/instructionScanner';
import type { Rule, RuleSetting, RuleSeverity } from './rule';

/** `# docker-learning-ignore` (every rule) or `# docker-learning-ignore rule-id, OtherRule`. */
export const IGNORE_COMMENT = 'docker-learning-ignore';
const IGNORE_RE = /^docker-learning-ignore(?:$|[:\s]\s*(.*)$)/;

export interface CheckDirective {
  /** BuildKit check names to skip (as written; compared case-insensitively), or 'all'. */
  skip: Set<string>;
  skipAll: boolean;
  /** `error=true`: BuildKit fails the build on any check violation. */
  error: boolean;
}

/** Reads `# check=skip=A,B;error=true` from the parser directives. */
export function readCheckDirective(directives: readonly ParserDirective[]): CheckDirective {
  const result: CheckDirective = { skip: new Set(), skipAll: false, error: false };
  for (const d of directives) {
    if (d.getName().toLowerCase() !== 'check') { continue; }
    for (const part of d.getValue().split(';')) {
      const eq = part.indexOf('=');
      if (eq < 0) { continue; }
      const key = part.slice(0, eq).trim().toLowerCase();
      const value = part.slice(eq + 1).trim();
      if (key === 'skip') {
        for (const name of value.split(',')) {
          const n = name.trim().toLowerCase();
          if (n === 'all') { result.skipAll = true; } else if (n) { result.skip.add(n); }
        }
      } else if (key === 'error') {
        result.error = value.toLowerCase() === 'true';
      }
    }
  }
  return result;
}

export function skippedByCheckDirective(rule: Rule, check: CheckDirective): boolean {
  if (!rule.buildkitCheck) { return false; }
  return check.skipAll || check.skip.has(rule.buildkitCheck.toLowerCase());
}

/**
 * Ignore comments by the line they govern: the first line after the comment (and after any comments
 * stacked directly below it). A value of 'all' silences every rule there.
 */
export function readIgnoreComments(comments: readonly CommentLike[], lines: readonly string[]): Map<number, Set<string> | 'all'> {
  const result = new Map<number, Set<string> | 'all'>();
  for (const c of comments) {
    const m = IGNORE_RE.exec(c.getContent());
    if (!m) { continue; }
    let target = c.getRange().start.line + 1;
    while (target < lines.length && lines[target].trimStart().startsWith('#')) { target++; }
    const ids = (m[1] ?? '').split(/[\s,]+/).map((s) => s.trim().toLowerCase()).filter(Boolean);
    const previous = result.get(target);
    if (ids.length === 0 || previous === 'all') { result.set(target, 'all'); continue; }
    const set = previous ?? new Set<string>();
    ids.forEach((id) => set.add(id));
    result.set(target, set);
  }
  return result;
}

export function ignoredByComment(rule: Rule, instructionStartLine: number, ignores: Map<number, Set<string> | 'all'>): boolean {
  const entry = ignores.get(instructionStartLine);
  if (!entry) { return false; }
  if (entry === 'all') { return true; }
  return entry.has(rule.id) || (rule.buildkitCheck !== undefined && entry.has(rule.buildkitCheck.toLowerCase()));
}

/**
 * The severity a finding is shown with, or 'off'. The user's setting wins; then BuildKit's
 * `error=true` (the build really fails); then the finding's own weight; then the rule's default.
 */
export function effectiveSeverity(rule: Rule, findingSeverity: RuleSeverity | undefined, settings: Readonly<Record<string, RuleSetting>>, check: CheckDirective): RuleSetting {
  const configured = settings[rule.id];
  if (configured) { return configured; }
  if (check.error && rule.buildkitCheck) { return 'error'; }
  return findingSeverity ?? rule.defaultSeverity;
}
