import type { LanguageSetting } from './i18n/language';
import { RULE_SETTINGS, type RuleSetting } from './diagnostics/rule';

/** The `dockerLearning.*` settings the server reads (sent by any client as initializationOptions or configuration). */
export interface ServerSettings {
  language: LanguageSetting;
  /** Ask a registry for image tags when completing FROM (network: off unless the user opts in). */
  registryTagCompletion: boolean;
  /** `dockerLearning.diagnostics.rules`: rule id → off | information | warning | error (unlisted rules keep their default). */
  diagnosticsRules: Record<string, RuleSetting>;
}

export const DEFAULT_SETTINGS: ServerSettings = { language: 'auto', registryTagCompletion: false, diagnosticsRules: {} };

/** Accepts a partial, possibly malformed object from a client and keeps only what is valid. */
export function readSettings(raw: unknown): ServerSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const language = r.language === 'en' || r.language === 'zh-cn' || r.language === 'auto' ? r.language : DEFAULT_SETTINGS.language;
  const registryTagCompletion = (r.completion as { registryTags?: unknown } | undefined)?.registryTags === true;
  return { language, registryTagCompletion, diagnosticsRules: readRuleSettings((r.diagnostics as { rules?: unknown } | undefined)?.rules) };
}

function readRuleSettings(raw: unknown): Record<string, RuleSetting> {
  const result: Record<string, RuleSetting> = {};
  if (!raw || typeof raw !== 'object') { return result; }
  for (const [id, value] of Object.entries(raw as Record<string, unknown>)) {
    if (RULE_SETTINGS.includes(value as RuleSetting)) { result[id] = value as RuleSetting; }
  }
  return result;
}
