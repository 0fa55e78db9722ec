// EXPOSE arguments split the way Docker reads them: `[ip:][hostPort:]containerPort[/protocol]`.
import type { Range } from 'vscode-languageserver-types';
import type { DockerfileModel } from './model/model';

export interface ExposeSpec {
  raw: string;
  range: Range;
  /** Everything before the container port (`8080:` in `8080:80/tcp`), empty when there is none. */
  hostPart: string;
  port: string;
  /** The protocol as written (without `/`), undefined when there is none. */
  protocol?: string;
}

const cache = new WeakMap<DockerfileModel, ExposeSpec[]>();

export function exposeSpecs(model: DockerfileModel): ExposeSpec[] {
  const cached = cache.get(model);
  if (cached) { return cached; }
  const specs: ExposeSpec[] = [];
  cache.set(model, specs);
  for (const info of model.ofKeyword('EXPOSE')) {
    if (info.keyword !== 'EXPOSE') { continue; }
    for (const arg of model.argumentsOf(info)) {
      const raw = arg.raw;
      if (raw.includes('$')) { continue; }
      const slash = raw.indexOf('/');
      const portPart = slash < 0 ? raw : raw.slice(0, slash);
      const protocol = slash < 0 ? undefined : raw.slice(slash + 1);
      const colon = portPart.lastIndexOf(':');
      specs.push({ raw, range: arg.range, hostPart: colon < 0 ? '' : portPart.slice(0, colon + 1), port: portPart.slice(colon + 1), protocol });
    }
  }
  return specs;
}

/** A port (0–65535) or a range `8000-8010` with start ≤ end. */
export function validPort(port: string): boolean {
  const m = /^(\d+)(?:-(\d+))?$/.exec(port);
  if (!m) { return false; }
  const start = Number(m[1]);
  const end = m[2] === undefined ? start : Number(m[2]);
  return start <= 65535 && end <= 65535 && start <= end;
}
