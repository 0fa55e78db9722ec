// Bounds on how long the engine may take to answer. Something that accepts the connection and never
// answers (a wrong port, a stuck proxy, a frozen VM, an SSH host that hangs up mid-handshake) would
// otherwise leave the views spinning forever: Node's HTTP client has no deadline of its own.
//
// Two kinds of bound, because two kinds of request:
// - A plain GET (ping, list, inspect) answers at once on a live engine: it gets a fixed deadline.
// - Everything else may legitimately take as long as the work does (stop waits its grace period,
//   wait waits for the exit, commit and prune write to disk, pull/push/build/load start answering
//   only when the engine has something to say). A fixed deadline would cut real work, so instead,
//   when such a request has had no answer (no response head, no upgrade) for `probeAfterMs`, the
//   engine is asked for a ping on a connection of its own. A live engine answers it and the request
//   keeps waiting (probed again, less and less often); an endpoint that does not answer the ping
//   either is not an engine at work, and the request fails with EngineTimeoutError.
// Once a stream has its response head (events, logs, exec, pull progress), idle time is normal and
// is not bounded here. Pure: no `vscode`.
import type Dockerode from 'dockerode';
import type { Socket } from 'node:net';

export const DEFAULT_READ_TIMEOUT_MS = 30_000;

export interface RequestBounds {
  /** How long a non-streaming GET may wait for its whole answer; 0 for no bound. */
  readTimeoutMs: number;
  /** How long any other request may wait for its first answer before the engine is pinged; 0 for never. */
  probeAfterMs: number;
  /** How long that ping may take before the endpoint counts as not answering. */
  probeTimeoutMs: number;
}

export const DEFAULT_BOUNDS: RequestBounds = { readTimeoutMs: DEFAULT_READ_TIMEOUT_MS, probeAfterMs: 5_000, probeTimeoutMs: 10_000 };

/** Probes of a request that is still waiting on a live engine come at most this far apart. */
const MAX_PROBE_INTERVAL_MS = 60_000;

/** The engine accepted the connection but did not answer in time. */
export class EngineTimeoutError extends Error {
  readonly code = 'ENGINE_TIMEOUT';
  constructor(readonly method: string, readonly path: string, readonly timeoutMs: number) {
    super(`The engine did not answer ${method} ${path} within ${Math.round(timeoutMs / 100) / 10} s`);
    this.name = 'EngineTimeoutError';
  }
}

interface DialOptions {
  method?: string;
  path?: string;
  isStream?: boolean;
  hijack?: boolean;
  openStdin?: boolean;
  abortSignal?: AbortSignal;
  statusCodes?: Record<number, unknown>;
  [key: string]: unknown;
}
type DialCallback = (err: unknown, data?: unknown) => void;
interface DialingModem { dial(options: DialOptions, callback: DialCallback): unknown }

/** What the bounded modem reports, so the engine can close what is still open when it is disposed. */
export interface BoundHooks {
  /** A hijacked connection (exec, attach): no longer in the HTTP agent's pool once upgraded. */
  hijacked?(socket: Socket): void;
  /** When this returns an error, requests fail with it at once (the engine was disposed). */
  refuse?(): Error | undefined;
  /** A request waited long enough for a probe: `failure` is undefined when the engine answered it. */
  probed?(failure: unknown): void;
}

/** Without query string: container names and filters are not part of what the message needs. */
function pathOf(options: DialOptions): string {
  return String(options.path ?? '').replace(/\?.*$/, '');
}

/** Wraps the modem's dial so that no request waits forever on an endpoint that does not answer. */
export function boundRequests(api: Dockerode, bounds: Partial<RequestBounds> = {}, hooks: BoundHooks = {}): void {
  const { readTimeoutMs, probeAfterMs, probeTimeoutMs } = { ...DEFAULT_BOUNDS, ...bounds };
  const modem = api.modem as unknown as DialingModem;
  const dial = modem.dial.bind(modem);

  /** A ping on its own connection, bounded by `probeTimeoutMs`: resolves with the failure, or undefined when the engine answered. */
  const probe = (): Promise<unknown> => new Promise((resolve) => {
    const controller = new AbortController();
    // Resolved by the timer itself: an aborted request is not always reported back (see giveUp).
    const timer = setTimeout(() => { controller.abort(); resolve(new EngineTimeoutError('GET', '/_ping', probeTimeoutMs)); }, probeTimeoutMs);
    dial({ path: '/_ping', method: 'GET', statusCodes: { 200: true, 500: 'server error' }, abortSignal: controller.signal }, (err) => {
      clearTimeout(timer);
      resolve(err ?? undefined);
    });
  });

  modem.dial = (options, callback) => {
    const refused = hooks.refuse?.();
    if (refused) { setImmediate(() => callback(refused)); return undefined; }
    const method = options.method ?? 'GET';
    const isRead = method === 'GET' && !options.isStream && !options.hijack && !options.openStdin;
    if (isRead ? !(readTimeoutMs > 0) : !(probeAfterMs > 0 && probeTimeoutMs > 0)) { return dial(options, callback); }
    const controller = new AbortController();
    const outer = options.abortSignal;
    const started = Date.now();
    let answered = false;
    /** Set when we gave up: the error the caller gets instead of the AbortError. */
    let verdict: unknown;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The caller hears the verdict at once: an aborted request is not always reported back (a
    // connection docker-modem's SSH agent never delivers leaves the request waiting for a socket).
    const giveUp = (error: unknown) => {
      if (answered || verdict !== undefined) { return; }
      verdict = error;
      controller.abort();
      callback(error);
    };
    const onOuterAbort = () => controller.abort();
    if (outer) {
      if (outer.aborted) { controller.abort(); } else { outer.addEventListener('abort', onOuterAbort, { once: true }); }
    }
    if (isRead) {
      timer = setTimeout(() => giveUp(new EngineTimeoutError(method, pathOf(options), readTimeoutMs)), readTimeoutMs);
    } else {
      let interval = probeAfterMs;
      const schedule = () => {
        timer = setTimeout(() => {
          void probe().then((failure) => {
            hooks.probed?.(failure);
            if (answered || verdict !== undefined) { return; }
            if (failure === undefined) {
              interval = Math.min(MAX_PROBE_INTERVAL_MS, interval * 2);
              schedule();
              return;
            }
            giveUp(failure instanceof EngineTimeoutError ? new EngineTimeoutError(method, pathOf(options), Date.now() - started) : failure);
          });
        }, interval);
      };
      schedule();
    }
    return dial({ ...options, abortSignal: controller.signal }, (err, data) => {
      if (answered) { return; }
      answered = true;
      clearTimeout(timer);
      if (verdict !== undefined) {
        // Too late: the caller already has its error. Whatever arrived is closed, not leaked.
        (data as { destroy?(): void } | undefined)?.destroy?.();
        return;
      }
      if (!err && options.hijack && data && typeof (data as Socket).destroy === 'function') { hooks.hijacked?.(data as Socket); }
      callback(err, data);
    });
  };
}

/** The bound of earlier versions, kept for callers that only want the read deadline. */
export function boundReads(api: Dockerode, timeoutMs = DEFAULT_READ_TIMEOUT_MS): void {
  boundRequests(api, { readTimeoutMs: timeoutMs, probeAfterMs: 0 });
}
