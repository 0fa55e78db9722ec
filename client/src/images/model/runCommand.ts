// `docker container run` from the Images view: the learner's answers become one RunSpec, which is
// both the command we show (same words as the course: -d --publish 80:80 --name webhost nginx)
// and the engine's create options, so the two cannot drift apart. Pure: no `vscode`.
import { plainTranslate, type Translate } from './format';

export type RunMode = 'detached' | 'interactive';

export interface RunSpec {
  image: string;
  name?: string;
  /** As the CLI writes them: "80:80", "127.0.0.1:8080:80", "53:53/udp", "80" (random host port). */
  ports: string[];
  /** KEY=value */
  env: string[];
  mode: RunMode;
  command?: string[];
  /** Shown as --label in the command too: nothing is hidden from the learner. */
  labels?: Record<string, string>;
}

export interface PortMapping {
  hostIp?: string;
  /** Empty when Docker should choose the host port. */
  hostPort: string;
  containerPort: string;
  protocol: 'tcp' | 'udp' | 'sctp';
}

const PORT = /^\d{1,5}(?:-\d{1,5})?$/;

function portRangeProblem(p: string, t: Translate): string | undefined {
  const [a, b] = p.split('-').map(Number);
  if (a < 1 || a > 65535 || (b !== undefined && (b < a || b > 65535))) { return t('{0} is not a port between 1 and 65535', p); }
  return undefined;
}

/** Parses one --publish value; a string is the problem in the learner's language. */
export function parsePort(spec: string, t: Translate = plainTranslate): PortMapping | string {
  let value = spec.trim();
  let protocol: PortMapping['protocol'] = 'tcp';
  const slash = value.lastIndexOf('/');
  if (slash >= 0) {
    const proto = value.slice(slash + 1).toLowerCase();
    if (proto !== 'tcp' && proto !== 'udp' && proto !== 'sctp') { return t('"{0}": the protocol after / is tcp, udp or sctp', spec); }
    protocol = proto; value = value.slice(0, slash);
  }
  let hostIp: string | undefined;
  const bracket = /^\[([0-9a-fA-F:.]+)\]:(.*)$/.exec(value);
  if (bracket) { hostIp = bracket[1]; value = bracket[2]; }
  const parts = value.split(':');
  if (!hostIp && parts.length === 3) { hostIp = parts.shift(); }
  if (parts.length > 2 || parts.length === 0) { return t('"{0}" is not a port mapping: write HOST:CONTAINER, for example 8080:80', spec); }
  const containerPort = parts[parts.length - 1];
  const hostPort = parts.length === 2 ? parts[0] : '';
  if (!PORT.test(containerPort) || (hostPort && !PORT.test(hostPort))) {
    return t('"{0}" is not a port mapping: write HOST:CONTAINER, for example 8080:80', spec);
  }
  const problem = portRangeProblem(containerPort, t) ?? (hostPort ? portRangeProblem(hostPort, t) : undefined);
  if (problem) { return problem; }
  if (hostPort.includes('-') && containerPort.includes('-')) {
    const len = (r: string) => { const [a, b] = r.split('-').map(Number); return b - a; };
    if (len(hostPort) !== len(containerPort)) { return t('"{0}": both port ranges must have the same length', spec); }
  }
  if (hostIp !== undefined && !/^(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-fA-F:]+)$/.test(hostIp)) {
    return t('"{0}" is not an IP address', hostIp);
  }
  return { hostIp, hostPort, containerPort, protocol };
}

/** Words separated by spaces, where "double" or 'single' quotes keep spaces inside one word. */
export function splitWords(input: string): string[] {
  const words: string[] = [];
  let current = '';
  let quote: string | undefined;
  let started = false;
  for (const ch of input) {
    if (quote) {
      if (ch === quote) { quote = undefined; } else { current += ch; }
    } else if (ch === '"' || ch === "'") {
      quote = ch; started = true;
    } else if (/\s/.test(ch)) {
      if (started) { words.push(current); current = ''; started = false; }
    } else {
      current += ch; started = true;
    }
  }
  if (started) { words.push(current); }
  return words;
}

/** Splits the ports input: "80:80, 443:443" or "80:80 443:443". */
export function splitPorts(input: string): string[] {
  return input.split(/[\s,]+/).filter(Boolean);
}

export function portsProblem(input: string, t: Translate = plainTranslate): string | undefined {
  for (const p of splitPorts(input)) {
    const r = parsePort(p, t);
    if (typeof r === 'string') { return r; }
  }
  return undefined;
}

export function envProblem(input: string, t: Translate = plainTranslate): string | undefined {
  return envListProblem(splitWords(input), t);
}

export function envListProblem(entries: string[], t: Translate = plainTranslate): string | undefined {
  for (const word of entries) {
    const eq = word.indexOf('=');
    if (eq <= 0) { return t('"{0}" is not KEY=value', word); }
    if (/\s/.test(word.slice(0, eq))) { return t('"{0}": a variable name has no spaces', word.slice(0, eq)); }
  }
  return undefined;
}

/** Docker's rule for container names: [a-zA-Z0-9][a-zA-Z0-9_.-]+ */
export function containerNameProblem(name: string, t: Translate = plainTranslate): string | undefined {
  if (!name) { return undefined; }
  if (!/^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/.test(name)) {
    return t('A container name is at least 2 characters: letters, digits, _, . and -, starting with a letter or digit');
  }
  return undefined;
}

/** The arguments after `docker`, in the order the course writes them. */
export function runCliArgs(spec: RunSpec): string[] {
  const args = ['container', 'run', spec.mode === 'detached' ? '-d' : '-it'];
  for (const p of spec.ports) { args.push('--publish', p); }
  if (spec.name) { args.push('--name', spec.name); }
  for (const e of spec.env) { args.push('--env', e); }
  for (const [k, v] of Object.entries(spec.labels ?? {})) { args.push('--label', `${k}=${v}`); }
  args.push(spec.image, ...(spec.command ?? []));
  return args;
}

/** The same spec as the engine's POST /containers/create body (dockerode's createContainer options). */
export function runCreateOptions(spec: RunSpec): {
  Image: string; name?: string; Env: string[]; Cmd?: string[]; Labels: Record<string, string>;
  Tty: boolean; OpenStdin: boolean; StdinOnce: boolean; AttachStdin: boolean; AttachStdout: boolean; AttachStderr: boolean;
  ExposedPorts: Record<string, object>;
  HostConfig: { PortBindings: Record<string, Array<{ HostIp: string; HostPort: string }>> };
} {
  const exposed: Record<string, object> = {};
  const bindings: Record<string, Array<{ HostIp: string; HostPort: string }>> = {};
  for (const p of spec.ports) {
    const m = parsePort(p);
    if (typeof m === 'string') { throw new Error(m); }
    const expand = (r: string): string[] => {
      if (!r.includes('-')) { return [r]; }
      const [a, b] = r.split('-').map(Number);
      return Array.from({ length: b - a + 1 }, (_, i) => String(a + i));
    };
    const containers = expand(m.containerPort);
    const hosts = m.hostPort ? expand(m.hostPort) : [];
    containers.forEach((c, i) => {
      const key = `${c}/${m.protocol}`;
      exposed[key] = {};
      // A host range with a single container port lets Docker pick one port of the range.
      const hostPort = hosts.length === containers.length ? hosts[i] : m.hostPort;
      (bindings[key] ??= []).push({ HostIp: m.hostIp ?? '', HostPort: hostPort });
    });
  }
  const interactive = spec.mode === 'interactive';
  return {
    Image: spec.image,
    name: spec.name || undefined,
    Env: spec.env,
    Cmd: spec.command?.length ? spec.command : undefined,
    Labels: spec.labels ?? {},
    Tty: interactive, OpenStdin: interactive, StdinOnce: false,
    AttachStdin: interactive, AttachStdout: interactive, AttachStderr: interactive,
    ExposedPorts: exposed,
    HostConfig: { PortBindings: bindings },
  };
}

/** "80/tcp" keys of an image's ExposedPorts as a ports suggestion: "80:80 443:443". */
export function suggestedPorts(exposed: Record<string, unknown> | undefined): string {
  return Object.keys(exposed ?? {})
    .map((k) => { const [port, proto] = k.split('/'); return proto && proto !== 'tcp' ? `${port}:${port}/${proto}` : `${port}:${port}`; })
    .join(' ');
}
