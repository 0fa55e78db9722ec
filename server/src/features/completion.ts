// Completion from dockerfile-language-service, without its registry look-ups unless the user opted in:
// a learner offline (or behind a firewall) must not wait on Docker Hub for a tag list.
import type { CompletionItem, Position } from 'vscode-languageserver-types';
import type { DockerfileLanguageService } from 'dockerfile-language-service';
import type { From } from 'dockerfile-ast';
import type { ParsedDocument } from '../documents/parsedDocument';
import type { Language } from '../i18n/language';
import type { ServerSettings } from '../settings';
import { contains, instructionAt } from '../hover/topicAt';

export async function computeCompletion(doc: ParsedDocument, position: Position, service: DockerfileLanguageService, _language: Language, settings: ServerSettings): Promise<CompletionItem[]> {
  if (!settings.registryTagCompletion) {
    const instruction = instructionAt(doc.dockerfile, position);
    if (instruction?.getKeyword() === 'FROM') {
      const tagRange = (instruction as From).getImageTagRange();
      if (tagRange && contains(tagRange, position)) { return []; }
    }
  }
  return service.computeCompletionItems(doc.text, position);
}
