// Why the engine cannot be reached, sorted into the few cases a learner can act on. The view turns
// the kind into words (containers/texts.ts); this file stays free of vscode for unit tests.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EndpointError } from './endpoint';

export type EngineProblemKind =
  | 'config'          // the host setting / DOCKER_HOST / context cannot be used
  | 'notRunning'      // nothing listens at the socket, but Docker (or Podman) is installed
  | 'notInstalled'    // no socket and no docker, dockerd or podman program on PATH
  | 'permission'      // the socket exists but this user may not open it (docker group)
  | 'refused'         // tcp:// host answers but nothing listens on that port
  | 'hostUnreachable' // tcp:// or ssh:// host cannot be found or reached
  | 'noAnswer'        // something accepted the connection but never answered (EngineTimeoutError)
  | 'tls'             // certificates do not match
  | 'ssh'             // ssh login failed
  | 'other';

export interface EngineProblem {
  kind: EngineProblemKind;
  /** The error as the system or the engine reported it. */
  detail: string;
}

export interface ProblemContext {
  /** Whether a program of this name is on PATH. */
  hasProgram(name: string): boolean;
}

export function classifyEngineError(error: unknown, ctx: ProblemContext): EngineProblem {
  const e = (error ?? {}) as { code?: unknown; message?: unknown; level?: unknown; errno?: unknown };
  const detail = typeof e.message === 'string' && e.message ? e.message : String(error);
  const code = typeof e.code === 'string' ? e.code : '';
  if (error instanceof EndpointError) { return { kind: 'config', detail }; }
  if (code === 'ENOENT') {
    const installed = ['docker', 'dockerd', 'podman'].some((p) => ctx.hasProgram(p));
    return { kind: installed ? 'notRunning' : 'notInstalled', detail };
  }
  if (code === 'ENGINE_TIMEOUT') { return { kind: 'noAnswer', detail }; }
  if (code === 'EACCES' || code === 'EPERM') { return { kind: 'permission', detail }; }
  if (code === 'ECONNREFUSED') { return { kind: /connect ECONNREFUSED \//.test(detail) ? 'notRunning' : 'refused', detail }; }
  if (['ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'ECONNRESET'].includes(code)) { return { kind: 'hostUnreachable', detail }; }
  // ERR_OSSL_*: OpenSSL could not use ca.pem, cert.pem or key.pem at all (not PEM, wrong key).
  if (/CERT|SELF_SIGNED|DEPTH_ZERO|ERR_SSL|ERR_TLS|ERR_OSSL/.test(code) || /certificate|(SSL|PEM|DECODER|X509) routines/i.test(detail)) { return { kind: 'tls', detail }; }
  if (e.level === 'client-authentication' || e.level === 'client-socket' || /authentication methods failed|ssh/i.test(detail)) { return { kind: 'ssh', detail }; }
  return { kind: 'other', detail };
}

/** Looks for `name` in the PATH directories, like `which`. */
export function programOnPath(name: string, env: Record<string, string | undefined> = process.env, platform = process.platform): boolean {
  const dirs = (env.PATH ?? env.Path ?? '').split(path.delimiter).filter(Boolean);
  const exts = platform === 'win32' ? ['.exe', '.cmd', ''] : [''];
  return dirs.some((d) => exts.some((x) => { try { fs.accessSync(path.join(d, name + x), fs.constants.X_OK); return true; } catch { return false; } }));
}
