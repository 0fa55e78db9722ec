// The one boundary to Docker: everything that talks to the engine goes through here, so trees and
// commands depend on this interface and never on dockerode directly.
import Dockerode from 'dockerode';
import type { Endpoint } from './endpoint';
import { ContainerOps } from './containers';
import { boundReads, DEFAULT_READ_TIMEOUT_MS } from './requestTimeout';
import { EventsWatcher, WatchListener, WatchOptions } from './events';
import type { ContainerSummary } from './containerSummary';

export type { ContainerSummary } from './containerSummary';

export class DockerEngine {
  readonly api: Dockerode;
  /** `docker container …` */
  readonly containers: ContainerOps;

  /** `readTimeoutMs`: how long a non-streaming read (ping, list, inspect) may wait for an answer; 0 for no bound. */
  constructor(readonly endpoint: Endpoint, readTimeoutMs = DEFAULT_READ_TIMEOUT_MS) {
    this.api = new Dockerode(endpoint.options);
    boundReads(this.api, readTimeoutMs);
    this.containers = new ContainerOps(this.api);
  }

  async ping(): Promise<void> {
    await this.api.ping();
  }

  listContainers(all = true): Promise<ContainerSummary[]> {
    return this.containers.list(all);
  }

  /** Follows the events stream (container events unless `opts.filters` says otherwise). */
  watchEvents(listener: WatchListener, opts?: WatchOptions): EventsWatcher {
    return new EventsWatcher(this.api, listener, opts);
  }
}
