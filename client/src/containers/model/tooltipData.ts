// What a container's tooltip says, as data: the vscode layer adds the localised labels.
import type { ContainerSummary, MountSummary, PortSummary } from '../../engine/containerSummary';
import { exitCodeFromStatus, exitMeaning, ExitMeaning } from './exitCodes';
import { COMPOSE_PROJECT_LABEL, COMPOSE_SERVICE_LABEL } from './grouping';
import { Health, healthFromStatus } from './stateVisual';

export interface TooltipData {
  name: string;
  id: string;
  image: string;
  command: string;
  state: string;
  status: string;
  /** ISO 8601, UTC */
  created: string;
  /** "0.0.0.0:8080 → 80/tcp"; exposed-only ports as "80/tcp" */
  ports: string[];
  /** "volume data → /var/lib/data", "bind /home/me/src → /src (read-only)" */
  mounts: { text: string; readOnly: boolean }[];
  /** "bridge 172.17.0.2" */
  networks: string[];
  exit?: { code: number; meaning: ExitMeaning; signal?: number };
  health?: Health;
  compose?: { project: string; service?: string };
}

export function formatPort(p: PortSummary): string {
  const container = `${p.privatePort}/${p.type}`;
  if (!p.publicPort) { return container; }
  const host = p.ip && p.ip.includes(':') ? `[${p.ip}]` : p.ip;
  return `${host ? `${host}:` : ''}${p.publicPort} → ${container}`;
}

export function formatMount(m: MountSummary): string {
  const from = m.type === 'volume' ? (m.name ?? m.source) : m.source;
  return `${m.type} ${from} → ${m.destination}`;
}

/** Published ports, one per host port (Docker lists IPv4 and IPv6 bindings separately). */
export function publishedPorts(c: ContainerSummary): PortSummary[] {
  const seen = new Set<string>();
  const out: PortSummary[] = [];
  for (const p of c.ports) {
    if (!p.publicPort) { continue; }
    const key = `${p.publicPort}/${p.type}`;
    if (seen.has(key)) { continue; }
    seen.add(key);
    out.push(p);
  }
  return out.sort((a, b) => (a.publicPort ?? 0) - (b.publicPort ?? 0));
}

export function tooltipData(c: ContainerSummary): TooltipData {
  const code = exitCodeFromStatus(c.status);
  const project = c.labels[COMPOSE_PROJECT_LABEL];
  return {
    name: c.name,
    id: c.id,
    image: c.image,
    command: c.command,
    state: c.state,
    status: c.status,
    created: new Date(c.created * 1000).toISOString().replace(/\.000Z$/, 'Z'),
    ports: [...new Set(c.ports.map(formatPort))].sort(),
    mounts: c.mounts.map((m) => ({ text: formatMount(m), readOnly: !m.rw })),
    networks: c.networks.map((n) => (n.ip ? `${n.name} ${n.ip}` : n.name)),
    exit: code === undefined ? undefined : { code, ...exitMeaning(code) },
    health: healthFromStatus(c.status),
    compose: project ? { project, service: c.labels[COMPOSE_SERVICE_LABEL] } : undefined,
  };
}

/** Inline code for Markdown that survives backticks in the text. */
export function mdCode(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}
