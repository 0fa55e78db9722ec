// Whether an action failed on the way to the engine (nothing listens, permission, TLS, SSH, no
// answer) rather than being refused by it. Only such a fault gets the view's advice: when the engine
// answered (an HTTP status), its own words say what is wrong, and a word like "ssh" or "certificate"
// in them (an image named openssh, a registry's x509 error) is not about reaching the engine.
// Pure: no `vscode`.
import { classifyEngineError, type EngineProblemKind, type ProblemContext } from '../../engine/engineProblem';
import { EndpointError } from '../../engine/endpoint';

export function connectionProblemKind(error: unknown, ctx: ProblemContext): EngineProblemKind {
  const e = (error ?? {}) as { statusCode?: unknown; code?: unknown; level?: unknown; path?: unknown; syscall?: unknown };
  if (typeof e.statusCode === 'number') { return 'other'; }
  // A file the action reads or writes (save to a folder it may not write, a build context file):
  // its ENOENT or EACCES says nothing about the engine. A system call on a file names its path; a
  // connection names an address.
  if (typeof e.syscall === 'string' && typeof e.path === 'string') { return 'other'; }
  // A system error (ECONNREFUSED, ENOENT, ERR_TLS_…), the engine's timeout, an ssh2 login failure,
  // or a host setting that cannot be used: anything else was raised by our own code.
  const fault = error instanceof EndpointError || typeof e.level === 'string' || (typeof e.code === 'string' && e.code !== 'INVALID_OPTION' && e.code !== 'CONTAINER_GONE');
  return fault ? classifyEngineError(error, ctx).kind : 'other';
}
