// Follows the engine's events stream (`docker system events --filter type=container`) so the view
// changes when anything changes a container — this extension, a terminal, Compose. When the stream
// cannot be opened or breaks, it retries with exponential backoff; there is never more than one
// stream open, however often start() and failures happen.
import type Dockerode from 'dockerode';

export interface DockerEvent {
  Type: string;
  Action: string;
  Actor: { ID: string; Attributes?: Record<string, string> };
  time: number;
  timeNano?: number;
}

export type WatchState = 'stopped' | 'connecting' | 'connected' | 'waiting';

export interface WatchListener {
  event?(e: DockerEvent): void;
  /** connected after a failure or at first; waiting after a failure, with the error and the retry delay. */
  state?(state: WatchState, error?: Error, retryInMs?: number): void;
}

export interface WatchOptions {
  filters?: Record<string, string[]>;
  minDelayMs?: number;
  maxDelayMs?: number;
}

type EventStream = NodeJS.ReadableStream & { destroy(): void };

export class EventsWatcher {
  private running = false;
  /** Bumped on every connect and stop, so callbacks of an older stream are ignored. */
  private generation = 0;
  private stream?: EventStream;
  private timer?: ReturnType<typeof setTimeout>;
  private attempt = 0;
  private current: WatchState = 'stopped';
  /** Streams opened and not yet closed: a test checks this never exceeds one. */
  openStreams = 0;
  /** How many times a stream was opened successfully. */
  connections = 0;

  constructor(private readonly api: Dockerode, private readonly listener: WatchListener, private readonly opts: WatchOptions = {}) {}

  get state(): WatchState { return this.current; }

  start(): void {
    if (this.running) { return; }
    this.running = true;
    this.attempt = 0;
    void this.connect();
  }

  /** Reconnects now instead of waiting for the backoff timer (the user pressed Refresh). */
  retryNow(): void {
    if (!this.running || this.current !== 'waiting') { return; }
    clearTimeout(this.timer);
    this.timer = undefined;
    void this.connect();
  }

  stop(): void {
    this.running = false;
    this.generation++;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.closeStream();
    this.setState('stopped');
  }

  private setState(state: WatchState, error?: Error, retryInMs?: number): void {
    this.current = state;
    this.listener.state?.(state, error, retryInMs);
  }

  private closeStream(): void {
    const s = this.stream;
    this.stream = undefined;
    if (s) { s.destroy(); }
  }

  private async connect(): Promise<void> {
    const gen = ++this.generation;
    this.closeStream();
    this.setState('connecting');
    let stream: EventStream;
    try {
      stream = (await this.api.getEvents({ filters: this.opts.filters ?? { type: ['container'] } } as Dockerode.GetEventsOptions)) as EventStream;
    } catch (e) {
      if (gen === this.generation && this.running) { this.retryLater(e as Error); }
      return;
    }
    this.openStreams++;
    let closed = false;
    const gone = (error?: Error) => {
      if (closed) { return; }
      closed = true;
      this.openStreams--;
      if (gen !== this.generation || !this.running) { return; }
      this.stream = undefined;
      this.retryLater(error ?? new Error('the engine closed the events stream'));
    };
    stream.on('end', () => gone());
    stream.on('close', () => gone());
    stream.on('error', (e: Error) => gone(e));
    if (gen !== this.generation || !this.running) { stream.destroy(); return; }
    this.stream = stream;
    this.attempt = 0;
    this.connections++;
    let partial = '';
    stream.on('data', (chunk: Buffer) => {
      if (gen !== this.generation) { return; }
      partial += chunk.toString('utf8');
      let nl: number;
      while ((nl = partial.indexOf('\n')) >= 0) {
        const line = partial.slice(0, nl).trim();
        partial = partial.slice(nl + 1);
        if (!line) { continue; }
        try { this.listener.event?.(JSON.parse(line) as DockerEvent); } catch { /* a line that is not JSON is not an event */ }
      }
    });
    this.setState('connected');
  }

  private retryLater(error: Error): void {
    const min = this.opts.minDelayMs ?? 250;
    const delay = Math.min(this.opts.maxDelayMs ?? 30_000, min * 2 ** this.attempt);
    this.attempt++;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => { this.timer = undefined; if (this.running) { void this.connect(); } }, delay);
    this.setState('waiting', error, delay);
  }
}

/** Container events that do not change what the tree shows (exec in a shell, top, archive reads). */
export function changesContainerList(e: DockerEvent): boolean {
  if (e.Type !== 'container') { return false; }
  const action = e.Action.split(':')[0];
  return !['exec_create', 'exec_start', 'exec_die', 'exec_detach', 'attach', 'detach', 'resize', 'top', 'archive-path', 'extract-to-dir', 'export', 'copy', 'commit'].includes(action);
}
