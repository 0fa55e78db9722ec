// Image references the way Docker reads them ([registry/]path[:tag][@digest]), and the checks a
// learner's input gets before it reaches the engine. Pure: no `vscode`.
import { plainTranslate, type Translate } from './format';

export interface ImageRef {
  /** Registry host[:port] when the name names one (contains "." or ":", or is localhost). */
  domain?: string;
  /** Repository path without the registry: "nginx", "account/nginx". */
  path: string;
  tag?: string;
  digest?: string;
}

export const DOCKER_HUB = 'docker.io';

const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const DOMAIN = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:.]+\])(?::[0-9]+)?$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-fA-F0-9]{32,}$/;

/** Splits without judging: a tag is the part after the last ":" that follows the last "/". */
export function splitImageRef(ref: string): ImageRef {
  let rest = ref.trim();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) { digest = rest.slice(at + 1); rest = rest.slice(0, at); }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) { tag = rest.slice(colon + 1); rest = rest.slice(0, colon); }
  let domain: string | undefined;
  const slash = rest.indexOf('/');
  if (slash >= 0) {
    const first = rest.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase()) {
      domain = first; rest = rest.slice(slash + 1);
    }
  }
  return { domain, path: rest, tag, digest };
}

/** The registry a reference is pushed to or pulled from: its domain, else Docker Hub. */
export function registryOf(ref: string): string {
  return splitImageRef(ref).domain ?? DOCKER_HUB;
}

/** repository without tag or digest, as `docker image ls` shows it in REPOSITORY. */
export function repositoryOf(ref: string): string {
  const r = splitImageRef(ref);
  return r.domain ? `${r.domain}/${r.path}` : r.path;
}

/** Adds ":latest" when no tag or digest is given, like the CLI does. */
export function withDefaultTag(ref: string): string {
  const r = splitImageRef(ref);
  return r.tag || r.digest ? ref.trim() : `${ref.trim()}:latest`;
}

export interface RefRules {
  /** Digests (`@sha256:…`) are fine for pull and run, not for a tag's target. */
  allowDigest?: boolean;
}

/** What is wrong with `ref` as an image name, in the learner's language; undefined when fine. */
export function imageRefProblem(ref: string, t: Translate = plainTranslate, rules: RefRules = {}): string | undefined {
  const value = ref.trim();
  if (!value) { return t('Enter an image name such as account/nginx:v1'); }
  if (/\s/.test(value)) { return t('An image name has no spaces'); }
  const r = splitImageRef(value);
  if (r.digest !== undefined) {
    if (!rules.allowDigest) { return t('A digest (@sha256:…) cannot be used here: give a tag instead, like :v1'); }
    if (!DIGEST.test(r.digest)) { return t('"{0}" is not a digest (sha256: followed by hex digits)', r.digest); }
  }
  if (r.tag !== undefined && !TAG.test(r.tag)) {
    return t('"{0}" is not a valid tag: letters, digits, _, . and -, at most 128, not starting with . or -', r.tag);
  }
  // Docker would read "Account/app" as a registry host named Account: for a learner that is a typo.
  if (r.domain !== undefined && !/[.:]/.test(r.domain) && r.domain !== 'localhost') {
    return t('Repository names must be lowercase: {0}', `${r.domain.toLowerCase()}/${r.path.toLowerCase()}`);
  }
  if (r.domain !== undefined && !DOMAIN.test(r.domain)) { return t('"{0}" is not a valid registry host', r.domain); }
  if (!r.path) { return t('The repository name is missing'); }
  if (r.path !== r.path.toLowerCase()) { return t('Repository names must be lowercase: {0}', r.path.toLowerCase()); }
  for (const component of r.path.split('/')) {
    if (!PATH_COMPONENT.test(component)) {
      return t('"{0}" is not a valid name part: lowercase letters and digits, separated by ., _, __ or -', component);
    }
  }
  const name = r.domain ? `${r.domain}/${r.path}` : r.path;
  if (name.length > 255) { return t('An image name is at most 255 characters'); }
  return undefined;
}

/**
 * Why a push of `ref` would go nowhere useful: Docker Hub names need `account/name:tag`
 * (a bare "nginx" means the official library, which only Docker can push to).
 */
export function pushNamingProblem(ref: string, t: Translate = plainTranslate): string | undefined {
  const r = splitImageRef(ref);
  if (r.domain === undefined && !r.path.includes('/')) {
    return t('"{0}" has no account: Docker Hub only accepts account/name:tag (for example youraccount/{1}:{2}). Tag the image with your account first.', ref, r.path, r.tag ?? 'v1');
  }
  return undefined;
}
