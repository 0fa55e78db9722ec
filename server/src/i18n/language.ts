/** The two languages every user-facing text of Docker Learning exists in. */
export type Language = 'en' | 'zh-cn';
export const LANGUAGES: readonly Language[] = ['en', 'zh-cn'];

/** `dockerLearning.language` setting values. */
export type LanguageSetting = 'auto' | Language;

/**
 * Chinese for zh, zh-cn, zh-hans (and their regional spellings such as zh-Hans-CN); English otherwise.
 * An explicit setting wins over the editor's locale.
 */
export function resolveLanguage(locale: string | undefined, setting: LanguageSetting | undefined): Language {
  if (setting === 'en' || setting === 'zh-cn') { return setting; }
  const l = (locale ?? '').toLowerCase().replace(/_/g, '-');
  if (l === 'zh' || l === 'zh-cn' || l.startsWith('zh-hans') || l === 'zh-sg') { return 'zh-cn'; }
  return 'en';
}
