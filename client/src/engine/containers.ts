// Container operations at the engine boundary: one method per `docker container …` command the
// Containers view offers. No vscode here, so test/engine/ drives exactly this code on plain Node.
import type Dockerode from 'dockerode';
import type { Duplex } from 'node:stream';
import { ContainerSummary, toContainerSummary } from './containerSummary';
import { LogDemuxer, StreamType } from './logDemux';
import { killSignalProblem, logOptionsProblem, shellOptionsProblem, stopTimeProblem } from '../containers/model/logOptions';
import { plainTranslate, type Translate } from '../images/model/format';

/** An option the engine would refuse or misread, caught before any call; the message says what is accepted. */
export class InvalidOptionError extends Error {
  readonly code = 'INVALID_OPTION';
  /** `translated(vscode.l10n.t)`: the same message in the learner's language. */
  constructor(message: string, readonly translated: (t: Translate) => string = () => message) { super(message); this.name = 'InvalidOptionError'; }
}

/** Throws InvalidOptionError when `check` finds a problem (English here; the view can translate it). */
function refuse(check: (t: Translate) => string | undefined): void {
  const problem = check(plainTranslate);
  if (problem) { throw new InvalidOptionError(problem, (t) => check(t) ?? problem); }
}

/** The engine answers 304 Not Modified when a container already is in the requested state. */
function notModified(e: unknown): boolean {
  return (e as { statusCode?: number })?.statusCode === 304;
}

/** The engine's own sentence for a failed request ("container … is not running"), not dockerode's wrapper. */
export function engineMessage(e: unknown): string {
  const err = e as { json?: { message?: string }; reason?: string; message?: string };
  return err?.json?.message ?? err?.message ?? String(e);
}

/** The container was removed (from a terminal, another tool, --rm) between the view's refresh and the action. */
export class ContainerGoneError extends Error {
  readonly code = 'CONTAINER_GONE';
  readonly statusCode = 404;
  constructor(readonly containerId: string, readonly engineText: string) {
    super(`The container ${containerId.slice(0, 12)} no longer exists (${engineText})`);
    this.name = 'ContainerGoneError';
  }
}

/** Turns the engine's 404 "No such container" into ContainerGoneError; every other error passes through. */
export async function orGone<T>(id: string, work: Promise<T>): Promise<T> {
  try { return await work; } catch (e) {
    if ((e as { statusCode?: number })?.statusCode === 404 && /no such container/i.test(engineMessage(e))) { throw new ContainerGoneError(id, engineMessage(e)); }
    throw e;
  }
}

export interface LogOptions {
  follow?: boolean;
  /** Lines from the end; 'all' for everything. */
  tail?: number | 'all';
  timestamps?: boolean;
  /** Unix seconds. */
  since?: number;
}

export interface LogSink {
  /** Called once, before any data: whether the container has a TTY (its log is raw, with \r\n). */
  begin?(tty: boolean): void;
  data(stream: StreamType, chunk: Buffer): void;
  /** The stream ended: the container stopped (when following), or everything was sent. */
  end(error?: Error): void;
}

export interface LogSession {
  /** Whether the container has a TTY, i.e. its log is one raw stream rather than stdout/stderr frames. */
  tty: boolean;
  /** Stops following: closes the HTTP stream, so the engine stops sending. */
  stop(): void;
  readonly stopped: boolean;
}

export interface ShellSession {
  /** The program that runs, e.g. /bin/sh */
  shell: string;
  write(data: string | Buffer): void;
  resize(columns: number, rows: number): Promise<void>;
  onData(listener: (chunk: Buffer) => void): void;
  /**
   * The exit code of the shell, or undefined when the engine could not tell. `gone` is set when
   * the shell ended because its container was removed (docker rm -f from a terminal, --rm).
   */
  onExit(listener: (code: number | undefined, gone?: ContainerGoneError) => void): void;
  close(): void;
}

export interface TopResult {
  titles: string[];
  processes: string[][];
}

export class ContainerOps {
  constructor(private readonly api: Dockerode) {}

  /** `docker container ps [-a]`, optionally only containers with these labels or these ids. */
  async list(all = true, labelFilter?: string[], ids?: string[]): Promise<ContainerSummary[]> {
    const filters: Record<string, string[]> = {};
    if (labelFilter) { filters.label = labelFilter; }
    if (ids) { filters.id = ids; }
    const list = await this.api.listContainers({ all, ...(Object.keys(filters).length ? { filters } : {}) });
    return list.map(toContainerSummary);
  }

  inspect(id: string): Promise<Dockerode.ContainerInspectInfo> {
    return orGone(id, this.api.getContainer(id).inspect());
  }

  /** Returns false when it was already running. */
  async start(id: string): Promise<boolean> {
    try { await orGone(id, this.api.getContainer(id).start()); return true; } catch (e) { if (notModified(e)) { return false; } throw e; }
  }

  /** Returns false when it was already stopped. `timeout`: seconds before SIGKILL (Docker's default is 10). */
  async stop(id: string, timeout?: number): Promise<boolean> {
    refuse((t) => stopTimeProblem(timeout, t));
    try { await orGone(id, this.api.getContainer(id).stop(timeout === undefined ? {} : { t: timeout })); return true; } catch (e) { if (notModified(e)) { return false; } throw e; }
  }

  async restart(id: string): Promise<void> { await orGone(id, this.api.getContainer(id).restart()); }
  async pause(id: string): Promise<void> { await orGone(id, this.api.getContainer(id).pause()); }
  async unpause(id: string): Promise<void> { await orGone(id, this.api.getContainer(id).unpause()); }
  async kill(id: string, signal = 'SIGKILL'): Promise<void> {
    refuse((t) => killSignalProblem(signal, t));
    await orGone(id, this.api.getContainer(id).kill({ signal })); }

  /** `force` kills a running container first, like `docker container rm -f`. */
  async remove(id: string, opts: { force?: boolean } = {}): Promise<void> {
    await orGone(id, this.api.getContainer(id).remove({ force: !!opts.force }));
  }

  async rename(id: string, newName: string): Promise<void> {
    await orGone(id, this.api.getContainer(id).rename({ name: newName }));
  }

  /** Returns the new image's id. */
  async commit(id: string, opts: { repo: string; tag: string; comment?: string }): Promise<string> {
    const result = (await orGone(id, this.api.getContainer(id).commit({ repo: opts.repo, tag: opts.tag, comment: opts.comment }))) as { Id?: string };
    return result.Id ?? '';
  }

  async top(id: string): Promise<TopResult> {
    const result = (await orGone(id, this.api.getContainer(id).top())) as { Titles?: string[]; Processes?: string[][] };
    return { titles: result.Titles ?? [], processes: result.Processes ?? [] };
  }

  /**
   * Streams the log into `sink`. Without a TTY the engine frames stdout and stderr; they are
   * separated here so no 8-byte frame header ever reaches a terminal.
   */
  async logs(id: string, opts: LogOptions, sink: LogSink): Promise<LogSession> {
    refuse((t) => logOptionsProblem(opts, t));
    const container = this.api.getContainer(id);
    const info = await orGone(id, container.inspect());
    const tty = !!info.Config?.Tty;
    const params = {
      stdout: true, stderr: true,
      follow: opts.follow ?? true,
      tail: opts.tail ?? 'all',
      timestamps: !!opts.timestamps,
      ...(opts.since !== undefined ? { since: opts.since } : {}),
    } as Dockerode.ContainerLogsOptions;
    const demux = tty ? undefined : new LogDemuxer((s, p) => sink.data(s, p));
    const push = (chunk: Buffer) => (demux ? demux.push(chunk) : sink.data('stdout', chunk));
    let ended = false;
    const finish = (error?: Error) => {
      if (ended) { return; }
      ended = true;
      demux?.end();
      sink.end(error);
    };
    sink.begin?.(tty);
    const answer = (await container.logs(params as Dockerode.ContainerLogsOptions & { follow: true })) as NodeJS.ReadableStream | Buffer;
    if (Buffer.isBuffer(answer)) {
      // Without follow, dockerode hands back the whole log at once.
      push(answer);
      finish();
      return { tty, stop: () => undefined, stopped: true };
    }
    const stream = answer as NodeJS.ReadableStream & { destroy(): void };
    const session = {
      tty,
      stopped: false,
      stop() {
        if (session.stopped) { return; }
        session.stopped = true;
        stream.destroy();
        finish();
      },
    };
    stream.on('data', (chunk: Buffer) => push(chunk));
    stream.on('end', () => { session.stopped = true; finish(); });
    stream.on('close', () => { session.stopped = true; finish(); });
    stream.on('error', (e: Error) => { session.stopped = true; finish(e); });
    return session;
  }

  /**
   * The first program in `shells` that exists in the container (checked through the archive API,
   * which needs nothing inside the container), or the last one when none can be checked.
   */
  async pickShell(id: string, shells: string[] = ['/bin/bash', '/bin/sh']): Promise<string> {
    const container = this.api.getContainer(id);
    for (const shell of shells) {
      try {
        const answer = (await container.infoArchive({ path: shell })) as { destroy?(): void; resume?(): void } | undefined;
        answer?.resume?.();
        return shell;
      } catch (e) {
        if ((e as { statusCode?: number }).statusCode !== 404) { break; }
      }
    }
    return shells[shells.length - 1];
  }

  /**
   * Whether the container is gone or being removed. `killed`: the stream ended by a signal, and
   * the engine may not have recorded the container's own end yet, so a running state is looked at
   * again for a moment.
   */
  private async removedMeanwhile(id: string, killed: boolean): Promise<ContainerGoneError | undefined> {
    for (let attempt = 0; ; attempt++) {
      let state: Dockerode.ContainerInspectInfo['State'];
      try { state = (await orGone(id, this.api.getContainer(id).inspect())).State; } catch (e) { return e instanceof ContainerGoneError ? e : undefined; }
      if (state.Status === 'removing') { return new ContainerGoneError(id, 'it is being removed'); }
      if (!killed || !state.Running || attempt >= 10) { return undefined; }
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** `docker container exec -it <id> <shell>`: a TTY, stdin attached, resizable. */
  async shell(id: string, opts: { shells?: string[]; columns?: number; rows?: number } = {}): Promise<ShellSession> {
    refuse((t) => shellOptionsProblem(opts, t));
    const shell = await this.pickShell(id, opts.shells);
    const exec = await orGone(id, this.api.getContainer(id).exec({
      Cmd: [shell], AttachStdin: true, AttachStdout: true, AttachStderr: true, Tty: true,
      Env: ['TERM=xterm-256color'],
    }));
    const stream = (await exec.start({ hijack: true, stdin: true, Tty: true })) as unknown as Duplex;
    const dataListeners: ((c: Buffer) => void)[] = [];
    const exitListeners: ((code: number | undefined, gone?: ContainerGoneError) => void)[] = [];
    const early: Buffer[] = [];
    let exited = false;
    let exitCode: number | undefined;
    let gone: ContainerGoneError | undefined;
    /** The exit code (and whether the container is gone) is known and the listeners were called. */
    let settled = false;
    stream.on('data', (chunk: Buffer) => { if (dataListeners.length) { dataListeners.forEach((l) => l(chunk)); } else { early.push(chunk); } });
    const onEnd = async () => {
      if (exited) { return; }
      exited = true;
      try { exitCode = (await exec.inspect()).ExitCode ?? undefined; } catch { exitCode = undefined; }
      // When the container was removed under the shell (rm -f kills it first, so the stream ends
      // while the engine shows it "removing"), say so rather than report the kill's exit code.
      gone = await this.removedMeanwhile(id, exitCode === undefined || exitCode >= 128);
      if (gone) { exitCode = undefined; }
      settled = true;
      exitListeners.splice(0).forEach((l) => l(exitCode, gone));
    };
    stream.on('end', () => void onEnd());
    stream.on('close', () => void onEnd());
    stream.on('error', () => void onEnd());
    const resize = async (columns: number, rows: number) => {
      if (columns > 0 && rows > 0) { await exec.resize({ w: columns, h: rows }).catch(() => undefined); }
    };
    if (opts.columns && opts.rows) { await resize(opts.columns, opts.rows); }
    return {
      shell,
      write: (data) => { if (!exited) { stream.write(data); } },
      resize,
      onData: (l) => { dataListeners.push(l); early.splice(0).forEach((c) => l(c)); },
      onExit: (l) => { if (settled) { l(exitCode, gone); } else { exitListeners.push(l); } },
      close: () => {
        if (exited) { stream.destroy(); return; }
        // Docker keeps an exec running after its client disconnects (moby#9098), so end the shell
        // the way a person would: Ctrl+C for whatever runs in the foreground, then Ctrl+D (EOF).
        stream.write('\x03');
        setTimeout(() => { if (!exited) { stream.write('\x04'); } }, 50);
        setTimeout(() => { stream.end(); stream.destroy(); }, 2000).unref();
      },
    };
  }
}
