// The effective start command of a stage, combined by Docker's rules:
// - exec-form ENTRYPOINT + CMD → ENTRYPOINT's argv followed by CMD's (CMD gives default arguments);
// - shell form is wrapped in the SHELL in force (default `/bin/sh -c`);
// - a shell-form ENTRYPOINT ignores CMD and any arguments given to `docker container run`;
// - setting ENTRYPOINT in a stage clears the CMD inherited from its base (BuildKit: cmdSet is per stage);
// - only the last CMD / ENTRYPOINT of a stage counts.
import type { Language } from '../i18n/language';
import { CommandDecl, DocumentIndex, Stage, stageDetail } from './documentIndex';
import { code, commandLine, jsonArgv } from './markdown';
import { msg } from './messages';
import { stageLabel } from './variableHover';

/** The argument `docker container run IMAGE <arg>` examples use. */
const EXAMPLE_ARG = 'xxx.yaml';

interface Part { decl: CommandDecl; stage: Stage }
interface Parts {
  entrypoint?: Part;
  cmd?: Part;
  /** The external image at the root of the FROM chain ('' for scratch): it may bring its own. */
  baseImage?: string;
  /** This stage's ENTRYPOINT threw away a CMD it would otherwise have inherited. */
  cmdReset: boolean;
}

const last = <T>(list: T[]): T | undefined => list[list.length - 1];

function partsOf(index: DocumentIndex, stage: Stage): Parts {
  const base: Parts = stage.parent !== undefined
    ? partsOf(index, index.stages[stage.parent])
    : { baseImage: stage.imageExpanded.toLowerCase() === 'scratch' ? '' : stage.imageExpanded, cmdReset: false };
  const detail = stageDetail(index, stage);
  const ownEntrypoint = last(detail.entrypoints);
  const ownCmd = last(detail.cmds);
  const entrypoint = ownEntrypoint ? { decl: ownEntrypoint, stage } : base.entrypoint;
  const inheritedCmdPossible = base.cmd !== undefined || (!!base.baseImage && !base.entrypoint);
  const cmd = ownCmd ? { decl: ownCmd, stage } : ownEntrypoint ? undefined : base.cmd;
  return { entrypoint, cmd, baseImage: base.baseImage, cmdReset: !ownCmd && !!ownEntrypoint && inheritedCmdPossible };
}

function argvOf(decl: CommandDecl): string[] {
  return decl.form === 'exec' ? decl.argv : [...decl.shell, decl.text];
}

export interface EffectiveCommand {
  /** What a container runs without arguments; undefined when it comes from the base image. */
  argv?: string[];
  /** What `docker container run IMAGE xxx.yaml` runs. */
  withArgs: string[];
  parts: Parts;
}

export function effectiveCommand(index: DocumentIndex, stage: Stage): EffectiveCommand {
  const parts = partsOf(index, stage);
  const { entrypoint, cmd } = parts;
  if (entrypoint?.decl.form === 'shell') {
    const argv = argvOf(entrypoint.decl);
    return { argv, withArgs: argv, parts };
  }
  const ep = entrypoint ? argvOf(entrypoint.decl) : [];
  const baseOwnsCmd = !cmd && !entrypoint && !!parts.baseImage;
  return { argv: baseOwnsCmd ? undefined : [...ep, ...(cmd ? argvOf(cmd.decl) : [])], withArgs: [...ep, EXAMPLE_ARG], parts };
}

/** Markdown for a hover on CMD / ENTRYPOINT at instruction `at`; undefined outside a stage. */
export function startCommandMarkdown(index: DocumentIndex, at: number, language: Language): string | undefined {
  const stageIndex = index.stageOf[at];
  if (stageIndex < 0) { return undefined; }
  const t = (key: string, params: Record<string, string | number> = {}): string => msg(language, key, params);
  const stage = index.stages[stageIndex];
  const keyword = index.instructions[at].getKeyword();
  const effective = effectiveCommand(index, stage);
  const { entrypoint, cmd, baseImage, cmdReset } = effective.parts;
  const isLast = stage.index === index.stages.length - 1;
  const out: string[] = [t('start.heading', { stage: stageLabel(language, stage) })];

  if (effective.argv === undefined) {
    out.push(t('start.runs', { command: t('start.fromBase', { image: code(baseImage ?? '') }) }));
  } else if (effective.argv.length === 0) {
    out.push(t('start.runs', { command: t('start.nothing') }));
  } else {
    out.push(t('start.runs', { command: code(commandLine(effective.argv)) }));
    out.push(t('start.argv', { argv: code(jsonArgv(effective.argv)) }));
  }

  const withArgs = code(commandLine(effective.withArgs));
  const run = code(`docker container run IMAGE ${EXAMPLE_ARG}`);
  if (entrypoint?.decl.form === 'shell') {
    out.push(t('start.withArgs.ignored', { run, command: withArgs }));
  } else if (entrypoint) {
    out.push(t('start.withArgs', { run, command: withArgs }));
  } else {
    out.push(t('start.withArgs.noEntrypoint', { run, command: withArgs, arg: code(EXAMPLE_ARG) }));
  }

  const notes: string[] = [];
  const detail = stageDetail(index, stage);
  const own = keyword === 'CMD' ? detail.cmds : detail.entrypoints;
  const hovered = own.find((d) => d.instruction === at);
  const winner = last(own);
  if (hovered && winner && winner !== hovered) { notes.push(t('start.overridden', { keyword, line: winner.line + 1 })); }
  if (hovered?.invalidJson) { notes.push(t('start.invalidJson')); }
  if (entrypoint?.decl.form === 'shell' && cmd) { notes.push(t('start.cmdIgnored', { line: cmd.decl.line + 1 })); }
  for (const part of [entrypoint, entrypoint?.decl.form === 'shell' ? undefined : cmd]) {
    if (part?.decl.form === 'shell') {
      notes.push(t('start.shellForm', { keyword: part.decl.keyword, line: part.decl.line + 1, shell: code(commandLine(part.decl.shell)) }));
    }
  }
  for (const part of [entrypoint, cmd]) {
    if (part && part.stage !== stage) {
      notes.push(t('start.inherited', { keyword: part.decl.keyword, stage: stageLabel(language, part.stage), line: part.decl.line + 1 }));
    }
  }
  if (cmdReset) { notes.push(t('start.cmdReset')); }
  const used = entrypoint?.decl.form === 'shell' ? entrypoint : entrypoint?.decl.form === 'exec' ? undefined : cmd;
  if (baseImage === '' && used?.decl.form === 'shell') { notes.push(t('start.scratchShell', { keyword: used.decl.keyword })); }
  if (!entrypoint && baseImage) { notes.push(t('start.baseEntrypoint', { image: code(baseImage) })); }
  if (!isLast) {
    notes.push(stage.name ? t('start.notFinal', { target: code(`docker build --target ${stage.name} .`) }) : t('start.notFinalUnnamed'));
  }
  return [...out, ...notes].join('\n\n');
}
