// Input checks that mirror the engine's own rules, so a learner hears why before the engine says no.

/** Docker's container name rule: `[a-zA-Z0-9][a-zA-Z0-9_.-]+` (so at least two characters). */
export function containerNameProblem(name: string): 'empty' | 'invalid' | undefined {
  if (!name) { return 'empty'; }
  return /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/.test(name) ? undefined : 'invalid';
}

export type RepoTagProblem = 'empty' | 'uppercase' | 'digest' | 'invalid';

const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const DOMAIN = '(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?)';
const REPO = new RegExp(`^(?:${DOMAIN}/)?${COMPONENT}(?:/${COMPONENT})*$`);
const TAG = /^[\w][\w.-]{0,127}$/;

/**
 * `repository[:tag]` as `docker container commit` takes it. The tag defaults to latest, like the CLI.
 * A colon after the last slash starts the tag; one before it belongs to a registry port.
 */
export function parseRepoTag(input: string): { repo: string; tag: string } | { problem: RepoTagProblem } {
  const text = input.trim();
  if (!text) { return { problem: 'empty' }; }
  if (text.includes('@')) { return { problem: 'digest' }; }
  const slash = text.lastIndexOf('/');
  const colon = text.lastIndexOf(':');
  const hasTag = colon > slash;
  const repo = hasTag ? text.slice(0, colon) : text;
  const tag = hasTag ? text.slice(colon + 1) : 'latest';
  // Only a registry host (it has a dot or a port, or is localhost) may have capitals.
  const first = repo.split('/')[0];
  const hasDomain = repo.includes('/') && (/[.:]/.test(first) || first === 'localhost');
  if (/[A-Z]/.test(hasDomain ? repo.slice(first.length) : repo)) { return { problem: 'uppercase' }; }
  if (!REPO.test(repo) || !TAG.test(tag)) { return { problem: 'invalid' }; }
  return { repo, tag };
}
