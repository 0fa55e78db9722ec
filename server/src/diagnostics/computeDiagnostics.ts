// All diagnostics for one document version: dockerfile-utils' syntax and argument validation, then our
// own teaching rules over a one-pass model of the file, then the learner's controls (setting, BuildKit
// `# check=` directive, ignore comments). A rule that throws is logged and skipped; the others still run.
import type { Diagnostic, DiagnosticTag, Range } from 'vscode-languageserver-types';
import type { DockerfileLanguageService } from 'dockerfile-language-service';
import type { ParsedDocument } from '../documents/parsedDocument';
import type { Language } from '../i18n/language';
import { DockerfileModel } from './model/model';
import { Finding, formatText, Rule, RuleSetting } from './rule';
import { RULES } from './rules/index';
import { validateSyntax } from './syntaxValidation';
import type { ChunkedSyntaxValidator } from '../incremental/chunkedValidation';
import { effectiveSeverity, ignoredByComment, readCheckDirective, readIgnoreComments, skippedByCheckDirective } from './controls';
import { cachedDiskReader, findDockerIgnore, ReadFile } from './dockerignore';
import { rulePageUri } from './rulePages';

export const RULE_SOURCE = 'docker-learning';
/** Log prefix for dockerfile-utils giving up on part of a text (a library limitation we contain, not our failure). */
export const KNOWN_LIMITATION = 'dockerfile-utils limitation:';

export interface DiagnosticsContext {
  service: DockerfileLanguageService;
  language: Language;
  log(message: string): void;
  /** `dockerLearning.diagnostics.rules`: rule id → off | information | warning | error. */
  ruleSettings?: Readonly<Record<string, RuleSetting>>;
  /** Reads files next to the Dockerfile (its .dockerignore); tests pass a fake. */
  readFile?: ReadFile;
  /** The open document's incremental syntax validator (server/src/incremental/); whole-text validation without. */
  incremental?: ChunkedSyntaxValidator;
  /** The rules to run; all of them unless a test says otherwise. */
  rules?: readonly Rule[];
  /**
   * Per open document: the model of its last version. The next version's model takes over every
   * instruction that did not change (model.ts, ModelOptions.previous) and is kept here in turn.
   */
  modelHolder?: { model?: DockerfileModel };
}

export interface RuleFinding {
  rule: Rule;
  finding: Finding;
  /** First line of the instruction the finding is in (where an ignore comment applies). */
  instructionLine: number;
}

const SEVERITY = { error: 1, warning: 2, information: 3 } as const;
const defaultReader = cachedDiskReader();

/** The last rule run per document version, for quick fixes (the code-action request comes right after). */
const lastRun = new WeakMap<ParsedDocument, RuleFinding[]>();

export function computeDiagnostics(doc: ParsedDocument, ctx: DiagnosticsContext): Diagnostic[] {
  let syntax: Diagnostic[] = [];
  try {
    syntax = validateSyntax(doc.text, ctx.service, ctx.language, ctx.incremental, ctx.incremental ? { tree: doc.rulesTree, lines: doc.lines } : undefined);
  } catch (e) {
    ctx.log(`syntax validation failed for ${doc.uri}: ${(e as Error).stack ?? e}`);
  }
  // A known dockerfile-ast limitation (its variable resolution recurses without end on some garbage):
  // handled per chunk, said as what it is — those lines get no syntax check, our rules still ran.
  for (const failure of ctx.incremental?.failures ?? []) { ctx.log(`${KNOWN_LIMITATION} ${doc.uri}, ${failure}; these lines are not syntax-checked`); }
  const { findings, model } = runRules(doc, ctx);
  lastRun.set(doc, findings);

  // Drop dockerfile-utils problems that one of our findings explains on the same line.
  const suppressed = new Set<string>();
  for (const { rule, finding } of findings) {
    for (const code of rule.suppressesSyntax ?? []) { suppressed.add(`${code}@${finding.range.start.line}`); }
  }
  const diagnostics = syntax.filter((d) => !suppressed.has(`${Number(d.code)}@${d.range.start.line}`));
  if (!model) { return diagnostics; }

  const check = readCheckDirective(model.directives);
  const ignores = readIgnoreComments(model.comments, model.lines);
  const settings = ctx.ruleSettings ?? {};
  for (const { rule, finding, instructionLine } of findings) {
    if (skippedByCheckDirective(rule, check) || ignoredByComment(rule, instructionLine, ignores)) { continue; }
    const severity = effectiveSeverity(rule, finding.severity, settings, check);
    if (severity === 'off') { continue; }
    diagnostics.push(toDiagnostic(rule, finding, severity, ctx.language));
  }
  return diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

export function toDiagnostic(rule: Rule, finding: Finding, severity: Exclude<RuleSetting, 'off'>, language: Language): Diagnostic {
  const template = rule.messages[finding.message]?.[language] ?? rule.messages[finding.message]?.en ?? finding.message;
  const tags: DiagnosticTag[] = [];
  if (finding.unnecessary) { tags.push(1); }
  if (finding.deprecated) { tags.push(2); }
  return {
    range: finding.range,
    severity: SEVERITY[severity],
    source: RULE_SOURCE,
    code: rule.id,
    codeDescription: { href: rulePageUri(rule.id, language) },
    message: formatText(template, finding.params),
    ...(tags.length ? { tags } : {}),
    data: { rule: rule.id },
  };
}

/** Runs every rule over a fresh model; each rule is isolated, so one that throws costs only its own findings. */
export function runRules(doc: ParsedDocument, ctx: Pick<DiagnosticsContext, 'log' | 'readFile' | 'rules' | 'modelHolder'>): { findings: RuleFinding[]; model?: DockerfileModel } {
  let model: DockerfileModel;
  try {
    const dockerignore = findDockerIgnore(doc.uri, ctx.readFile ?? defaultReader);
    const previous = ctx.modelHolder?.model;
    if (ctx.modelHolder) { ctx.modelHolder.model = undefined; }
    // The holder's model is replaced by this one and read nowhere else: its lists are refilled (recycle).
    model = new DockerfileModel(doc.rulesTree, doc.text, { uri: doc.uri, dockerignore, lines: doc.lines, previous, recycle: true });
    if (ctx.modelHolder) { ctx.modelHolder.model = model; }
  } catch (e) {
    ctx.log(`diagnostics: could not analyse ${doc.uri}: ${(e as Error).stack ?? e}`);
    return { findings: [] };
  }
  const lineStart = instructionStartByLine(model);
  const findings: RuleFinding[] = [];
  for (const rule of ctx.rules ?? RULES) {
    const mine: RuleFinding[] = [];
    try {
      rule.check(model, (finding) => {
        mine.push({ rule, finding, instructionLine: lineStart(finding.range) });
      });
      findings.push(...mine);
    } catch (e) {
      ctx.log(`diagnostics: rule ${rule.id} failed on ${doc.uri} and was skipped: ${(e as Error).stack ?? e}`);
    }
  }
  return { findings, model };
}

/** The findings of the last run on this document version, or a fresh run when there was none. */
export function findingsFor(doc: ParsedDocument, log: (m: string) => void): RuleFinding[] {
  return lastRun.get(doc) ?? runRules(doc, { log }).findings;
}

/** Where the instruction holding a line starts; built on the first finding (most keystrokes have none new). */
function instructionStartByLine(model: DockerfileModel): (range: Range) => number {
  let starts: Int32Array | undefined;
  const build = (): Int32Array => {
    const byLine = new Int32Array(model.lines.length + 1).fill(-1);
    for (const info of model.instructions) {
      const first = model.firstLineOf(info);
      const last = model.lastLineOf(info);
      for (let l = first; l <= last && l < byLine.length; l++) { byLine[l] = first; }
    }
    return byLine;
  };
  return (range) => {
    starts ??= build();
    const l = range.start.line;
    return l >= 0 && l < starts.length && starts[l] >= 0 ? starts[l] : l;
  };
}
