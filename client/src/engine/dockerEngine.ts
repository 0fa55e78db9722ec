// The one boundary to Docker: everything that talks to the engine goes through here, so trees and
// commands depend on this interface and never on dockerode directly.
import * as http from 'node:http';
import * as https from 'node:https';
import type { Socket } from 'node:net';
import Dockerode from 'dockerode';
import type { Endpoint } from './endpoint';
import { ContainerOps } from './containers';
import { boundRequests, DEFAULT_BOUNDS, RequestBounds } from './requestTimeout';
import { EventsWatcher, WatchListener, WatchOptions } from './events';
import type { ContainerSummary } from './containerSummary';
import { SshAgent } from './sshTransport';

export type { ContainerSummary } from './containerSummary';

/** Idle keep-alive connections are closed after this long (what Node's global agent does too). */
const IDLE_SOCKET_MS = 5_000;

export class DockerEngine {
  readonly api: Dockerode;
  /** `docker container …` */
  readonly containers: ContainerOps;
  /**
   * This engine's own connection pool: Node's global agent would keep idle connections to the
   * engine open after the engine object is gone, so dispose() could not close them.
   */
  readonly agent: http.Agent;
  private readonly watchers = new Set<EventsWatcher>();
  private readonly hijacked = new Set<Socket>();
  private disposed = false;
  /** Liveness probes sent for requests that waited long (requestTimeout.ts), and how many got no answer. */
  readonly probes = { sent: 0, failed: 0 };

  /**
   * `bounds`: how long requests may wait for the engine (requestTimeout.ts); a number is the read
   * bound alone, as in earlier versions; 0 for no bound.
   */
  constructor(readonly endpoint: Endpoint, bounds: number | Partial<RequestBounds> = DEFAULT_BOUNDS) {
    const options = endpoint.options;
    if (options.protocol === 'ssh') {
      // Our own SSH transport (sshTransport.ts), spoken to as plain HTTP: docker-modem's would
      // open a connection per request and can wait forever on a host that hangs up.
      const agent = new SshAgent({ host: options.host, port: Number(options.port ?? 22), username: options.username, ...(options.sshOptions as object) });
      this.agent = agent;
      this.api = new Dockerode({ host: options.host, port: options.port, protocol: 'http', agent } as Dockerode.DockerOptions);
    } else {
      const agentOptions = { keepAlive: true, maxFreeSockets: 4, timeout: IDLE_SOCKET_MS };
      this.agent = options.protocol === 'https' ? new https.Agent(agentOptions) : new http.Agent(agentOptions);
      // docker-modem passes `agent` to every request; its typings do not list it.
      // The TLS material is not enumerable (endpoint.ts), so a spread would drop it.
      this.api = new Dockerode({ ...options, ca: options.ca, cert: options.cert, key: options.key, agent: this.agent } as Dockerode.DockerOptions);
    }
    const b = typeof bounds === 'number' ? { readTimeoutMs: bounds, ...(bounds > 0 ? {} : { probeAfterMs: 0 }) } : bounds;
    boundRequests(this.api, b, {
      hijacked: (socket) => {
        if (this.disposed) { socket.destroy(); return; }
        this.hijacked.add(socket);
        socket.once('close', () => this.hijacked.delete(socket));
      },
      refuse: () => (this.disposed ? new Error('This Docker engine connection was closed (the endpoint changed or the extension stopped)') : undefined),
      probed: (failure) => { this.probes.sent++; if (failure !== undefined) { this.probes.failed++; } },
    });
    this.containers = new ContainerOps(this.api);
  }

  async ping(): Promise<void> {
    await this.api.ping();
  }

  listContainers(all = true): Promise<ContainerSummary[]> {
    return this.containers.list(all);
  }

  /** Follows the events stream (container events unless `opts.filters` says otherwise). Stopped by dispose(). */
  watchEvents(listener: WatchListener, opts?: WatchOptions): EventsWatcher {
    const watcher = new EventsWatcher(this.api, listener, opts);
    // Kept even when stopped: a view may start it again (it pauses while hidden).
    this.watchers.add(watcher);
    return watcher;
  }

  /** Open connections of this engine: in use (requests, streams) and idle in the keep-alive pool. */
  connectionCounts(): { active: number; idle: number; hijacked: number } {
    const count = (m: NodeJS.ReadOnlyDict<unknown[]> | undefined) => Object.values(m ?? {}).reduce((n, list) => n + (list?.length ?? 0), 0);
    const agent = this.agent as http.Agent & { sockets: NodeJS.ReadOnlyDict<Socket[]>; freeSockets: NodeJS.ReadOnlyDict<Socket[]> };
    return { active: count(agent?.sockets), idle: count(agent?.freeSockets), hijacked: this.hijacked.size };
  }

  /**
   * Stops every events watcher and closes every connection this engine opened: streams still
   * following (logs, events), shells and idle keep-alive connections. Use after the endpoint
   * changed or when the extension deactivates; the engine must not be used afterwards.
   */
  dispose(): void {
    if (this.disposed) { return; }
    this.disposed = true;
    for (const watcher of this.watchers) { if (watcher.state !== 'stopped') { watcher.stop(); } }
    this.watchers.clear();
    for (const socket of this.hijacked) { socket.destroy(); }
    this.hijacked.clear();
    this.agent.destroy();
  }
}
