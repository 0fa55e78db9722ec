// The one boundary to Docker: everything that talks to the engine goes through here, so trees and
// commands depend on this interface and never on dockerode directly.
import Dockerode from 'dockerode';
import type { Endpoint } from './endpoint';

export interface ContainerSummary {
  id: string;
  name: string;
  image: string;
  state: string;
  status: string;
  created: number;
  labels: Record<string, string>;
}

export class DockerEngine {
  readonly api: Dockerode;
  constructor(readonly endpoint: Endpoint) {
    this.api = new Dockerode(endpoint.options);
  }

  async ping(): Promise<void> {
    await this.api.ping();
  }

  async listContainers(all = true): Promise<ContainerSummary[]> {
    const list = await this.api.listContainers({ all });
    return list.map((c) => ({
      id: c.Id,
      name: (c.Names[0] ?? c.Id.slice(0, 12)).replace(/^\//, ''),
      image: c.Image,
      state: c.State,
      status: c.Status,
      created: c.Created,
      labels: c.Labels ?? {},
    }));
  }
}
