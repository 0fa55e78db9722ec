// Quick fixes for diagnostics: ours (the edit a rule computed with its finding, plus "ignore this rule
// here"), and dockerfile-language-service's own commands for its diagnostics (executed on the server
// through workspace/executeCommand → workspace/applyEdit), with their titles in the learner's language.
import type { CodeAction, Command, Diagnostic, Range } from 'vscode-languageserver-types';
import type { CodeActionParams } from 'vscode-languageserver-protocol';
import type { DockerfileLanguageService } from 'dockerfile-language-service';
import type { ParsedDocument } from '../documents/parsedDocument';
import type { Language } from '../i18n/language';
import { findingsFor, RULE_SOURCE, RuleFinding } from './computeDiagnostics';
import { formatText } from './rule';
import { RULES_BY_ID } from './rules/index';
import { SYNTAX_SOURCE } from './syntaxValidation';
import { IGNORE_COMMENT } from './controls';

const SERVICE_TITLES_ZH: Record<string, string> = {
  'Convert directive to lowercase': '把解析器指令改成小写',
  'Convert instruction to uppercase': '把指令改成大写',
  'Remove extra argument': '删除多余的参数',
  'Convert to backslash': '改为反斜杠 \\',
  'Convert to backtick': '改为反引号 `',
  'Convert to AS': '改为 AS',
  'Convert to --interval': '改为 --interval',
  'Convert to --retries': '改为 --retries',
  'Convert to --start-period': '改为 --start-period',
  'Convert to --timeout': '改为 --timeout',
  'Convert to --chown': '改为 --chown',
  'Convert to --from': '改为 --from',
  'Remove empty continuation line': '删除续行中的空行',
  'Remove empty continuation lines': '删除续行中的空行',
};

const IGNORE_TITLE = { en: 'Ignore {rule} for this instruction', 'zh-cn': '在这条指令上忽略 {rule}' };

export function computeCodeActions(doc: ParsedDocument, params: CodeActionParams, service: DockerfileLanguageService, language: Language, log: (m: string) => void = () => undefined): (Command | CodeAction)[] {
  const actions: (Command | CodeAction)[] = [];
  const diagnostics = params.context.diagnostics;

  // The service rewrites `code` in place (parseInt), so it only ever sees copies of its own diagnostics.
  const theirs = diagnostics.filter((d) => d.source === SYNTAX_SOURCE).map((d) => ({ ...d }));
  if (theirs.length > 0) {
    const commands = service.computeCodeActions(params.textDocument, params.range, { ...params.context, diagnostics: theirs } as Parameters<DockerfileLanguageService['computeCodeActions']>[2]);
    for (const c of commands) {
      actions.push(language === 'zh-cn' && SERVICE_TITLES_ZH[c.title] ? { ...c, title: SERVICE_TITLES_ZH[c.title] } : c);
    }
  }

  const ours = diagnostics.filter((d) => d.source === RULE_SOURCE);
  if (ours.length === 0) { return actions; }
  const findings = findingsFor(doc, log);
  for (const diagnostic of ours) {
    const match = findingFor(findings, diagnostic);
    if (!match) { continue; }
    const { rule, finding } = match;
    for (const fix of finding.fixes ?? []) {
      const title = rule.fixes?.[fix.title];
      actions.push({
        title: formatText(title?.[language] ?? title?.en ?? fix.title, fix.params),
        kind: 'quickfix',
        diagnostics: [diagnostic],
        isPreferred: fix.preferred === true,
        edit: { changes: { [doc.uri]: fix.edits } },
      });
    }
    actions.push(ignoreAction(doc, match, diagnostic, language));
  }
  return actions;
}

function findingFor(findings: RuleFinding[], diagnostic: Diagnostic): RuleFinding | undefined {
  const id = String(diagnostic.code);
  const rule = RULES_BY_ID.get(id);
  if (!rule) { return undefined; }
  const same = findings.filter((f) => f.rule === rule);
  return same.find((f) => sameRange(f.finding.range, diagnostic.range))
    ?? same.find((f) => f.finding.range.start.line === diagnostic.range.start.line);
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** Inserts `# docker-learning-ignore <rule>` above the instruction, indented like it. */
function ignoreAction(doc: ParsedDocument, match: RuleFinding, diagnostic: Diagnostic, language: Language): CodeAction {
  const line = match.instructionLine;
  const text = doc.document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  const indent = /^[ \t]*/.exec(text)?.[0] ?? '';
  return {
    title: formatText(IGNORE_TITLE[language], { rule: match.rule.id }),
    kind: 'quickfix',
    diagnostics: [diagnostic],
    edit: { changes: { [doc.uri]: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}# ${IGNORE_COMMENT} ${match.rule.id}\n` }] } },
  };
}
