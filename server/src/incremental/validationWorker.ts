// Diagnostics off the main thread: the language server posts each document version here and keeps
// answering hovers while this computes. One incremental syntax validator per open document.
import { parentPort } from 'node:worker_threads';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DockerfileLanguageServiceFactory } from 'dockerfile-language-service';
import { ParsedDocument } from '../documents/parsedDocument';
import { computeDiagnostics } from '../diagnostics/computeDiagnostics';
import { ChunkedSyntaxValidator } from './chunkedValidation';
import type { DiagnosticsJob, WorkerMessage } from './diagnosticsScheduler';

const service = DockerfileLanguageServiceFactory.createLanguageService();
const validators = new Map<string, ChunkedSyntaxValidator>();

parentPort?.on('message', (job: DiagnosticsJob | { close: string }) => {
  if ('close' in job) { validators.delete(job.close); return; }
  let validator = validators.get(job.uri);
  if (!validator) { validator = new ChunkedSyntaxValidator(service); validators.set(job.uri, validator); }
  const logs: string[] = [];
  const doc = new ParsedDocument(TextDocument.create(job.uri, 'dockerfile', job.version, job.text));
  const diagnostics = computeDiagnostics(doc, { service, language: job.language, log: (m) => logs.push(m), ruleSettings: job.ruleSettings, incremental: validator });
  const answer: WorkerMessage = { uri: job.uri, version: job.version, diagnostics, logs };
  parentPort!.postMessage(answer);
});
