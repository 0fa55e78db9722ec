// Diagnostics off the main thread: the language server posts each document version here and keeps
// answering hovers while this computes. One incremental syntax validator per open document.
import { installFastInstructionArguments } from '../features/instructionArguments'; installFastInstructionArguments();
import * as os from 'node:os';
import * as v8 from 'node:v8';
import { parentPort } from 'node:worker_threads';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DockerfileLanguageServiceFactory } from 'dockerfile-language-service';
import { ParsedDocument } from '../documents/parsedDocument';
import { computeDiagnostics } from '../diagnostics/computeDiagnostics';
import { ChunkedSyntaxValidator } from './chunkedValidation';
import { IdleCollection, workerCollectionHooks } from './idleCollection';
import { keepNewest, keepValidationShapes } from './keptShapes';
import type { WorkerJob, WorkerMessage } from './diagnosticsScheduler';
import { applyDelta, composeAll, type TextDelta } from '../documents/textDelta';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { DockerfileModel } from '../diagnostics/model/model';
import { scannedLineStarts, type DockerfileLike, type ScanBase } from '../documents/instructionScanner';
import { patchLines } from '../documents/lineStarts';

// On a busy machine (two cores: this thread, the server's main thread, the editor) the main thread must
// win the CPU: it answers hovers and completions while this validates. Linux keeps the nice value per
// thread, and setpriority on "this process" (pid 0) from a thread changes only that thread. Elsewhere it
// would lower the whole server, so only on Linux; DOCKER_LEARNING_WORKER_NICE=0 leaves it (for comparing).
const NICE = Number(process.env.DOCKER_LEARNING_WORKER_NICE ?? os.constants.priority.PRIORITY_BELOW_NORMAL);
if (process.platform === 'linux' && NICE > 0) {
  try { os.setPriority(NICE); } catch { /* not permitted: validate at the normal priority */ }
}

keepValidationShapes();
const service = DockerfileLanguageServiceFactory.createLanguageService();
/** DOCKER_LEARNING_TRACE=1: one line per validation on stderr (time, reuse), for profiling. */
const TRACE = process.env.DOCKER_LEARNING_TRACE === '1';
/** Everything this worker keeps per open document between its versions. */
interface DocumentState {
  /** The version and text it last saw (jobs after the first carry only a delta), and that text's scan. */
  version: number;
  text: string;
  tree?: DockerfileLike;
  /** That text split at \n (the next version's are patched from them: patchLines). */
  lines?: string[];
  /** Chunk results of the last run (incremental syntax validation). */
  validator: ChunkedSyntaxValidator;
  /** The rules model of the last version (the next one takes over unchanged instructions). */
  modelHolder: { model?: DockerfileModel };
}
const documents = new Map<string, DocumentState>();
/**
 * A full collection while idle once the old generation has grown by a quarter of what was live after the
 * last one, and at least 4 MB (incremental/idleCollection.ts); DOCKER_LEARNING_WORKER_IDLE_GC_MB=0 leaves it
 * to V8, DOCKER_LEARNING_WORKER_IDLE_GC_SHARE=0 makes it a fixed number of MB (for comparing).
 */
const idleCollection = new IdleCollection(Number(process.env.DOCKER_LEARNING_WORKER_IDLE_GC_MB ?? 4),
  workerCollectionHooks(TRACE ? (m) => process.stderr.write(`[validation] ${m}\n`) : undefined),
  Number(process.env.DOCKER_LEARNING_WORKER_IDLE_GC_SHARE ?? 0.25));

/**
 * From this many characters a document's first (whole-text) validation is followed, when no other job is
 * waiting, by one more of the same text arrived at through an edit (a character replaced by itself, in
 * the middle): the first real keystroke on a big file otherwise runs the incremental paths (the scan's
 * resync, the model's take-over, the chunk pass's cache, patchLines) for the first time, unoptimized:
 * 25,011 lines, ~110 ms for that keystroke in the worker instead of ~25.
 */
const WARM_UP_FROM = 64 * 1024;

type Job = Pick<WorkerJob, 'uri' | 'version' | 'language' | 'ruleSettings'>;

/** Validates `text` as the document's new state (from `state` and the delta that made it, when known). */
function validate(job: Job, text: string, state: DocumentState | undefined, delta: TextDelta | undefined, what = ''): { current: DocumentState; diagnostics: Diagnostic[]; logs: string[] } {
  let scanBase: ScanBase | undefined;
  let lines: string[] | undefined;
  if (state && delta) {
    // The previous state is replaced by this one: its scan may be consumed (ScanBase.consume).
    if (state.tree) { scanBase = { text: state.text, tree: state.tree, delta, consume: true }; }
    // A scan's line starts are split('\n')'s (a scan means no lone \r).
    const starts = state.tree && scannedLineStarts(state.tree);
    if (starts && state.lines) { lines = patchLines(state.lines, state.text, starts, delta, true); }
  }
  const current: DocumentState = { version: job.version, text, validator: state?.validator ?? new ChunkedSyntaxValidator(service), modelHolder: state?.modelHolder ?? {} };
  documents.set(job.uri, current);
  const logs: string[] = [];
  const doc = new ParsedDocument(TextDocument.create(job.uri, 'dockerfile', job.version, text));
  doc.scanBase = scanBase;
  if (lines) { doc.adoptLines(lines); }
  const started = TRACE ? performance.now() : 0;
  const diagnostics = computeDiagnostics(doc, { service, language: job.language, log: (m) => logs.push(m), ruleSettings: job.ruleSettings, incremental: current.validator, modelHolder: current.modelHolder });
  current.tree = doc.rulesTree;
  current.lines = doc.lines;
  if (TRACE) {
    const { model } = current.modelHolder;
    const mb = (name: string): string => ((v8.getHeapSpaceStatistics().find((s) => s.space_name === name)?.space_size ?? 0) / 2 ** 20).toFixed(1);
    process.stderr.write(`[validation] ${job.uri} v${job.version}${what}: ${(performance.now() - started).toFixed(1)} ms, model took over ${model?.reused ?? 0}/${model?.instructions.length ?? 0} instructions, ${current.validator.lastValidated}/${current.validator.lastChunks} chunks validated; heap: new ${mb('new_space')} MB, old ${mb('old_space')} MB\n`);
  }
  return { current, diagnostics, logs };
}

parentPort?.on('message', (message: WorkerJob | { close: string }) => {
  if ('close' in message) { documents.delete(message.close); return; }
  // Its objects come from the main thread (deserialized): kept, their layouts stay known to the optimized code.
  keepNewest('job', message);
  const state = documents.get(message.uri);
  if ('deltas' in message) {
    if (!state || state.version !== message.baseVersion) {
      // Cannot happen while messages arrive in order; ask for the whole text rather than validate a wrong one.
      const answer: WorkerMessage = { uri: message.uri, version: message.version, diagnostics: [], logs: [`validation worker: no text of version ${message.baseVersion} for ${message.uri}; asking for the whole text`], resend: true };
      parentPort!.postMessage(answer);
      return;
    }
    // The incremental scan redoes the region one delta spans: several are composed into one.
    const { diagnostics, logs } = validate(message, message.deltas.reduce(applyDelta, state.text), state, composeAll(state.text, message.deltas));
    parentPort!.postMessage({ uri: message.uri, version: message.version, diagnostics, logs } satisfies WorkerMessage);
  } else {
    const { current, diagnostics, logs } = validate(message, message.text, undefined, undefined);
    parentPort!.postMessage({ uri: message.uri, version: message.version, diagnostics, logs } satisfies WorkerMessage);
    if (message.text.length >= WARM_UP_FROM) { setImmediate(() => warmUp(message, current)); }
  }
  idleCollection.afterJob();
});

/** The same text again through an edit (see WARM_UP_FROM), unless a job came for the document meanwhile. */
function warmUp(job: Job, state: DocumentState): void {
  if (documents.get(job.uri) !== state) { return; }
  const middle = state.text.length >> 1;
  try {
    validate(job, state.text, state, { start: middle, end: middle + 1, text: state.text[middle] }, ' (warm-up)');
  } catch {
    // Nobody asked for it: the next real job validates as it would have.
    documents.set(job.uri, state);
  }
  // The first validation and this one leave ~10 MB of garbage on 25,011 lines: collected now, not during
  // the learner's first keystrokes.
  idleCollection.afterJob(true);
}

// Loaded: the scheduler may now send it documents of any size.
parentPort?.postMessage({ ready: true });
