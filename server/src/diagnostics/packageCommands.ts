// Finds package-manager commands (apt-get / apt, apk, pip) in the shell script of a RUN, with their
// subcommand and options, for the rules about package installs.
import type { Range } from 'vscode-languageserver-types';
import { Slot, type DockerfileModel, type InstructionInfo, type ShellPart } from './model/model';
import { ResolvedCommand, resolveCommand, SimpleCommand, Word } from './model/shell';

export interface RunCommand { part: ShellPart; command: SimpleCommand; resolved?: ResolvedCommand }

/** Every simple command of a RUN with the program it runs, resolved once for all rules. */
export function runCommands(model: DockerfileModel, info: InstructionInfo): RunCommand[] {
  return model.memo(info, Slot.runCommands, computeRunCommands);
}

function computeRunCommands(model: DockerfileModel, info: InstructionInfo): RunCommand[] {
  const shell = info.keyword === 'RUN' ? model.shellOf(info) : undefined;
  if (!shell) { return []; }
  return shell.parts.flatMap((part) => part.script.commands.map((command) => ({ part, command, resolved: resolveCommand(command) })));
}

export interface PackageCommand {
  part: ShellPart;
  command: SimpleCommand;
  /** The program word (`apt-get`, `pip3`, `python3`). */
  program: Word;
  /** The subcommand word (`install`, `add`, `update`), if any. */
  sub?: Word;
  /** Every option word, wherever it is on the command line (`-y`, `--no-cache`, `-o`, …). */
  options: string[];
  /** Values given to `-o` (apt's configuration options), e.g. `APT::Install-Recommends=false`. */
  configValues: string[];
  /** Range from the program to the end of the subcommand, for reporting. */
  readonly range: Range;
}

class FoundCommand implements PackageCommand {
  constructor(readonly part: ShellPart, readonly command: SimpleCommand, readonly program: Word, readonly sub: Word | undefined,
    readonly options: string[], readonly configValues: string[]) {}
  get range(): Range { return this.part.text.rangeOf(this.program.start, (this.sub ?? this.program).end); }
}

const APT_VALUE_OPTIONS = new Set(['-o', '-c', '-t', '--option', '--config-file', '--target-release', '--default-release']);

export type Manager = 'apt' | 'apk' | 'pip';

/** Package-manager commands of one kind in a RUN (shell form or heredoc script). */
export function packageCommands(model: DockerfileModel, info: InstructionInfo, manager: Manager): PackageCommand[] {
  return model.memo(info, manager === 'apt' ? Slot.aptCommands : manager === 'apk' ? Slot.apkCommands : Slot.pipCommands, findPackageCommands, manager);
}

/** Words that must appear in the raw text for a manager's command to be there at all (skips parsing most RUNs). */
const NEEDLE: Record<Manager, string> = { apt: 'apt', apk: 'apk', pip: 'pip' };

function findPackageCommands(model: DockerfileModel, info: InstructionInfo, manager: Manager): PackageCommand[] {
  const result: PackageCommand[] = [];
  if (!model.rawIncludes(info, NEEDLE[manager])) { return result; }
  for (const { part, command, resolved } of runCommands(model, info)) {
    {
      if (!resolved) { continue; }
      let programIndex = resolved.index;
      const name = resolved.name;
      if (manager === 'apt' && name !== 'apt-get' && name !== 'apt') { continue; }
      if (manager === 'apk' && name !== 'apk') { continue; }
      if (manager === 'pip') {
        if (/^python(\d(\.\d+)?)?$/.test(name)) {
          // `python3 -m pip install …`
          const m = command.words.findIndex((w, i) => i > programIndex && w.value === '-m');
          if (m < 0 || command.words[m + 1]?.value !== 'pip') { continue; }
          programIndex = m + 1;
        } else if (!/^pip(\d(\.\d+)?)?$/.test(name)) {
          continue;
        }
      }
      const options: string[] = [];
      const configValues: string[] = [];
      let sub: Word | undefined;
      const words = command.words;
      for (let i = programIndex + 1; i < words.length; i++) {
        const w = words[i].value;
        if (w.startsWith('-')) {
          options.push(w);
          if (manager === 'apt' && APT_VALUE_OPTIONS.has(w) && i + 1 < words.length) {
            if (w === '-o' || w === '--option') { configValues.push(words[i + 1].value); }
            i++;
          } else if (manager === 'apt' && w.startsWith('-o') && w.length > 2) {
            configValues.push(w.slice(2));
          }
          continue;
        }
        sub ??= words[i];
      }
      result.push(new FoundCommand(part, command, words[programIndex], sub, options, configValues));
    }
  }
  return result;
}

/** Every word of every command of a RUN script (to look for `rm -rf /var/lib/apt/lists/*` and the like). */
export function removesPath(model: DockerfileModel, info: InstructionInfo, prefix: string): boolean {
  return model.rawIncludes(info, prefix) && runCommands(model, info).some(({ command, resolved }) => resolved?.name === 'rm' && command.words.slice(resolved.index + 1).some((w) => w.value.startsWith(prefix)));
}

/** A `--mount=type=cache` on the RUN whose target is at or above the given directory. */
export function cacheMountCovers(model: DockerfileModel, info: InstructionInfo, dir: string): boolean {
  // Only the flags are needed: no shell parse (this is asked for every RUN of the final image).
  if (info.keyword !== 'RUN' || !model.rawIncludes(info, '--mount')) { return false; }
  return model.flagsOf(info).some((f) => {
    if (f.name !== 'mount' || !f.value) { return false; }
    const opts = new Map(f.value.split(',').map((kv) => { const eq = kv.indexOf('='); return eq < 0 ? [kv, 'true'] as const : [kv.slice(0, eq), kv.slice(eq + 1)] as const; }));
    if ((opts.get('type') ?? 'bind') !== 'cache') { return false; }
    const target = (opts.get('target') ?? opts.get('dst') ?? opts.get('destination') ?? '').replace(/\/+$/, '');
    return target !== '' && (dir === target || dir.startsWith(`${target}/`) || target.startsWith(`${dir}/`));
  });
}

/** Where to put an option right after the subcommand (`install` → `install -y`). */
export function afterSub(cmd: PackageCommand): Range {
  const end = cmd.part.text.rangeOf((cmd.sub ?? cmd.program).start, (cmd.sub ?? cmd.program).end).end;
  return { start: end, end };
}
