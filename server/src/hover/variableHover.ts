// Hover on `$X`, `${X}`, `${X:-default}`, `${X:+alt}`: the value at that point, where it was declared,
// build-time only (ARG) or also run-time (ENV), and why a name is not visible. Answers from the
// per-stage index (documentIndex.ts): a few map look-ups and binary searches, no rescans.
import { Hover, MarkupKind, Position } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../documents/parsedDocument';
import type { Language } from '../i18n/language';
import {
  astInstruction, DocumentIndex, Stage, VarDecl, firstFrom, lastBefore, lineTextOf, parseCommandForm, stageDetail,
} from './documentIndex';
import { code } from './markdown';
import { msg } from './messages';
import { Lookup, VarRef, scanVariables, substitute, variableAt } from './variableSyntax';

/** Filled in by BuildKit for the platform being built; visible in FROM lines, in a stage only after `ARG NAME`. */
const PLATFORM_ARGS: Record<string, string> = {
  TARGETPLATFORM: 'linux/amd64', TARGETOS: 'linux', TARGETARCH: 'amd64', TARGETVARIANT: 'v7',
  BUILDPLATFORM: 'linux/amd64', BUILDOS: 'linux', BUILDARCH: 'amd64', BUILDVARIANT: 'v7',
};
/** Usable without an ARG line when given with --build-arg, and kept out of the image history. */
const PROXY_ARGS = new Set(['HTTP_PROXY', 'HTTPS_PROXY', 'FTP_PROXY', 'NO_PROXY', 'ALL_PROXY'].flatMap((n) => [n, n.toLowerCase()]));

type Context = 'global' | 'build' | 'buildShell' | 'runShell' | 'literal' | 'onbuild';

export interface Resolution {
  state: 'declared' | 'inherited' | 'notVisible' | 'later' | 'predefined' | 'undeclared';
  decl?: VarDecl;
  /** An ARG of the same name that an ENV overrides. */
  shadowedArg?: VarDecl;
  parentStage?: Stage;
  /** Same meaning as variableSyntax's Lookup: string, null (unset), undefined (only the build knows). */
  value: string | null | undefined;
  globalScope: boolean;
}

/** What `name` means for instruction `at`, by Docker's scoping rules. */
export function resolveVariable(index: DocumentIndex, at: number, name: string): Resolution {
  const line = index.startLines[at];
  const stageIndex = index.stageOf[at];
  const globalScope = stageIndex === -1 || index.instructions[at].getKeyword() === 'FROM';
  if (globalScope) {
    const decl = lastBefore(index.globalArgs.get(name), line);
    if (decl) { return { state: 'declared', decl, value: decl.value ?? undefined, globalScope }; }
    const later = firstFrom(index.globalArgs.get(name), line);
    if (later) { return { state: 'later', decl: later, value: null, globalScope }; }
    if (name in PLATFORM_ARGS || PROXY_ARGS.has(name)) { return { state: 'predefined', value: undefined, globalScope }; }
    return { state: 'undeclared', value: null, globalScope };
  }
  const stage = index.stages[stageIndex];
  const detail = stageDetail(index, stage);
  const env = lastBefore(detail.envs.get(name), line);
  const arg = lastBefore(detail.args.get(name), line);
  // ENV always wins over an ARG of the same name, in whichever order they were written.
  if (env) { return { state: 'declared', decl: env, shadowedArg: arg, value: env.value ?? '', globalScope }; }
  const inherited = detail.inheritedEnv.get(name);
  if (inherited) {
    const parentStage = stage.parent === undefined ? undefined : index.stages[stage.parent];
    return { state: 'inherited', decl: inherited, parentStage, shadowedArg: arg, value: inherited.value ?? '', globalScope };
  }
  if (arg) { return { state: 'declared', decl: arg, value: arg.value ?? arg.global?.value ?? undefined, globalScope }; }
  const laterEnv = firstFrom(detail.envs.get(name), line);
  const laterArg = firstFrom(detail.args.get(name), line);
  const later = laterEnv && laterArg ? (laterEnv.line <= laterArg.line ? laterEnv : laterArg) : laterEnv ?? laterArg;
  // Unset here as far as this file can tell (the base image's environment is the only other source).
  if (later) { return { state: 'later', decl: later, value: null, globalScope }; }
  const globals = index.globalArgs.get(name);
  if (globals?.length) { return { state: 'notVisible', decl: globals[globals.length - 1], value: null, globalScope }; }
  if (name in PLATFORM_ARGS || PROXY_ARGS.has(name)) { return { state: 'predefined', value: PROXY_ARGS.has(name) ? undefined : null, globalScope }; }
  return { state: 'undeclared', value: null, globalScope };
}

function contextOf(index: DocumentIndex, at: number): Context {
  const keyword = index.instructions[at].getKeyword();
  if (index.stageOf[at] === -1 || keyword === 'FROM') { return 'global'; }
  const instruction = astInstruction(index, at);
  switch (keyword) {
    case 'ONBUILD': return 'onbuild';
    case 'SHELL': return 'literal';
    case 'RUN': return parseCommandForm(instruction.getArgumentsContent() ?? '').argv ? 'literal' : 'buildShell';
    case 'CMD':
    case 'ENTRYPOINT': return parseCommandForm(instruction.getArgumentsContent() ?? '').argv ? 'literal' : 'runShell';
    case 'HEALTHCHECK': {
      const content = instruction.getArgumentsContent() ?? '';
      const cmd = /(^|\s)CMD(\s|$)/i.exec(content);
      if (!cmd) { return 'build'; }
      return parseCommandForm(content.slice(cmd.index + cmd[0].length)).argv ? 'literal' : 'runShell';
    }
    default: return 'build';
  }
}

/** True when `index` sits inside single quotes on this line (the shell then leaves `$X` alone). */
function insideSingleQuotes(line: string, index: number, escapeChar: string): boolean {
  let single = false; let double = false;
  for (let i = 0; i < index; i++) {
    const c = line[i];
    if (c === escapeChar && !single) { i++; continue; }
    if (c === "'" && !double) { single = !single; } else if (c === '"' && !single) { double = !double; }
  }
  return single;
}

function valueText(language: Language, value: string): string {
  return value === '' ? msg(language, 'value.empty') : code(value);
}

/** The hover for a variable reference under the cursor, or null when there is none. */
export function variableHover(doc: ParsedDocument, index: DocumentIndex, at: number, position: Position, language: Language): Hover | null {
  const line = lineTextOf(doc, position.line);
  const ref = variableAt(scanVariables(line, index.escapeChar), position.character);
  if (!ref) { return null; }
  const markdown = describeVariable(doc, index, at, ref, line, language);
  return {
    contents: { kind: MarkupKind.Markdown, value: markdown },
    range: { start: { line: position.line, character: ref.start }, end: { line: position.line, character: ref.end } },
  };
}

function describeVariable(doc: ParsedDocument, index: DocumentIndex, at: number, ref: VarRef, line: string, language: Language): string {
  const t = (key: string, params: Record<string, string | number> = {}): string => msg(language, key, params);
  const name = ref.name;
  const expr = line.slice(ref.start, ref.end);
  const r = resolveVariable(index, at, name);
  const context = contextOf(index, at);
  const out: string[] = [t('var.heading', { expr: code(expr), name: code(name) })];
  const declaredAt = (d: VarDecl): string => t('var.declaredAt', { line: d.line + 1, text: code(lineTextOf(doc, d.line).trim()) });

  switch (r.state) {
    case 'declared':
    case 'inherited': {
      const d = r.decl!;
      out.push(d.kind === 'env' ? t('var.kind.env') : t('var.kind.arg'));
      out.push(t('var.valueHere', { value: declaredValue(language, d, r, name) }));
      if (r.state === 'inherited' && r.parentStage) {
        out.push(t('var.inheritedEnv', { stage: stageLabel(language, r.parentStage), line: d.line + 1 }));
      } else {
        out.push(declaredAt(d));
      }
      if (r.shadowedArg) { out.push(t('var.envOverridesArg', { name: code(name), line: r.shadowedArg.line + 1 })); }
      break;
    }
    case 'notVisible': {
      const d = r.decl!;
      const params = { name: code(name), line: d.line + 1, redeclare: code(`ARG ${name}`), value: valueText(language, d.value ?? '') };
      out.push(t(d.value === null ? 'var.notVisible.noDefault' : 'var.notVisible', params));
      out.push(t('var.valueHere', { value: t('value.empty') }));
      break;
    }
    case 'later':
      out.push(t(r.globalScope ? 'var.declaredLaterGlobal' : 'var.declaredLater', { name: code(name), line: r.decl!.line + 1 }));
      break;
    case 'predefined':
      if (name in PLATFORM_ARGS) {
        out.push(t(r.globalScope ? 'var.platform.global' : 'var.platform.stage', { name: code(name), example: code(PLATFORM_ARGS[name]), redeclare: code(`ARG ${name}`) }));
      } else {
        out.push(t('var.proxy', { name: code(name), flag: code(`--build-arg ${name}=…`) }));
      }
      break;
    case 'undeclared':
      out.push(t(r.globalScope ? 'var.undeclared.global' : 'var.undeclared', { name: code(name) }));
      break;
  }

  if (ref.op !== undefined) { out.push(...describeModifier(language, index, at, ref, r)); }

  switch (context) {
    case 'global':
      if (index.stageOf[at] !== -1) { out.push(t('ctx.global')); }
      break;
    case 'build': out.push(t('ctx.build')); break;
    case 'buildShell':
      out.push(insideSingleQuotes(line, ref.start, index.escapeChar) ? t('ctx.singleQuoted', { text: code(expr) }) : t('ctx.buildShell'));
      break;
    case 'runShell':
      if (insideSingleQuotes(line, ref.start, index.escapeChar)) { out.push(t('ctx.singleQuoted', { text: code(expr) })); break; }
      out.push(t('ctx.runShell'));
      if (r.decl?.kind === 'arg' && (r.state === 'declared')) {
        out.push(t('ctx.runShell.argGone', { name: code(name), fix: code(`ENV ${name}=$${name}`) }));
      } else if (r.decl?.kind === 'env') {
        out.push(t('ctx.runShell.envOverride', { flag: code(`docker container run -e ${name}=…`) }));
      }
      break;
    case 'literal': out.push(t('ctx.literal', { text: code(expr) })); break;
    case 'onbuild': out.push(t('ctx.onbuild')); break;
  }
  return out.join('\n\n');
}

function declaredValue(language: Language, d: VarDecl, r: Resolution, name: string): string {
  const t = (key: string, params: Record<string, string | number> = {}): string => msg(language, key, params);
  if (d.kind === 'env') { return valueText(language, d.value ?? ''); }
  const flag = code(`--build-arg ${name}=…`);
  if (d.value !== null) { return t('var.value.argDefault', { value: valueText(language, d.value), flag }); }
  if (d.global && d.global.value !== null) { return t('var.value.argGlobalDefault', { value: valueText(language, d.global.value), line: d.global.line + 1, flag }); }
  if (name in PLATFORM_ARGS) { return t('var.value.platform', { example: code(PLATFORM_ARGS[name]) }); }
  return r.value === undefined ? t('var.value.argNoDefault', { flag }) : valueText(language, r.value ?? '');
}

function describeModifier(language: Language, index: DocumentIndex, at: number, ref: VarRef, r: Resolution): string[] {
  const t = (key: string, params: Record<string, string | number> = {}): string => msg(language, key, params);
  const lookup: Lookup = (n) => (n === ref.name ? r.value : resolveVariable(index, at, n).value);
  const op = ref.op!;
  const word = ref.word ?? '';
  const params = { name: code(ref.name), word: valueText(language, word), op: code(op), flag: code(`--build-arg ${ref.name}=…`) };
  const keyByOp: Record<string, string> = {
    ':-': 'mod.default', '-': 'mod.defaultUnset', ':+': 'mod.alternative', '+': 'mod.alternativeSet', ':?': 'mod.required', '?': 'mod.required',
  };
  const out = [t(keyByOp[op] ?? 'mod.pattern', params)];
  const result = substitute(ref, lookup, index.escapeChar);
  if (result !== undefined) {
    out.push(t('mod.result', { result: valueText(language, result) }));
  } else if (r.value === undefined && (op === ':-' || op === '-')) {
    out.push(t('mod.result', { result: t('mod.result.defaultUnlessBuildArg', params) }));
  } else if (r.value === undefined && (op === ':+' || op === '+')) {
    out.push(t('mod.result', { result: t('mod.result.alternativeIfBuildArg', params) }));
  }
  return out;
}

/** "stage `builder`" for a named stage, "unnamed stage 1 (line 6)" for an unnamed one. */
export function stageLabel(language: Language, stage: Stage): string {
  return stage.name ? msg(language, 'stage.named', { name: code(stage.name) }) : msg(language, 'stage.unnamed', { index: stage.index, line: stage.line + 1 });
}
