// What a teaching rule is: a stable id, a default severity, messages in both languages, and a check
// that reports findings (with an optional mechanical fix) over the one-pass model of the Dockerfile.
import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { Language } from '../i18n/language';
import type { DockerfileModel } from './model/model';

/** The severities a rule can have, as named in the `dockerLearning.diagnostics.rules` setting. */
export type RuleSeverity = 'error' | 'warning' | 'information';
export type RuleSetting = RuleSeverity | 'off';
export const RULE_SETTINGS: readonly RuleSetting[] = ['off', 'information', 'warning', 'error'];

/** A text in every language we ship. `{name}` placeholders are filled from a finding's params. */
export type LocalizedText = Record<Language, string>;

export interface Fix {
  /** Key into the rule's `fixes` titles. */
  title: string;
  params?: Record<string, string>;
  edits: TextEdit[];
  /** The one obvious fix: editors may apply it with a single keystroke. */
  preferred?: boolean;
}

export interface Finding {
  range: Range;
  /** Key into the rule's `messages`. */
  message: string;
  params?: Record<string, string>;
  /**
   * For a rule whose findings differ in weight (a lone `RUN cd /x` does nothing at all, `cd /x && make`
   * only reads worse): used unless the user configured the rule.
   */
  severity?: RuleSeverity;
  fixes?: Fix[];
  /** Marks the range as dead code (an instruction whose effect a later one replaces). */
  unnecessary?: boolean;
  deprecated?: boolean;
}

export interface Rule {
  /** Stable, kebab-case: used in settings, ignore comments and the rule page's file name. */
  id: string;
  defaultSeverity: RuleSeverity;
  /** The BuildKit build check this rule corresponds to, so `# check=skip=<name>` silences it too. */
  buildkitCheck?: string;
  /** One line naming what the rule checks (settings UI, rule index). */
  title: LocalizedText;
  messages: Record<string, LocalizedText>;
  fixes?: Record<string, LocalizedText>;
  /** dockerfile-utils problem codes that this rule's findings explain better on the same line. */
  suppressesSyntax?: number[];
  check(model: DockerfileModel, report: (finding: Finding) => void): void;
}

/** Fills `{name}` placeholders; unknown names are left visible so a missing param is noticed in tests. */
export function formatText(template: string, params: Record<string, string> | undefined): string {
  if (!params) { return template; }
  return template.replace(/\{([A-Za-z][A-Za-z0-9]*)\}/g, (all, key: string) => (key in params ? params[key] : all));
}
