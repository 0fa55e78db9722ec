import type { LanguageSetting } from './i18n/language';

/** The `dockerLearning.*` settings the server reads (sent by any client as initializationOptions or configuration). */
export interface ServerSettings {
  language: LanguageSetting;
  /** Ask a registry for image tags when completing FROM (network: off unless the user opts in). */
  registryTagCompletion: boolean;
}

export const DEFAULT_SETTINGS: ServerSettings = { language: 'auto', registryTagCompletion: false };

/** Accepts a partial, possibly malformed object from a client and keeps only what is valid. */
export function readSettings(raw: unknown): ServerSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const language = r.language === 'en' || r.language === 'zh-cn' || r.language === 'auto' ? r.language : DEFAULT_SETTINGS.language;
  const registryTagCompletion = (r.completion as { registryTags?: unknown } | undefined)?.registryTags === true;
  return { language, registryTagCompletion };
}
