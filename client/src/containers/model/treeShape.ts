// What the tree shows for one engine answer, and what changed between two answers — so a change to
// one container redraws one group, not the whole list. Groups of more than CHUNK_ABOVE containers
// are cut into ranges of CHUNK_SIZE (like VS Code's debugger does for long arrays): VS Code then
// never has to send a thousand rows at once, and a change redraws a range, not the thousand.
import type { ContainerSummary } from '../../engine/containerSummary';
import { ContainerGroup, groupContainers, ShowFilter, SortOrder } from './grouping';
import { isUp } from './stateVisual';

export const CHUNK_SIZE = 100;
export const CHUNK_ABOVE = 200;

export interface Chunk {
  /** Stable while the group keeps its size: `<group key>#<index>`. */
  key: string;
  index: number;
  containers: ContainerSummary[];
  up: number;
}

export interface TreeShape {
  groups: ContainerGroup[];
  /** Per group key: its ranges, or undefined when the group lists its containers directly. */
  chunks: Map<string, Chunk[] | undefined>;
}

export function chunkGroup(group: ContainerGroup): Chunk[] | undefined {
  if (group.containers.length <= CHUNK_ABOVE) { return undefined; }
  const out: Chunk[] = [];
  for (let i = 0; i < group.containers.length; i += CHUNK_SIZE) {
    const containers = group.containers.slice(i, i + CHUNK_SIZE);
    out.push({ key: `${group.key}#${out.length}`, index: out.length, containers, up: containers.filter((c) => isUp(c.state)).length });
  }
  return out;
}

export function treeShape(list: readonly ContainerSummary[], opts: { show: ShowFilter; sort: SortOrder }): TreeShape {
  const groups = groupContainers(list, opts);
  return { groups, chunks: new Map(groups.map((g) => [g.key, chunkGroup(g)])) };
}

/** Everything the tree shows of a container; two equal fingerprints draw the same row. */
function fingerprint(c: ContainerSummary): string {
  return `${c.id}\u0000${c.name}\u0000${c.state}\u0000${c.status}\u0000${c.image}\u0000${c.ports.length}`;
}

export interface ShapeChanges {
  /** Groups to redraw with all their children. */
  groups: string[];
  /** Ranges of long groups to redraw (their group stays: it shows no counts that could go stale). */
  chunks: string[];
}

const sameRows = (a: ContainerSummary[], b: ContainerSummary[]) => a.length === b.length && a.every((c, j) => fingerprint(c) === fingerprint(b[j]));

/**
 * What to redraw going from `before` to `after`: 'root' when the groups themselves changed;
 * otherwise the groups, or for long groups only the ranges, whose containers or rows changed.
 */
export function shapeChanges(before: TreeShape, after: TreeShape): 'root' | ShapeChanges {
  if (before.groups.map((g) => g.key).join('\n') !== after.groups.map((g) => g.key).join('\n')) { return 'root'; }
  const out: ShapeChanges = { groups: [], chunks: [] };
  for (let i = 0; i < after.groups.length; i++) {
    const key = after.groups[i].key;
    const a = before.chunks.get(key); const b = after.chunks.get(key);
    if (!a || !b || a.length !== b.length) {
      if (!sameRows(before.groups[i].containers, after.groups[i].containers) || !!a !== !!b || a?.length !== b?.length) { out.groups.push(key); }
      continue;
    }
    b.forEach((chunk, j) => { if (!sameRows(a[j].containers, chunk.containers)) { out.chunks.push(chunk.key); } });
  }
  return out;
}

/** The list after applying a partial answer: `rows` for `ids` replace what was known; ids without a row are gone. */
export function patchList(list: readonly ContainerSummary[], ids: Iterable<string>, rows: readonly ContainerSummary[]): ContainerSummary[] {
  const asked = new Set(ids);
  const fresh = new Map(rows.map((r) => [r.id, r]));
  const out: ContainerSummary[] = [];
  for (const c of list) {
    if (fresh.has(c.id)) { out.push(fresh.get(c.id)!); fresh.delete(c.id); } else if (!asked.has(c.id)) { out.push(c); }
  }
  out.push(...fresh.values());
  return out;
}
