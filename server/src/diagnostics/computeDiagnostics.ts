// All diagnostics for one document version: dockerfile-utils' syntax and argument validation,
// then our own teaching rules (issue 4 grows this file's rule list).
import type { Diagnostic } from 'vscode-languageserver-types';
import type { DockerfileLanguageService } from 'dockerfile-language-service';
import type { ParsedDocument } from '../documents/parsedDocument';
import type { Language } from '../i18n/language';
import { VALIDATOR_SETTINGS } from './validatorSettings';

export interface DiagnosticsContext {
  service: DockerfileLanguageService;
  language: Language;
  log(message: string): void;
}

export function computeDiagnostics(doc: ParsedDocument, ctx: DiagnosticsContext): Diagnostic[] {
  return ctx.service.validate(doc.text, VALIDATOR_SETTINGS);
}
