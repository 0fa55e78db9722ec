// Diagnostics off the main thread: the language server posts each document version here and keeps
// answering hovers while this computes. One incremental syntax validator per open document.
import { installFastInstructionArguments } from '../features/instructionArguments'; installFastInstructionArguments();
import { parentPort } from 'node:worker_threads';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DockerfileLanguageServiceFactory } from 'dockerfile-language-service';
import { ParsedDocument } from '../documents/parsedDocument';
import { computeDiagnostics } from '../diagnostics/computeDiagnostics';
import { ChunkedSyntaxValidator } from './chunkedValidation';
import type { DiagnosticsJob, WorkerJob, WorkerMessage } from './diagnosticsScheduler';
import { applyDelta } from '../documents/textDelta';
import type { DockerfileModel } from '../diagnostics/model/model';
import type { DockerfileLike, ScanBase } from '../documents/instructionScanner';

const service = DockerfileLanguageServiceFactory.createLanguageService();
/** DOCKER_LEARNING_TRACE=1: one line per validation on stderr (time, reuse), for profiling. */
const TRACE = process.env.DOCKER_LEARNING_TRACE === '1';
const validators = new Map<string, ChunkedSyntaxValidator>();

/** The text of each open document as this worker last saw it (jobs after the first carry only a delta). */
const texts = new Map<string, { version: number; text: string; tree?: DockerfileLike }>();
/** The rules model of each open document's last version (the next one takes over unchanged instructions). */
const models = new Map<string, { model?: DockerfileModel }>();

parentPort?.on('message', (message: WorkerJob | { close: string }) => {
  if ('close' in message) { validators.delete(message.close); texts.delete(message.close); models.delete(message.close); return; }
  let text: string;
  let scanBase: ScanBase | undefined;
  if ('delta' in message) {
    const held = texts.get(message.uri);
    if (!held || held.version !== message.baseVersion) {
      // Cannot happen while messages arrive in order; ask for the whole text rather than validate a wrong one.
      const answer: WorkerMessage = { uri: message.uri, version: message.version, diagnostics: [], logs: [`validation worker: no text of version ${message.baseVersion} for ${message.uri}; asking for the whole text`], resend: true };
      parentPort!.postMessage(answer);
      return;
    }
    text = applyDelta(held.text, message.delta);
    if (held.tree) { scanBase = { text: held.text, tree: held.tree, delta: message.delta }; }
  } else {
    text = message.text;
  }
  const held: { version: number; text: string; tree?: DockerfileLike } = { version: message.version, text };
  texts.set(message.uri, held);
  const job: DiagnosticsJob = { uri: message.uri, version: message.version, text, language: message.language, ruleSettings: message.ruleSettings };
  let validator = validators.get(job.uri);
  if (!validator) { validator = new ChunkedSyntaxValidator(service); validators.set(job.uri, validator); }
  let modelHolder = models.get(job.uri);
  if (!modelHolder) { modelHolder = {}; models.set(job.uri, modelHolder); }
  const logs: string[] = [];
  const doc = new ParsedDocument(TextDocument.create(job.uri, 'dockerfile', job.version, job.text));
  doc.scanBase = scanBase;
  const started = TRACE ? performance.now() : 0;
  const diagnostics = computeDiagnostics(doc, { service, language: job.language, log: (m) => logs.push(m), ruleSettings: job.ruleSettings, incremental: validator, modelHolder });
  held.tree = doc.rulesTree;
  if (TRACE) { process.stderr.write(`[validation] ${job.uri} v${job.version}: ${(performance.now() - started).toFixed(1)} ms, model took over ${modelHolder.model?.reused ?? 0}/${modelHolder.model?.instructions.length ?? 0} instructions, ${validator.lastValidated}/${validator.lastChunks} chunks validated\n`); }
  const answer: WorkerMessage = { uri: job.uri, version: job.version, diagnostics, logs };
  parentPort!.postMessage(answer);
});

// Loaded: the scheduler may now send it documents of any size.
parentPort?.postMessage({ ready: true });
