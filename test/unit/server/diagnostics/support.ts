// Shared helpers for the diagnostics tests: run the real pipeline (dockerfile-utils + our rules) on a
// text, apply quick-fix edits, read fixture files.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { DockerfileLanguageServiceFactory } from 'dockerfile-language-service';
import { ParsedDocument } from '../../../../server/src/documents/parsedDocument';
import { computeDiagnostics, DiagnosticsContext, runRules, RuleFinding } from '../../../../server/src/diagnostics/computeDiagnostics';
import type { Language } from '../../../../server/src/i18n/language';

/** The repository root: the bundle may live at any depth under out/, so look upwards for test/fixtures. */
export const ROOT = ((): string => {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'test', 'fixtures', 'valid'))) { return dir; }
    if (path.dirname(dir) === dir) { return process.cwd(); }
  }
})();
export const FIXTURES = path.join(ROOT, 'test', 'fixtures');
export const service = DockerfileLanguageServiceFactory.createLanguageService();

export function parsed(text: string, uri = 'file:///work/project/Dockerfile', version = 1): ParsedDocument {
  return new ParsedDocument(TextDocument.create(uri, 'dockerfile', version, text));
}

export interface DiagnoseOptions extends Partial<Omit<DiagnosticsContext, 'service'>> { uri?: string; logs?: string[] }

export function diagnose(text: string, options: DiagnoseOptions = {}): Diagnostic[] {
  const logs = options.logs ?? [];
  return computeDiagnostics(parsed(text, options.uri), {
    service,
    language: options.language ?? 'en' as Language,
    log: (m) => logs.push(m),
    readFile: options.readFile ?? (() => undefined),
    ruleSettings: options.ruleSettings,
    rules: options.rules,
  });
}

export function findings(text: string, options: DiagnoseOptions = {}): RuleFinding[] {
  return runRules(parsed(text, options.uri), { log: () => undefined, readFile: options.readFile ?? (() => undefined), rules: options.rules }).findings;
}

/** Diagnostics of one rule (by code). */
export function ofRule(diagnostics: Diagnostic[], id: string): Diagnostic[] {
  return diagnostics.filter((d) => d.code === id);
}

export function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'dockerfile', 1, text), edits);
}

export function fixture(...parts: string[]): string {
  return fs.readFileSync(path.join(FIXTURES, ...parts), 'utf8');
}

export function fixtureFiles(dir: string): string[] {
  const full = path.join(FIXTURES, dir);
  return fs.readdirSync(full).filter((f) => /Dockerfile|\.dockerfile$/i.test(f) && !f.endsWith('.dockerignore')).sort();
}

/** `line:col severity code message` lines, for readable assertion failures. */
export function describeAll(diagnostics: Diagnostic[]): string {
  return diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} [${['', 'error', 'warning', 'info', 'hint'][d.severity ?? 0]}] ${d.code ?? ''} ${d.message}`).join('\n');
}
