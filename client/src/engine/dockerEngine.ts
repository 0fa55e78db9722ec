// The one boundary to Docker: everything that talks to the engine goes through here, so trees and
// commands depend on this interface and never on dockerode directly.
import Dockerode from 'dockerode';
import type { Endpoint } from './endpoint';
import { ContainerOps } from './containers';
import { EventsWatcher, WatchListener, WatchOptions } from './events';
import type { ContainerSummary } from './containerSummary';

export type { ContainerSummary } from './containerSummary';

export class DockerEngine {
  readonly api: Dockerode;
  /** `docker container …` */
  readonly containers: ContainerOps;

  constructor(readonly endpoint: Endpoint) {
    this.api = new Dockerode(endpoint.options);
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
