// The labels and sentences of contextual hovers ("Value here", "Effective start command", …) are data
// too: server/docs/hover/<language>/_contextual.md holds one `## key` heading per message, the text
// below it is the message, and `{name}` placeholders are filled in here.
import topics from 'docs:hover';
import type { Language } from '../i18n/language';

const TABLE = '_contextual';
const parsed = new Map<string, Record<string, string>>();

/** key → message, for one language (empty when the table is missing). */
export function messageTable(language: Language): Record<string, string> {
  let table = parsed.get(language);
  if (!table) {
    table = parseTable(topics[TABLE]?.[language] ?? '');
    parsed.set(language, table);
  }
  return table;
}

export function parseTable(markdown: string): Record<string, string> {
  const table: Record<string, string> = {};
  let key: string | undefined;
  let body: string[] = [];
  const flush = (): void => { if (key) { table[key] = body.join('\n').trim(); } };
  for (const line of markdown.split(/\r?\n/)) {
    const heading = /^## ([A-Za-z0-9_.-]+)\s*$/.exec(line);
    if (heading) { flush(); key = heading[1]; body = []; } else if (key) { body.push(line); }
  }
  flush();
  return table;
}

/** A message with its placeholders filled in; English when the language lacks the key. */
export function msg(language: Language, key: string, params: Record<string, string | number> = {}): string {
  const template = messageTable(language)[key] ?? messageTable('en')[key] ?? key;
  return template.replace(/\{([A-Za-z0-9_]+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The placeholders a message uses: tests check both languages use the same ones. */
export function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1]))].sort();
}
