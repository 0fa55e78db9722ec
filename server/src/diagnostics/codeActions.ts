// Quick fixes for diagnostics: dockerfile-language-service's own commands (executed on the server
// through workspace/executeCommand → workspace/applyEdit), plus ours.
import type { CodeAction, Command } from 'vscode-languageserver-types';
import type { CodeActionParams } from 'vscode-languageserver-protocol';
import type { DockerfileLanguageService } from 'dockerfile-language-service';
import type { ParsedDocument } from '../documents/parsedDocument';
import type { Language } from '../i18n/language';

export function computeCodeActions(_doc: ParsedDocument, params: CodeActionParams, service: DockerfileLanguageService, _language: Language): (Command | CodeAction)[] {
  // The service was built against an older vscode-languageserver-types whose Diagnostic.message is only
  // a string; ours are always strings, so the context passes through unchanged.
  return service.computeCodeActions(params.textDocument, params.range, params.context as Parameters<DockerfileLanguageService['computeCodeActions']>[2]);
}
