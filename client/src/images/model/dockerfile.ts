// Just enough Dockerfile reading for the Images view: instructions with their line ranges, the
// stages (FROM … AS name), and the build args. The classic builder numbers its steps over every
// instruction of the file (global ARGs included), which is how a failing "Step N/M" becomes a line.
// Pure: no `vscode`; lines are 0-based like VS Code's.

export interface Instruction {
  /** Upper-case keyword: RUN, COPY, FROM… */
  keyword: string;
  /** The arguments with line continuations removed the way the builder does (escape + newline dropped). */
  args: string;
  startLine: number;
  endLine: number;
  /** Index of the stage the instruction belongs to; -1 for ARGs before the first FROM. */
  stage: number;
}

export interface Stage {
  index: number;
  /** The name after AS, lower-cased as the builder compares it. */
  name?: string;
  /** What the stage starts FROM: an image or an earlier stage's name. */
  base: string;
  line: number;
  /** The stage's instructions after its FROM. */
  instructions: Instruction[];
}

export interface ParsedDockerfile {
  escape: string;
  instructions: Instruction[];
  stages: Stage[];
}

const DIRECTIVE = /^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$/;
const HEREDOC = /<<(-?)\s*(["']?)([A-Za-z0-9_]+)\2/g;

export function parseDockerfile(text: string): ParsedDockerfile {
  const lines = text.split(/\r?\n/);
  let escape = '\\';
  let i = 0;
  // Parser directives only count at the very top, before any other line (comments included).
  for (; i < lines.length; i++) {
    const m = DIRECTIVE.exec(lines[i]);
    if (!m) { break; }
    if (m[1].toLowerCase() === 'escape' && (m[2] === '`' || m[2] === '\\')) { escape = m[2]; }
  }
  const instructions: Instruction[] = [];
  const stages: Stage[] = [];
  const continues = (line: string): boolean => {
    // The builder's rule is `escape[ \t]*$`: an escape at the end of a line always continues it.
    return line.replace(/[ \t]+$/, '').endsWith(escape);
  };
  for (i = 0; i < lines.length; i++) {
    const first = lines[i];
    if (/^\s*(#|$)/.test(first)) { continue; }
    const startLine = i;
    let joined = '';
    let line = first;
    for (;;) {
      if (continues(line) && i + 1 < lines.length) {
        joined += line.replace(/[ \t]+$/, '').slice(0, -escape.length);
        i++;
        // Comment and empty lines inside a continuation are dropped by the builder.
        while (i < lines.length && /^\s*(#|$)/.test(lines[i]) && i + 1 < lines.length) { i++; }
        line = lines[i];
      } else {
        joined += line;
        break;
      }
    }
    const m = /^\s*([A-Za-z]+)(?:\s+([\s\S]*))?$/.exec(joined);
    if (!m) { continue; }
    const keyword = m[1].toUpperCase();
    const args = (m[2] ?? '').trim();
    // Heredocs (BuildKit): the body lines belong to the instruction.
    if (keyword === 'RUN' || keyword === 'COPY' || keyword === 'ADD') {
      for (const h of args.matchAll(HEREDOC)) {
        const word = h[3];
        while (i + 1 < lines.length) {
          i++;
          if ((h[1] ? lines[i].replace(/^\t+/, '') : lines[i]) === word) { break; }
        }
      }
    }
    const instruction: Instruction = { keyword, args, startLine, endLine: i, stage: stages.length - 1 };
    if (keyword === 'FROM') {
      const words = args.split(/\s+/).filter((w) => !w.startsWith('--'));
      const stage: Stage = { index: stages.length, base: words[0] ?? '', line: startLine, instructions: [] };
      if (words.length >= 3 && words[1].toLowerCase() === 'as') { stage.name = words[2].toLowerCase(); }
      stages.push(stage);
      instruction.stage = stage.index;
    } else if (stages.length) {
      stages[stages.length - 1].instructions.push(instruction);
    }
    instructions.push(instruction);
  }
  return { escape, instructions, stages };
}

/** The instruction the classic builder calls "Step n/…" (1-based, counted over the whole file). */
export function instructionForStep(parsed: ParsedDockerfile, step: number): Instruction | undefined {
  return parsed.instructions[step - 1];
}

/** The stage a build produces: the target's, else the last one. */
export function targetStage(parsed: ParsedDockerfile, target?: string): Stage | undefined {
  if (target) {
    const wanted = target.toLowerCase();
    return parsed.stages.find((s) => s.name === wanted) ?? parsed.stages[Number(wanted)];
  }
  return parsed.stages[parsed.stages.length - 1];
}

/** The stage a stage is built FROM when it names an earlier stage (FROM builder AS test). */
export function parentStage(parsed: ParsedDockerfile, stage: Stage): Stage | undefined {
  const base = stage.base.toLowerCase();
  return parsed.stages.find((s) => s.index < stage.index && (s.name === base || String(s.index) === base));
}

export interface BuildArg { name: string; defaultValue?: string; line: number }

/** Every ARG in the file, first declaration wins: the names a learner can pass with --build-arg. */
export function buildArgs(parsed: ParsedDockerfile): BuildArg[] {
  const seen = new Map<string, BuildArg>();
  for (const ins of parsed.instructions) {
    if (ins.keyword !== 'ARG') { continue; }
    for (const word of ins.args.split(/\s+/).filter(Boolean)) {
      const eq = word.indexOf('=');
      const name = eq >= 0 ? word.slice(0, eq) : word;
      if (!seen.has(name)) { seen.set(name, { name, defaultValue: eq >= 0 ? word.slice(eq + 1).replace(/^(["'])(.*)\1$/, '$2') : undefined, line: ins.startLine }); }
    }
  }
  return [...seen.values()];
}

/** A line number in an engine message ("Dockerfile parse error line 5: …"), 0-based. */
export function lineFromEngineMessage(message: string): number | undefined {
  const m = /\bline (\d+)\b/i.exec(message);
  return m ? Number(m[1]) - 1 : undefined;
}
