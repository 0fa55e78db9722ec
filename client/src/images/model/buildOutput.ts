// Reading the classic builder's output: "Step 3/10 : RUN …" lines tell which instruction runs,
// so when the engine reports an error we know which Dockerfile line to mark. Pure: no `vscode`.
import { instructionForStep, lineFromEngineMessage, type ParsedDockerfile } from './dockerfile';

export interface BuildMessageLike {
  stream?: string;
  status?: string;
  progress?: string;
  id?: string;
  error?: string;
  errorDetail?: { message?: string };
  aux?: { ID?: string };
}

export class BuildTracker {
  step?: number;
  totalSteps?: number;
  imageId?: string;
  error?: string;
  /** Every " ---> id" the builder printed: the image each step committed (or took from its cache). */
  readonly stepImages: string[] = [];

  /** Text for the terminal for one engine message. */
  push(m: BuildMessageLike): string {
    if (m.aux?.ID) { this.imageId = m.aux.ID; return ''; }
    if (m.error || m.errorDetail) {
      this.error = m.errorDetail?.message ?? m.error ?? '';
      return `${this.error}\n`;
    }
    if (m.stream !== undefined) {
      for (const s of m.stream.matchAll(/^Step (\d+)\/(\d+) :/gm)) { this.step = Number(s[1]); this.totalSteps = Number(s[2]); }
      for (const s of m.stream.matchAll(/^ ---> ([0-9a-f]{12,64})\s*$/gm)) { this.stepImages.push(s[1]); }
      return m.stream;
    }
    if (m.status) { return `${m.id ? `${m.id}: ` : ''}${m.status}${m.progress ? ` ${m.progress}` : ''}\n`; }
    return '';
  }
}

export interface ErrorLocation { startLine: number; endLine: number; step?: number }

/**
 * Where a build error belongs in the Dockerfile: a parse error names its line; any other error
 * happened in the step the builder announced last. Steps past the file's instructions are the
 * builder's own (the LABEL step `--label` adds): no line then.
 */
export function buildErrorLocation(parsed: ParsedDockerfile, error: string, step: number | undefined): ErrorLocation | undefined {
  if (/parse error|unknown instruction|dockerfile/i.test(error) || step === undefined) {
    const line = lineFromEngineMessage(error);
    if (line !== undefined) {
      const ins = parsed.instructions.find((i) => i.startLine <= line && line <= i.endLine);
      return ins ? { startLine: ins.startLine, endLine: ins.endLine } : { startLine: line, endLine: line };
    }
  }
  if (step === undefined) { return undefined; }
  const ins = instructionForStep(parsed, step);
  return ins ? { startLine: ins.startLine, endLine: ins.endLine, step } : undefined;
}

/** Terminals want CRLF; the engine sends LF. */
export function toTerminal(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}
