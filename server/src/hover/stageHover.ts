// Hovers on build stages (`FROM … AS name`, `--from=name`, `from=name` in a mount) and on image
// references (the image in FROM, or a --from that names no stage).
import type { Language } from '../i18n/language';
import { DocumentIndex, Stage, stageUsers } from './documentIndex';
import { code } from './markdown';
import { msg } from './messages';
import { stageLabel } from './variableHover';

const MAX_USES = 20;

export interface ImageRef {
  registry: string;
  registryDefault: boolean;
  namespace?: string;
  namespaceDefault: boolean;
  repository: string;
  tag?: string;
  tagDefault: boolean;
  digest?: string;
  /** Fully qualified: `docker.io/library/alpine:latest`. */
  full: string;
}

/**
 * Splits a reference the way Docker does: the first path component is a registry only when it looks like
 * a host (has a `.` or `:`, or is `localhost`); otherwise the registry is Docker Hub, where a single
 * component means an official image in `library/`. No tag and no digest means `:latest`.
 */
export function parseImageRef(reference: string): ImageRef | undefined {
  const ref = reference.trim();
  if (!ref || /\s/.test(ref)) { return undefined; }
  const at = ref.indexOf('@');
  const nameTag = at >= 0 ? ref.slice(0, at) : ref;
  const digest = at >= 0 ? ref.slice(at + 1) : undefined;
  const slash = nameTag.lastIndexOf('/');
  const colon = nameTag.lastIndexOf(':');
  const hasTag = colon > slash;
  const name = hasTag ? nameTag.slice(0, colon) : nameTag;
  const explicitTag = hasTag ? nameTag.slice(colon + 1) : undefined;
  const parts = name.split('/');
  if (parts.some((p) => p === '')) { return undefined; }
  let registry = 'docker.io';
  let registryDefault = true;
  if (parts.length > 1 && (/[.:]/.test(parts[0]) || parts[0] === 'localhost')) {
    registry = parts.shift()!;
    registryDefault = false;
    if (registry === 'index.docker.io' || registry === 'registry-1.docker.io') { registry = 'docker.io'; }
  }
  const repository = parts.pop()!;
  let namespace: string | undefined = parts.join('/') || undefined;
  let namespaceDefault = false;
  if (!namespace && registry === 'docker.io') { namespace = 'library'; namespaceDefault = true; }
  const tagDefault = explicitTag === undefined && digest === undefined;
  const tag = explicitTag ?? (tagDefault ? 'latest' : undefined);
  const full = `${registry}/${namespace ? `${namespace}/` : ''}${repository}${tag ? `:${tag}` : ''}${digest ? `@${digest}` : ''}`;
  return { registry, registryDefault, namespace, namespaceDefault, repository, tag, tagDefault, digest, full };
}

export function imageMarkdown(written: string, expanded: string, language: Language): string {
  const t = (key: string, params: Record<string, string | number> = {}): string => msg(language, key, params);
  const out = [t('image.heading', { ref: code(written) })];
  if (expanded !== written) { out.push(t('image.expanded', { ref: code(expanded) })); }
  if (expanded.toLowerCase() === 'scratch') {
    out.push(t('image.scratch'));
    return out.join('\n\n');
  }
  if (expanded.includes('$')) { out.push(t('image.unresolved')); }
  const ref = parseImageRef(expanded);
  if (!ref) { out.push(t('image.invalid')); return out.join('\n\n'); }
  const cell = (value: string | undefined, isDefault: boolean, defaultKey = 'image.default'): string => {
    if (value === undefined) { return t('image.none'); }
    return isDefault ? t(defaultKey, { value: code(value) }) : code(value);
  };
  out.push([
    `| ${t('image.part')} | ${t('image.value')} |`,
    '|---|---|',
    `| ${t('image.registry')} | ${cell(ref.registry, ref.registryDefault, 'image.default.registry')} |`,
    `| ${t('image.namespace')} | ${cell(ref.namespace, ref.namespaceDefault, 'image.default.namespace')} |`,
    `| ${t('image.repository')} | ${code(ref.repository)} |`,
    `| ${t('image.tag')} | ${cell(ref.tag, ref.tagDefault, 'image.default.tag')} |`,
    `| ${t('image.digest')} | ${cell(ref.digest, false)} |`,
  ].join('\n'));
  out.push(t('image.full', { full: code(ref.full) }));
  if (ref.tagDefault) { out.push(t('image.latestNote')); }
  if (ref.digest) { out.push(t('image.digestNote')); }
  return out.join('\n\n');
}

const USE_KEYS: Record<string, string> = { from: 'stage.use.from', copy: 'stage.use.copy', mount: 'stage.use.mount' };

export function stageMarkdown(index: DocumentIndex, stage: Stage, firstLineOf: (line: number) => string, language: Language, byNumber = false): string {
  const t = (key: string, params: Record<string, string | number> = {}): string => msg(language, key, params);
  const total = index.stages.length;
  const name = stage.name ? code(stage.name) : t('stage.noName', { index: stage.index });
  const out = [t('stage.heading', { name, line: stage.line + 1, position: stage.index + 1, total })];
  if (stage.parent !== undefined) {
    const parent = index.stages[stage.parent];
    out.push(t('stage.baseStage', { stage: stageLabel(language, parent), line: parent.line + 1 }));
  } else {
    const image = stage.image === stage.imageExpanded ? code(stage.image) : `${code(stage.image)} → ${code(stage.imageExpanded)}`;
    out.push(t('stage.baseImage', { image }));
  }
  const users = stageUsers(index, stage);
  if (users.length) {
    const lines = users.slice(0, MAX_USES).map((u) => `- ${t(USE_KEYS[u.kind], { line: u.line + 1, text: code(firstLineOf(u.line).trim()) })}`);
    if (users.length > MAX_USES) { lines.push(`- ${t('stage.moreUses', { count: users.length - MAX_USES })}`); }
    out.push(`${t('stage.usedBy')}\n\n${lines.join('\n')}`);
  }
  if (stage.index === total - 1) {
    out.push(t('stage.final'));
  } else if (!users.length) {
    out.push(stage.name ? t('stage.unused', { target: code(`docker build --target ${stage.name} .`) }) : t('stage.unusedUnnamed'));
  }
  if (byNumber) { out.push(t('stage.byNumber', { index: stage.index })); }
  return out.join('\n\n');
}
