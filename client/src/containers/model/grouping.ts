// The tree's shape: one group per Compose project (the label Compose puts on what it creates), then
// one group for every other container. Sorting and the running-only filter happen here too.
import type { ContainerSummary } from '../../engine/containerSummary';
import { isUp } from './stateVisual';

export const COMPOSE_PROJECT_LABEL = 'com.docker.compose.project';
export const COMPOSE_SERVICE_LABEL = 'com.docker.compose.service';

export type ShowFilter = 'all' | 'running';
export type SortOrder = 'name' | 'created';

export interface ContainerGroup {
  /** Stable across refreshes, so VS Code keeps each group's expanded state. */
  key: string;
  kind: 'compose' | 'other';
  project?: string;
  containers: ContainerSummary[];
  /** How many of `containers` are up (running, paused or restarting). */
  up: number;
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

export function sortContainers(list: ContainerSummary[], order: SortOrder): ContainerSummary[] {
  return order === 'created'
    // Newest first, like `docker container ls`.
    ? list.sort((a, b) => b.created - a.created || collator.compare(a.name, b.name))
    : list.sort((a, b) => collator.compare(a.name, b.name));
}

export function groupContainers(list: readonly ContainerSummary[], opts: { show: ShowFilter; sort: SortOrder }): ContainerGroup[] {
  const compose = new Map<string, ContainerSummary[]>();
  const other: ContainerSummary[] = [];
  for (const c of list) {
    if (opts.show === 'running' && !isUp(c.state)) { continue; }
    const project = c.labels[COMPOSE_PROJECT_LABEL];
    if (project) {
      let members = compose.get(project);
      if (!members) { members = []; compose.set(project, members); }
      members.push(c);
    } else {
      other.push(c);
    }
  }
  const groups: ContainerGroup[] = [...compose.keys()].sort((a, b) => collator.compare(a, b)).map((project) => {
    const containers = sortContainers(compose.get(project)!, opts.sort);
    return { key: `compose:${project}`, kind: 'compose', project, containers, up: containers.filter((c) => isUp(c.state)).length };
  });
  if (other.length) {
    const containers = sortContainers(other, opts.sort);
    groups.push({ key: 'other', kind: 'other', containers, up: containers.filter((c) => isUp(c.state)).length });
  }
  return groups;
}
