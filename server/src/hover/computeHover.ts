// The teaching hover: our own topic texts first; what dockerfile-language-service knows otherwise.
import { Hover, MarkupKind, Position } from 'vscode-languageserver-types';
import type { Language } from '../i18n/language';
import type { ParsedDocument } from '../documents/parsedDocument';
import { topicAt } from './topicAt';
import { topicMarkdown } from './topics';

export function computeHover(doc: ParsedDocument, position: Position, language: Language): Hover | null {
  const hit = topicAt(doc.dockerfile, doc.text, position);
  if (!hit) { return null; }
  const markdown = topicMarkdown(hit.topic, language);
  if (!markdown) { return null; }
  return { contents: { kind: MarkupKind.Markdown, value: markdown }, range: hit.range };
}
