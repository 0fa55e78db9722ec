// Registry credentials for push and pull, read where `docker login` put them: the docker config's
// credential helpers (credHelpers / credsStore, via docker-credential-<name> get) or its `auths`.
// We never ask for, or store, a password ourselves. No `vscode`.
import { spawn } from 'node:child_process';
import * as path from 'node:path';

export interface RegistryAuth {
  username?: string;
  password?: string;
  identitytoken?: string;
  serveraddress: string;
}

export interface AuthInputs {
  env: Record<string, string | undefined>;
  homedir: string;
  readFile(file: string): string | undefined;
  /** Runs `docker-credential-<helper> get` with `server` on stdin; stdout, or undefined when it fails. */
  runHelper?(helper: string, server: string): Promise<string | undefined>;
}

/** The key Docker Hub credentials live under in config.json. */
export const HUB_AUTH_KEY = 'https://index.docker.io/v1/';

interface DockerConfig {
  auths?: Record<string, { auth?: string; identitytoken?: string; username?: string; password?: string }>;
  credsStore?: string;
  credHelpers?: Record<string, string>;
}

export function configFile(inputs: Pick<AuthInputs, 'env' | 'homedir'>): string {
  return path.join(inputs.env.DOCKER_CONFIG || path.join(inputs.homedir, '.docker'), 'config.json');
}

/** "https://index.docker.io/v1/" → "index.docker.io"; "localhost:5000" stays. */
function hostOf(key: string): string {
  return key.replace(/^[a-z]+:\/\//i, '').replace(/\/.*$/, '');
}

function serverFor(registry: string): string {
  return registry === 'docker.io' || registry === 'index.docker.io' || registry === 'registry-1.docker.io' ? HUB_AUTH_KEY : registry;
}

export function defaultRunHelper(helper: string, server: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    // A fixed program name and no shell: the helper name comes from the learner's own config.
    if (!/^[A-Za-z0-9_.-]+$/.test(helper)) { resolve(undefined); return; }
    let out = '';
    let child;
    try { child = spawn(`docker-credential-${helper}`, ['get'], { stdio: ['pipe', 'pipe', 'ignore'] }); } catch { resolve(undefined); return; }
    child.on('error', () => resolve(undefined));
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    child.on('close', (code: number) => resolve(code === 0 ? out : undefined));
    child.stdin.end(server);
  });
}

/** Credentials for `registry` ("docker.io", "localhost:5000"), or undefined when `docker login` was never run for it. */
export async function credentialsFor(registry: string, inputs: AuthInputs): Promise<RegistryAuth | undefined> {
  const raw = inputs.readFile(configFile(inputs));
  if (!raw) { return undefined; }
  let config: DockerConfig;
  try { config = JSON.parse(raw) as DockerConfig; } catch { return undefined; }
  const server = serverFor(registry);
  const helper = config.credHelpers?.[registry] ?? config.credHelpers?.[server] ?? config.credsStore;
  if (helper) {
    const out = await (inputs.runHelper ?? defaultRunHelper)(helper, server);
    if (out) {
      try {
        const creds = JSON.parse(out) as { Username?: string; Secret?: string };
        if (creds.Username === '<token>') { return { identitytoken: creds.Secret, serveraddress: server }; }
        if (creds.Secret) { return { username: creds.Username, password: creds.Secret, serveraddress: server }; }
      } catch { /* fall through to auths */ }
    }
  }
  const wanted = hostOf(server);
  const entry = Object.entries(config.auths ?? {}).find(([key]) => key === server || hostOf(key) === wanted)?.[1];
  if (!entry) { return undefined; }
  if (entry.identitytoken) { return { identitytoken: entry.identitytoken, serveraddress: server }; }
  if (entry.auth) {
    const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0) { return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1), serveraddress: server }; }
  }
  if (entry.username && entry.password) { return { username: entry.username, password: entry.password, serveraddress: server }; }
  return undefined;
}

/** The registry argument `docker login` needs: none for Docker Hub. */
export function loginArgs(registry: string): string[] {
  return serverFor(registry) === HUB_AUTH_KEY ? ['login'] : ['login', registry];
}
