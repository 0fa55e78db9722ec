// What the Containers view knows about one container: the `docker container ls -a` row, mapped once
// from the engine's answer so the rest of the code never sees dockerode's shapes.
import type Dockerode from 'dockerode';

export interface PortSummary {
  /** Host address the port is published on; undefined when the port is only exposed. */
  ip?: string;
  privatePort: number;
  publicPort?: number;
  type: string;
}

export interface MountSummary {
  type: string;
  /** Volume name for named volumes. */
  name?: string;
  source: string;
  destination: string;
  rw: boolean;
}

export interface NetworkSummary {
  name: string;
  ip: string;
}

export interface ContainerSummary {
  id: string;
  name: string;
  image: string;
  imageId: string;
  command: string;
  /** created, running, paused, restarting, removing, exited, dead */
  state: string;
  /** Docker's own words: "Up 3 minutes (healthy)", "Exited (137) 2 hours ago" */
  status: string;
  /** Unix seconds. */
  created: number;
  labels: Record<string, string>;
  ports: PortSummary[];
  mounts: MountSummary[];
  networks: NetworkSummary[];
}

export function toContainerSummary(c: Dockerode.ContainerInfo): ContainerSummary {
  return {
    id: c.Id,
    name: (c.Names?.[0] ?? c.Id.slice(0, 12)).replace(/^\//, ''),
    image: c.Image,
    imageId: c.ImageID,
    command: c.Command ?? '',
    state: c.State,
    status: c.Status,
    created: c.Created,
    labels: c.Labels ?? {},
    ports: (c.Ports ?? []).map((p) => ({ ip: p.IP || undefined, privatePort: p.PrivatePort, publicPort: p.PublicPort || undefined, type: p.Type })),
    mounts: (c.Mounts ?? []).map((m) => ({ type: m.Type, name: m.Name || undefined, source: m.Source, destination: m.Destination, rw: m.RW })),
    networks: Object.entries(c.NetworkSettings?.Networks ?? {}).map(([name, n]) => ({ name, ip: n.IPAddress ?? '' })),
  };
}
