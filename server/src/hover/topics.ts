// Hover knowledge is data: server/docs/hover/<language>/<topic>.md, bundled at build time.
// Files whose name starts with `_` are not topics but message tables (see messages.ts).
import topics from 'docs:hover';
import type { Language } from '../i18n/language';

/** Every topic id that has at least one language. */
export function topicIds(): string[] {
  return Object.keys(topics).filter((id) => !id.startsWith('_')).sort();
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

/** The first paragraph after the heading: a one-line summary for completion details. */
export function topicSummary(id: string, language: Language): string | undefined {
  const md = topicMarkdown(id, language);
  if (!md) { return undefined; }
  return md.split(/\n\s*\n/).map((p) => p.trim()).find((p) => p && !p.startsWith('#'));
}
