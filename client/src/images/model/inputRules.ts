// Every learner input that ends up in an engine call, checked in one place before any call: image
// references, tags, container names, port mappings, KEY=value lists and build args. Input boxes use
// these as `validateInput`, and the command paths run them again on arguments passed
// programmatically (executeCommand), which never saw an input box. Pure: no `vscode`.
import { plainTranslate, type Translate } from './format';
import { containerNameProblem, envListProblem, envProblem, parsePort, portsProblem } from './runCommand';
import { imageRefProblem } from './imageRef';

export { containerNameProblem, envListProblem, envProblem, imageRefProblem, parsePort, portsProblem };

/** A list of strings, as programmatic callers must pass ports and env; anything else is refused. */
function stringListProblem(value: unknown, what: string, t: Translate): string | undefined {
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) { return undefined; }
  return t('{0} must be text or a list of texts', what);
}

/** `--publish` values as a program may pass them: "80:80 443:443" or ["80:80", "443:443"]. */
export function portListProblem(value: unknown, t: Translate = plainTranslate): string | undefined {
  if (value === undefined) { return undefined; }
  if (typeof value === 'string') { return portsProblem(value, t); }
  return stringListProblem(value, '--publish', t) ?? (value as string[]).map((p) => {
    if (/[\s,]/.test(p.trim())) { return t('"{0}" is not a port mapping: write HOST:CONTAINER, for example 8080:80', p); }
    const r = parsePort(p, t);
    return typeof r === 'string' ? r : undefined;
  }).find(Boolean);
}

/** `--env` values as a program may pass them: "A=1 B=2" or ["A=1", "B=two words"]. */
export function envEntriesProblem(value: unknown, t: Translate = plainTranslate): string | undefined {
  if (value === undefined) { return undefined; }
  if (typeof value === 'string') { return envProblem(value, t); }
  return stringListProblem(value, '--env', t) ?? envListProblem(value as string[], t);
}

/**
 * `--build-arg KEY=value` as a record. Docker reads up to the first "=" as the name, so a name with
 * "=" or a space could never be matched by an ARG instruction.
 */
export function buildArgsProblem(value: unknown, t: Translate = plainTranslate): string | undefined {
  if (value === undefined) { return undefined; }
  if (!value || typeof value !== 'object' || Array.isArray(value)) { return t('Build arguments must be given as KEY=value pairs'); }
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (!key || /[\s=]/.test(key)) { return t('"{0}" is not a build argument name: no spaces and no =', key); }
    if (typeof v !== 'string') { return t('The value of build argument {0} must be text', key); }
  }
  return undefined;
}
