// Hover knowledge is data: server/docs/hover/<language>/<topic>.md, bundled at build time.
import topics from 'docs:hover';
import type { Language } from '../i18n/language';

/** Every topic id that has at least one language. */
export function topicIds(): string[] {
  return Object.keys(topics).sort();
}

/** The Markdown of a topic in a language, falling back to English when a translation is missing. */
export function topicMarkdown(id: string, language: Language): string | undefined {
  const entry = topics[id];
  return entry?.[language] ?? entry?.en;
}

/** Raw access for tests that prove completeness. */
export function topicLanguages(id: string): string[] {
  return Object.keys(topics[id] ?? {});
}
