// Completion from dockerfile-language-service, dressed with our own topic texts in the learner's
// language, plus the flags and directives the service does not know yet (RUN --mount and its types,
// COPY --link/--parents/--exclude, ADD --checksum, `# check=`).
// No registry look-ups unless the user opted in: a learner offline (or behind a firewall) must not wait
// on Docker Hub for a tag list.
import { CompletionItem, CompletionItemKind, InsertTextFormat, MarkupKind, Position } from 'vscode-languageserver-types';
import type { DockerfileLanguageService } from 'dockerfile-language-service';
import type { From } from 'dockerfile-ast';
import type { ParsedDocument } from '../documents/parsedDocument';
import type { Language } from '../i18n/language';
import type { ServerSettings } from '../settings';
import { astInstruction, containsPosition, documentIndex, instructionIndexAt, lineTextOf } from '../hover/documentIndex';
import { topicIds, topicMarkdown } from '../hover/topics';
import { withParsedTree } from './serviceParse';

/** ADD shares these flags with COPY, so it shares their texts too. */
const ADD_FLAGS_SHARED_WITH_COPY = new Set(['chown', 'chmod', 'link', 'parents', 'exclude']);

/** Flags per instruction (BuildKit's Dockerfile frontend), and what to insert for each. */
const FLAGS: Record<string, Record<string, string>> = {
  FROM: { platform: '--platform=${1:linux/amd64}' },
  RUN: { mount: '--mount=type=${1|cache,bind,tmpfs,secret,ssh|},target=${2}', network: '--network=${1|default,none,host|}', security: '--security=${1|sandbox,insecure|}' },
  COPY: { from: '--from=${1}', chown: '--chown=${1}', chmod: '--chmod=${1:0755}', link: '--link', parents: '--parents', exclude: '--exclude=${1}' },
  ADD: { chown: '--chown=${1}', chmod: '--chmod=${1:0755}', link: '--link', exclude: '--exclude=${1}', checksum: '--checksum=${1:sha256:}', 'keep-git-dir': '--keep-git-dir' },
  HEALTHCHECK: { interval: '--interval=${1:30s}', timeout: '--timeout=${1:30s}', 'start-period': '--start-period=${1:0s}', 'start-interval': '--start-interval=${1:5s}', retries: '--retries=${1:3}' },
};
const MOUNT_TYPES = ['bind', 'cache', 'tmpfs', 'secret', 'ssh'];

let knownTopics: Set<string> | undefined;
function hasTopic(id: string): boolean {
  knownTopics ??= new Set(topicIds());
  return knownTopics.has(id);
}

function flagTopic(keyword: string, flag: string): string | undefined {
  const k = keyword.toLowerCase();
  const owner = k === 'add' && ADD_FLAGS_SHARED_WITH_COPY.has(flag) ? 'copy' : k;
  const id = `${owner}.${flag}`;
  return hasTopic(id) ? id : undefined;
}

/**
 * The topic behind one of the service's items, from its `data`: `FROM`, `ARG_NameOnly`,
 * `HEALTHCHECK_CMD`, `COPY_FlagChown`, `HEALTHCHECK_FlagStartPeriod`, `escape`, `syntax`.
 */
export function topicForItemData(data: unknown): string | undefined {
  if (typeof data !== 'string') { return undefined; }
  if (data.startsWith('dl:')) { return data.slice(3); }
  if (data === 'escape' || data === 'syntax' || data === 'check') { return `directive.${data}`; }
  const [keyword, rest] = data.split('_', 2);
  if (rest?.startsWith('Flag')) {
    const flag = rest.slice(4).replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();
    return flagTopic(keyword, flag) ?? (hasTopic(keyword.toLowerCase()) ? keyword.toLowerCase() : undefined);
  }
  return hasTopic(keyword.toLowerCase()) ? keyword.toLowerCase() : undefined;
}

function withTopic(item: CompletionItem, topic: string | undefined, language: Language): CompletionItem {
  const markdown = topic ? topicMarkdown(topic, language) : undefined;
  if (markdown) { item.documentation = { kind: MarkupKind.Markdown, value: markdown }; }
  return item;
}

export async function computeCompletion(doc: ParsedDocument, position: Position, service: DockerfileLanguageService, language: Language, settings: ServerSettings): Promise<CompletionItem[]> {
  // The service below parses the whole file anyway: the index then reads that tree instead of scanning.
  void doc.dockerfile;
  const index = documentIndex(doc);
  const at = instructionIndexAt(index, position);
  const instruction = at >= 0 ? astInstruction(index, at) : undefined;
  if (!settings.registryTagCompletion && instruction?.getKeyword() === 'FROM' && insideImageTag(instruction as From, lineTextOf(doc, position.line), position)) {
    return [];
  }
  const items = await withParsedTree(doc, (text) => service.computeCompletionItems(text, position), []);
  for (const item of items) {
    withTopic(item, topicForItemData(item.data), language);
    if (item.data === 'syntax') { modernSyntaxDirective(item); }
  }
  return [...items, ...extraItems(doc, position, instruction?.getKeyword(), items, language)];
}

/** The service still suggests `docker/dockerfile:experimental`; today's advice is the stable `:1` channel. */
function modernSyntaxDirective(item: CompletionItem): void {
  const fix = (text: string): string => text.replace('docker/dockerfile:experimental', 'docker/dockerfile:1');
  item.label = fix(item.label);
  if (item.insertText) { item.insertText = fix(item.insertText); }
  if (item.textEdit && 'newText' in item.textEdit) { item.textEdit.newText = fix(item.textEdit.newText); }
}

/** In the tag part of `FROM image:tag` (also while the tag is still empty, right after the colon). */
function insideImageTag(from: From, line: string, position: Position): boolean {
  const tagRange = from.getImageTagRange();
  if (tagRange && containsPosition(tagRange, position)) { return true; }
  const imageRange = from.getImageRange();
  if (!imageRange || imageRange.start.line !== position.line || position.character < imageRange.start.character) { return false; }
  const typed = line.slice(imageRange.start.character, position.character);
  return /^[^\s@]*:[^\s/@]*$/.test(typed) && !typed.startsWith('--');
}

/** What the cursor's word looks like, and where it starts. */
function currentWord(line: string, character: number): { word: string; start: number } {
  let start = Math.min(character, line.length);
  while (start > 0 && !/\s/.test(line[start - 1])) { start--; }
  return { word: line.slice(start, character), start };
}

function extraItems(doc: ParsedDocument, position: Position, keyword: string | undefined, existing: CompletionItem[], language: Language): CompletionItem[] {
  const line = lineTextOf(doc, position.line);
  const { word, start } = currentWord(line, position.character);
  const range = { start: { line: position.line, character: start }, end: position };
  const out: CompletionItem[] = [];

  // `# check=` is a parser directive the service does not offer yet.
  if (existing.some((i) => i.data === 'syntax' || i.data === 'escape') && !existing.some((i) => i.data === 'check')) {
    const prefix = /^#\s*/.exec(line)?.[0] ?? '';
    out.push(withTopic({
      label: 'check=skip=…', kind: CompletionItemKind.Keyword, data: 'dl:directive.check',
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range: { start: { line: position.line, character: prefix.length }, end: position }, newText: 'check=${1|skip=,error=true|}' },
    }, 'directive.check', language));
  }
  if (!keyword) { return out; }

  const mountType = /^--mount=(?:[^\s]*,)?type=([a-z]*)$/.exec(word);
  if (keyword === 'RUN' && mountType) {
    const typeStart = position.character - mountType[1].length;
    for (const type of MOUNT_TYPES) {
      out.push(withTopic({
        label: type, kind: CompletionItemKind.EnumMember, data: `dl:run.mount.${type}`,
        textEdit: { range: { start: { line: position.line, character: typeStart }, end: position }, newText: type },
      }, `run.mount.${type}`, language));
    }
    return out;
  }

  const flags = FLAGS[keyword];
  if (!flags || !word.startsWith('-') || word.includes('=')) { return out; }
  // Flags come before the instruction's first argument.
  const keywordEnd = /^\s*\S+/.exec(line)?.[0].length ?? 0;
  const before = line.slice(keywordEnd, start).trim();
  if (before && before.split(/\s+/).some((w) => !w.startsWith('--'))) { return out; }
  const offered = new Set(existing.map((i) => i.label.replace(/=.*$/, '')));
  for (const [flag, snippet] of Object.entries(flags)) {
    const label = `--${flag}`;
    if (offered.has(label) || !label.startsWith(word)) { continue; }
    const topic = flag === 'mount' ? 'run.mount' : flagTopic(keyword, flag);
    out.push(withTopic({
      label, kind: CompletionItemKind.Property, data: topic ? `dl:${topic}` : undefined,
      insertTextFormat: InsertTextFormat.Snippet, textEdit: { range, newText: snippet },
    }, topic, language));
  }
  return out;
}

/** completionItem/resolve: our topic when the item has one (a client may drop documentation), else the service's. */
export function resolveCompletion(item: CompletionItem, service: DockerfileLanguageService, language: Language): CompletionItem {
  if (!item.documentation) { withTopic(item, topicForItemData(item.data), language); }
  if (item.documentation) { return item; }
  // The client sends the item back as it likes: the service throws on `data` it has no text for.
  try {
    return service.resolveCompletionItem(item);
  } catch {
    return item;
  }
}
