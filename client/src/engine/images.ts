// Image operations through the engine API (dockerode): list, history, tag, remove, save/load,
// pull/push, prune, build, run. Errors are turned into typed errors the view explains in the
// learner's language. No `vscode` here.
import * as fs from 'node:fs';
import type { Readable } from 'node:stream';
import type Dockerode from 'dockerode';
import type { DockerEngine } from './dockerEngine';
import type { RegistryAuth } from './imagesRegistryAuth';
import { EngineTimeoutError } from './requestTimeout';

export interface ImageContainerRef { id: string; name: string; state: string }

export interface ImageSummary {
  id: string;
  /** "repo:tag" names; empty for a dangling image. */
  repoTags: string[];
  repoDigests: string[];
  size: number;
  /** Seconds since the epoch. */
  created: number;
  labels: Record<string, string>;
  dangling: boolean;
  /** Containers (running or not) made from this image. */
  containers: ImageContainerRef[];
}

export interface ListOptions {
  /** Only images carrying this label (`key` or `key=value`): tests see only what they made. */
  label?: string;
}

/** Why the engine refused: kept apart from the message so the view can explain it. */
export class EngineError extends Error {
  /**
   * The connection fault's code (ECONNREFUSED, ENGINE_TIMEOUT…) when the engine was not reached
   * or did not answer, so classifyEngineError sorts it like any other engine problem.
   */
  code?: string;
  constructor(message: string, readonly statusCode?: number) { super(message); }
}

/** No HTTP answer came back: the engine could not be reached, or did not answer in time. */
function isConnectionFault(e: unknown): boolean {
  return e instanceof EngineTimeoutError || (statusOf(e) === undefined && typeof (e as { code?: unknown })?.code === 'string');
}

/** The engine's refusal, or the connection fault with its code kept. */
function toEngineError(e: unknown): EngineError {
  if (e instanceof EngineError) { return e; }
  const error = new EngineError(engineMessage(e), statusOf(e));
  if (isConnectionFault(e)) { error.code = (e as { code: string }).code; }
  return error;
}

/** An image a container still uses: removing it needs force, or is refused while the container runs. */
export class ImageInUseError extends EngineError {
  constructor(message: string, readonly containers: ImageContainerRef[], readonly cannotForce: boolean) { super(message, 409); }
}

export type RegistryProblem = 'unreachable' | 'notFound' | 'unauthorized' | 'other';

export class RegistryError extends EngineError {
  constructor(message: string, readonly problem: RegistryProblem, readonly registry: string) { super(message); }
}

export class CancelledError extends Error {
  constructor() { super('cancelled'); }
}

/** The engine's own words, without dockerode's "(HTTP code 409) conflict - " wrapping. */
export function engineMessage(e: unknown): string {
  const err = e as { json?: { message?: string } | null; message?: string; reason?: string };
  const text = err?.json?.message ?? err?.message ?? String(e);
  return String(text).replace(/^\(HTTP code \d+\)\s+[^-]*-\s*/, '').trim();
}

function statusOf(e: unknown): number | undefined {
  return (e as { statusCode?: number })?.statusCode;
}

export function isDangling(tags: string[] | null | undefined): boolean {
  return !tags || tags.length === 0 || tags.every((t) => t === '<none>:<none>');
}

export async function listImages(engine: DockerEngine, options: ListOptions = {}): Promise<ImageSummary[]> {
  const filters = options.label ? { label: [options.label] } : undefined;
  const [images, containers] = await Promise.all([
    engine.api.listImages(filters ? { filters } : {}),
    engine.api.listContainers({ all: true }),
  ]);
  const byImage = new Map<string, ImageContainerRef[]>();
  for (const c of containers) {
    const list = byImage.get(c.ImageID) ?? [];
    list.push({ id: c.Id, name: (c.Names?.[0] ?? c.Id.slice(0, 12)).replace(/^\//, ''), state: c.State });
    byImage.set(c.ImageID, list);
  }
  return images.map((i) => ({
    id: i.Id,
    repoTags: (i.RepoTags ?? []).filter((t) => t !== '<none>:<none>'),
    repoDigests: (i.RepoDigests ?? []).filter((d) => d !== '<none>@<none>'),
    size: i.Size,
    created: i.Created,
    labels: i.Labels ?? {},
    dangling: isDangling(i.RepoTags),
    containers: byImage.get(i.Id) ?? [],
  }));
}

export async function containersUsing(engine: DockerEngine, imageId: string): Promise<ImageContainerRef[]> {
  const containers = await engine.api.listContainers({ all: true, filters: { ancestor: [imageId] } });
  return containers
    .filter((c) => c.ImageID === imageId)
    .map((c) => ({ id: c.Id, name: (c.Names?.[0] ?? c.Id.slice(0, 12)).replace(/^\//, ''), state: c.State }));
}

export async function inspectImage(engine: DockerEngine, ref: string): Promise<Dockerode.ImageInspectInfo> {
  try { return await engine.api.getImage(ref).inspect(); } catch (e) { throw toEngineError(e); }
}

export interface RawHistory { Id: string; Created: number; CreatedBy: string; Size: number; Tags: string[] | null; Comment: string }

export async function imageHistory(engine: DockerEngine, ref: string): Promise<Array<{ id: string; created: number; createdBy: string; size: number; tags: string[]; comment: string }>> {
  let rows: RawHistory[];
  try { rows = (await engine.api.getImage(ref).history()) as RawHistory[]; } catch (e) { throw toEngineError(e); }
  return rows.map((r) => ({ id: r.Id, created: r.Created, createdBy: r.CreatedBy ?? '', size: r.Size, tags: r.Tags ?? [], comment: r.Comment ?? '' }));
}

/** `docker image tag SOURCE TARGET`: TARGET without a tag means :latest, like the CLI. */
export async function tagImage(engine: DockerEngine, source: string, target: string): Promise<void> {
  const colon = target.lastIndexOf(':');
  const hasTag = colon > target.lastIndexOf('/');
  const repo = hasTag ? target.slice(0, colon) : target;
  const tag = hasTag ? target.slice(colon + 1) : 'latest';
  try { await engine.api.getImage(source).tag({ repo, tag }); } catch (e) { throw toEngineError(e); }
}

export interface RemoveResult { untagged: string[]; deleted: string[] }

/**
 * `docker image rm [-f] REF`. A conflict with a container becomes ImageInUseError naming the
 * containers; running ones cannot be forced past (the engine refuses, as the CLI shows).
 */
export async function removeImage(engine: DockerEngine, ref: string, options: { force?: boolean } = {}): Promise<RemoveResult> {
  try {
    const out = (await engine.api.getImage(ref).remove({ force: !!options.force })) as Array<{ Untagged?: string; Deleted?: string }>;
    return { untagged: out.flatMap((o) => (o.Untagged ? [o.Untagged] : [])), deleted: out.flatMap((o) => (o.Deleted ? [o.Deleted] : [])) };
  } catch (e) {
    const message = engineMessage(e);
    if (statusOf(e) === 409) {
      let containers: ImageContainerRef[] = [];
      try { containers = await containersUsing(engine, (await engine.api.getImage(ref).inspect()).Id); } catch { /* gone meanwhile */ }
      throw new ImageInUseError(message, containers, /cannot be forced/.test(message));
    }
    throw toEngineError(e);
  }
}

export interface StreamOptions {
  signal?: AbortSignal;
}

/** Reads a JSON-lines progress stream (pull, push, load, build); an `error` message rejects. */
export function readJsonStream(stream: NodeJS.ReadableStream, onMessage: (m: JsonMessage) => void, signal?: AbortSignal): Promise<JsonMessage[]> {
  return new Promise((resolve, reject) => {
    const all: JsonMessage[] = [];
    let buffered = '';
    let failed: JsonMessage | undefined;
    const abort = () => { (stream as unknown as Readable).destroy?.(); reject(new CancelledError()); };
    if (signal?.aborted) { abort(); return; }
    signal?.addEventListener('abort', abort, { once: true });
    const take = (line: string) => {
      if (!line.trim()) { return; }
      let m: JsonMessage;
      try { m = JSON.parse(line) as JsonMessage; } catch { m = { stream: line }; }
      all.push(m);
      if (m.error || m.errorDetail) { failed ??= m; }
      onMessage(m);
    };
    stream.on('data', (chunk: Buffer | string) => {
      buffered += chunk.toString();
      const lines = buffered.split(/\r?\n/);
      buffered = lines.pop() ?? '';
      lines.forEach(take);
    });
    stream.on('end', () => {
      signal?.removeEventListener('abort', abort);
      take(buffered);
      if (failed) { reject(new EngineError(failed.errorDetail?.message ?? failed.error ?? 'failed')); } else { resolve(all); }
    });
    stream.on('error', (e: Error) => {
      signal?.removeEventListener('abort', abort);
      reject(signal?.aborted ? new CancelledError() : toEngineError(e));
    });
  });
}

export interface JsonMessage {
  stream?: string;
  status?: string;
  id?: string;
  progress?: string;
  progressDetail?: { current?: number; total?: number };
  error?: string;
  errorDetail?: { message?: string; code?: number };
  aux?: { ID?: string; Tag?: string; Digest?: string; Size?: number };
}

/**
 * `docker image save REF -o FILE`. `onBytes` reports what was written so far; the image's size
 * is a fair estimate of the total (the tar adds a little). A cancelled save leaves no half file.
 */
export async function saveImage(engine: DockerEngine, ref: string, file: string, options: StreamOptions & { onBytes?: (written: number) => void } = {}): Promise<number> {
  let source: NodeJS.ReadableStream;
  try { source = await engine.api.getImage(ref).get(); } catch (e) { throw toEngineError(e); }
  const out = fs.createWriteStream(file);
  let written = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      const abort = () => { (source as unknown as Readable).destroy(); reject(new CancelledError()); };
      if (options.signal?.aborted) { abort(); return; }
      options.signal?.addEventListener('abort', abort, { once: true });
      source.on('data', (chunk: Buffer) => { written += chunk.length; options.onBytes?.(written); });
      source.on('error', (e: Error) => reject(toEngineError(e)));
      out.on('error', reject);
      out.on('finish', () => { options.signal?.removeEventListener('abort', abort); resolve(); });
      source.pipe(out);
    });
  } catch (e) {
    out.destroy();
    await fs.promises.rm(file, { force: true });
    throw e;
  }
  return written;
}

export interface LoadResult {
  /** "repo:tag" names the archive carried, or image ids for untagged images. */
  loaded: string[];
}

/** `docker image load -i FILE`; `onBytes(read, total)` follows the upload of the file. */
export async function loadImage(engine: DockerEngine, file: string, options: StreamOptions & { onBytes?: (read: number, total: number) => void } = {}): Promise<LoadResult> {
  const total = (await fs.promises.stat(file)).size;
  const input = fs.createReadStream(file);
  let read = 0;
  input.on('data', (chunk) => { read += chunk.length; options.onBytes?.(read, total); });
  let response: NodeJS.ReadableStream;
  try {
    response = await engine.api.loadImage(input, { quiet: false, abortSignal: options.signal } as object);
  } catch (e) {
    input.destroy();
    if (options.signal?.aborted) { throw new CancelledError(); }
    throw toEngineError(e);
  }
  const messages = await readJsonStream(response, () => undefined, options.signal);
  const loaded: string[] = [];
  for (const m of messages) {
    const text = m.stream ?? '';
    for (const line of text.split('\n')) {
      const tagged = /^Loaded image: (.+)$/.exec(line.trim());
      const byId = /^Loaded image ID: (.+)$/.exec(line.trim());
      if (tagged) { loaded.push(tagged[1]); } else if (byId) { loaded.push(byId[1]); }
    }
  }
  return { loaded };
}

/** Sorts a registry's refusal into what a learner can act on. */
export function classifyRegistryError(message: string, registry: string): RegistryError {
  let problem: RegistryProblem = 'other';
  if (/no such host|dial tcp|i\/o timeout|connection refused|network is unreachable|TLS handshake timeout|server misbehaving|Client\.Timeout|no route to host|temporary failure in name resolution/i.test(message)) {
    problem = 'unreachable';
  } else if (/unauthorized|authentication required|requested access to the resource is denied|denied:/i.test(message)) {
    problem = 'unauthorized';
  } else if (/not found|manifest unknown|does not exist|pull access denied/i.test(message)) {
    problem = 'notFound';
  }
  return new RegistryError(message, problem, registry);
}

export interface PullPushProgress {
  /** The latest status per layer id ("Downloading", "Pushed"…), and the overall line. */
  status: string;
  layer?: string;
  current?: number;
  total?: number;
}

function authConfig(auth: RegistryAuth | undefined): object | undefined {
  if (!auth) { return undefined; }
  return { username: auth.username, password: auth.password, identitytoken: auth.identitytoken, serveraddress: auth.serveraddress };
}

/** `docker image pull REF`: the engine's progress stream; registry failures become RegistryError. */
export async function pullImage(engine: DockerEngine, ref: string, registry: string, options: StreamOptions & { auth?: RegistryAuth; onProgress?: (p: PullPushProgress) => void } = {}): Promise<void> {
  let stream: NodeJS.ReadableStream;
  try {
    stream = await engine.api.pull(ref, { abortSignal: options.signal, authconfig: authConfig(options.auth) } as object);
  } catch (e) {
    if (options.signal?.aborted) { throw new CancelledError(); }
    if (isConnectionFault(e)) { throw toEngineError(e); }
    throw classifyRegistryError(engineMessage(e), registry);
  }
  try {
    await readJsonStream(stream, (m) => {
      if (m.status) { options.onProgress?.({ status: m.status, layer: m.id, current: m.progressDetail?.current, total: m.progressDetail?.total }); }
    }, options.signal);
  } catch (e) {
    if (e instanceof CancelledError || (e instanceof EngineError && e.code)) { throw e; }
    throw classifyRegistryError(engineMessage(e), registry);
  }
}

/** `docker image push REF`, with the credentials `docker login` stored. */
export async function pushImage(engine: DockerEngine, ref: string, registry: string, options: StreamOptions & { auth?: RegistryAuth; onProgress?: (p: PullPushProgress) => void } = {}): Promise<string | undefined> {
  let stream: NodeJS.ReadableStream;
  try {
    stream = await engine.api.getImage(ref).push({ abortSignal: options.signal, authconfig: authConfig(options.auth) ?? {} } as object);
  } catch (e) {
    if (options.signal?.aborted) { throw new CancelledError(); }
    if (statusOf(e) === 404 || isConnectionFault(e)) { throw toEngineError(e); }
    throw classifyRegistryError(engineMessage(e), registry);
  }
  let digest: string | undefined;
  try {
    await readJsonStream(stream, (m) => {
      if (m.aux?.Digest) { digest = m.aux.Digest; }
      if (m.status) { options.onProgress?.({ status: m.status, layer: m.id, current: m.progressDetail?.current, total: m.progressDetail?.total }); }
    }, options.signal);
  } catch (e) {
    if (e instanceof CancelledError || (e instanceof EngineError && e.code)) { throw e; }
    throw classifyRegistryError(engineMessage(e), registry);
  }
  return digest;
}

/** Dangling images no container uses: exactly what `docker image prune` would remove. */
export async function danglingImages(engine: DockerEngine, options: ListOptions = {}): Promise<ImageSummary[]> {
  return (await listImages(engine, options)).filter((i) => i.dangling && i.containers.length === 0);
}

/**
 * Removes exactly `ids` (the list the learner confirmed), not whatever became dangling since:
 * the result says what went and what the engine kept, with its reason.
 */
export async function pruneImages(engine: DockerEngine, ids: string[]): Promise<{ removed: string[]; failed: Array<{ id: string; message: string }>; reclaimed: number }> {
  const removed: string[] = [];
  const failed: Array<{ id: string; message: string }> = [];
  let reclaimed = 0;
  for (const id of ids) {
    try {
      const size = (await engine.api.getImage(id).inspect()).Size;
      await engine.api.getImage(id).remove({ force: false });
      removed.push(id); reclaimed += size;
    } catch (e) { failed.push({ id, message: engineMessage(e) }); }
  }
  return { removed, failed, reclaimed };
}

export interface BuildRequest {
  /** The context tar (buildContext.ts). */
  context: Readable;
  /** The Dockerfile's path inside the context (posix). */
  dockerfile: string;
  tags: string[];
  target?: string;
  buildArgs?: Record<string, string>;
  labels?: Record<string, string>;
  signal?: AbortSignal;
  onMessage?: (m: JsonMessage) => void;
}

export interface BuildOutcome {
  imageId?: string;
  /** The engine's error, when the build failed. */
  error?: string;
  /** The connection fault's code when the engine was not reached or did not answer (see EngineError.code). */
  errorCode?: string;
  messages: JsonMessage[];
}

/** POST /build with the classic builder; resolves with the outcome rather than throwing on a failed step. */
export async function buildImage(engine: DockerEngine, request: BuildRequest): Promise<BuildOutcome> {
  let stream: NodeJS.ReadableStream;
  const options: Record<string, unknown> = {
    t: request.tags, dockerfile: request.dockerfile, rm: true, forcerm: true, abortSignal: request.signal,
  };
  if (request.target) { options.target = request.target; }
  if (request.buildArgs && Object.keys(request.buildArgs).length) { options.buildargs = request.buildArgs; }
  if (request.labels && Object.keys(request.labels).length) { options.labels = request.labels; }
  try {
    stream = await engine.api.buildImage(request.context as unknown as NodeJS.ReadableStream, options as Dockerode.ImageBuildOptions);
  } catch (e) {
    if (request.signal?.aborted) { throw new CancelledError(); }
    const error = toEngineError(e);
    return { error: error.message, ...(error.code ? { errorCode: error.code } : {}), messages: [] };
  }
  const messages: JsonMessage[] = [];
  let imageId: string | undefined;
  try {
    await readJsonStream(stream, (m) => {
      messages.push(m);
      if (m.aux?.ID) { imageId = m.aux.ID; }
      request.onMessage?.(m);
    }, request.signal);
  } catch (e) {
    if (e instanceof CancelledError) { throw e; }
    return { error: e instanceof Error ? e.message : String(e), messages, imageId: undefined };
  }
  return { imageId, messages };
}

/** `docker container run -d …`: create and start; the container's id. */
export async function runDetached(engine: DockerEngine, create: Dockerode.ContainerCreateOptions): Promise<string> {
  try {
    const container = await engine.api.createContainer(create);
    try { await container.start(); } catch (e) {
      throw toEngineError(e);
    }
    return container.id;
  } catch (e) {
    if (e instanceof EngineError) { throw e; }
    throw toEngineError(e);
  }
}

export interface InteractiveSession {
  id: string;
  /** Raw terminal bytes both ways (the container has a TTY, so nothing is multiplexed). */
  stream: NodeJS.ReadWriteStream;
  resize(rows: number, columns: number): Promise<void>;
  /** Resolves with the exit code when the container stops. */
  exited: Promise<number>;
}

/** `docker container run -it …`: create with a TTY, attach before starting so no output is lost. */
export async function runInteractive(engine: DockerEngine, create: Dockerode.ContainerCreateOptions): Promise<InteractiveSession> {
  try {
    const container = await engine.api.createContainer(create);
    const stream = await container.attach({ stream: true, stdin: true, stdout: true, stderr: true, hijack: true });
    const exited = container.wait().then((r: { StatusCode: number }) => r.StatusCode);
    await container.start();
    return {
      id: container.id, stream, exited,
      resize: async (rows, columns) => { await container.resize({ h: rows, w: columns }).catch(() => undefined); },
    };
  } catch (e) {
    throw toEngineError(e);
  }
}
