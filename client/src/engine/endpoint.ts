// Finds the Docker engine the way the docker CLI does: our setting, else DOCKER_HOST, else the
// current docker context, else the platform's default socket. Pure: no `vscode`, no dockerode.
import * as crypto from 'node:crypto';
import * as path from 'node:path';
import type { DockerOptions } from 'dockerode';

export type EndpointSource = 'setting' | 'DOCKER_HOST' | 'context' | 'default';

export interface Endpoint {
  /** Where the choice came from, shown in the view so a learner knows which engine they see. */
  source: EndpointSource;
  /** The docker context's name when source is 'context'. */
  contextName?: string;
  /** The host as the CLI would write it: unix:///var/run/docker.sock, tcp://…, ssh://…, npipe://… */
  url: string;
  /** Options for dockerode; certificates are read into memory, never logged. */
  options: DockerOptions;
}

export interface EndpointInputs {
  hostSetting?: string;
  env: Record<string, string | undefined>;
  homedir: string;
  platform: NodeJS.Platform;
  readFile(file: string): string | undefined;
}

export class EndpointError extends Error {}

export function resolveEndpoint(inputs: EndpointInputs): Endpoint {
  const setting = inputs.hostSetting?.trim();
  if (setting) { return fromUrl(setting, 'setting', inputs); }
  const dockerHost = inputs.env.DOCKER_HOST?.trim();
  if (dockerHost) { return fromUrl(dockerHost, 'DOCKER_HOST', inputs); }
  const context = currentContext(inputs);
  if (context && context !== 'default') {
    const url = contextHost(context, inputs);
    if (url) { return { ...fromUrl(url, 'context', inputs), contextName: context }; }
  }
  const url = inputs.platform === 'win32' ? 'npipe:////./pipe/docker_engine' : 'unix:///var/run/docker.sock';
  return fromUrl(url, 'default', inputs);
}

function dockerConfigDir(inputs: EndpointInputs): string {
  return inputs.env.DOCKER_CONFIG || path.join(inputs.homedir, '.docker');
}

function currentContext(inputs: EndpointInputs): string | undefined {
  if (inputs.env.DOCKER_CONTEXT) { return inputs.env.DOCKER_CONTEXT; }
  const raw = inputs.readFile(path.join(dockerConfigDir(inputs), 'config.json'));
  if (!raw) { return undefined; }
  try {
    const value = (JSON.parse(raw) as { currentContext?: unknown }).currentContext;
    return typeof value === 'string' && value ? value : undefined;
  } catch {
    return undefined;
  }
}

/** ~/.docker/contexts/meta/<sha256 of the name>/meta.json → Endpoints.docker.Host */
function contextHost(name: string, inputs: EndpointInputs): string | undefined {
  const digest = crypto.createHash('sha256').update(name).digest('hex');
  const file = path.join(dockerConfigDir(inputs), 'contexts', 'meta', digest, 'meta.json');
  const raw = inputs.readFile(file);
  if (!raw) { throw new EndpointError(`docker context "${name}" has no metadata at ${file}`); }
  try {
    const meta = JSON.parse(raw) as { Endpoints?: { docker?: { Host?: string } } };
    return meta.Endpoints?.docker?.Host;
  } catch {
    throw new EndpointError(`docker context "${name}": ${file} is not valid JSON`);
  }
}

function fromUrl(url: string, source: EndpointSource, inputs: EndpointInputs): Endpoint {
  const m = /^([a-z]+):\/\/(.*)$/i.exec(url);
  if (!m) { throw new EndpointError(`"${url}" is not a Docker host: use unix:///path, tcp://host:port, ssh://user@host or npipe:////./pipe/name`); }
  const scheme = m[1].toLowerCase();
  const rest = m[2];
  switch (scheme) {
    case 'unix':
      return { source, url, options: { socketPath: rest } };
    case 'npipe':
      return { source, url, options: { socketPath: rest.replace(/\//g, '\\') } };
    case 'tcp':
    case 'http':
    case 'https': {
      const parsed = new URL(`http://${rest}`);
      const tlsVerify = !!inputs.env.DOCKER_TLS_VERIFY && inputs.env.DOCKER_TLS_VERIFY !== '0';
      const tls = tlsVerify || scheme === 'https';
      const options: DockerOptions = {
        host: parsed.hostname,
        port: Number(parsed.port || (tls ? 2376 : 2375)),
        protocol: tls ? 'https' : 'http',
      };
      if (tls) {
        const certDir = inputs.env.DOCKER_CERT_PATH || dockerConfigDir(inputs);
        const read = (f: string) => inputs.readFile(path.join(certDir, f));
        const ca = read('ca.pem'); const cert = read('cert.pem'); const key = read('key.pem');
        if (tlsVerify && (!ca || !cert || !key)) {
          throw new EndpointError(`DOCKER_TLS_VERIFY is set but ca.pem, cert.pem or key.pem is missing in ${certDir}`);
        }
        // Not enumerable: an endpoint printed or serialized (a log line, a test report, JSON in a
        // setting) never carries the private key or the certificates. DockerEngine passes them on.
        for (const [name, value] of Object.entries({ ca, cert, key })) {
          if (value !== undefined) { Object.defineProperty(options, name, { value, enumerable: false }); }
        }
      }
      return { source, url, options };
    }
    case 'ssh': {
      const parsed = new URL(url);
      const options: DockerOptions = {
        protocol: 'ssh',
        host: parsed.hostname,
        port: Number(parsed.port || 22),
        username: decodeURIComponent(parsed.username) || undefined,
        sshOptions: inputs.env.SSH_AUTH_SOCK ? { agent: inputs.env.SSH_AUTH_SOCK } : {},
      };
      return { source, url, options };
    }
    default:
      throw new EndpointError(`"${scheme}://" is not a Docker host scheme this extension knows (unix, tcp, ssh, npipe)`);
  }
}
