// A bound on how long the engine may take to answer a read. Something that accepts the connection
// and never answers (a wrong port, a stuck proxy, a frozen VM) would otherwise leave the views
// spinning forever: Node's HTTP client has no deadline of its own. Only plain GET requests get
// one: streams (events, logs, exec, pull, build) stay open on purpose, and actions such as stop,
// wait, commit or prune legitimately take as long as the work does. Pure: no `vscode`.
import type Dockerode from 'dockerode';

export const DEFAULT_READ_TIMEOUT_MS = 30_000;

/** The engine accepted the connection but did not answer a read in time. */
export class EngineTimeoutError extends Error {
  readonly code = 'ENGINE_TIMEOUT';
  constructor(readonly method: string, readonly path: string, readonly timeoutMs: number) {
    super(`The engine did not answer ${method} ${path} within ${Math.round(timeoutMs / 1000)} s`);
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
  [key: string]: unknown;
}
type DialCallback = (err: unknown, data?: unknown) => void;
interface DialingModem { dial(options: DialOptions, callback: DialCallback): unknown }

/** Wraps the modem's dial so every non-streaming GET fails with EngineTimeoutError after `timeoutMs`. */
export function boundReads(api: Dockerode, timeoutMs = DEFAULT_READ_TIMEOUT_MS): void {
  if (!(timeoutMs > 0)) { return; }
  const modem = api.modem as unknown as DialingModem;
  const dial = modem.dial.bind(modem);
  modem.dial = (options, callback) => {
    if ((options.method ?? 'GET') !== 'GET' || options.isStream || options.hijack || options.openStdin) { return dial(options, callback); }
    const controller = new AbortController();
    const outer = options.abortSignal;
    if (outer) {
      if (outer.aborted) { controller.abort(); } else { outer.addEventListener('abort', () => controller.abort(), { once: true }); }
    }
    let timedOut = false;
    const timer = setTimeout(() => { timedOut = true; controller.abort(); }, timeoutMs);
    return dial({ ...options, abortSignal: controller.signal }, (err, data) => {
      clearTimeout(timer);
      callback(err && timedOut ? new EngineTimeoutError('GET', String(options.path ?? '').replace(/\?.*$/, ''), timeoutMs) : err, data);
    });
  };
}
