// LSP wiring only: routes requests to the pure functions under hover/, diagnostics/ and features/
// and owns the per-version parse cache. Dockerfile knowledge does not live here.
import {
  Connection, TextDocuments, TextDocumentSyncKind, InitializeResult, CodeActionKind, TextDocumentEdit,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CHUNKED_DOCUMENTS, ChunkedTextDocument } from './documents/chunkedTextDocument';
import { DockerfileLanguageServiceFactory, DockerfileLanguageService, CommandIds } from 'dockerfile-language-service';
import { ParsedDocumentCache } from './documents/parsedDocument';
import { computeHover } from './hover/computeHover';
import { hoverSnapshot, prepareHover } from './hover/hoverSnapshot';
import { INDEX_KEY, indexOptions } from './hover/documentIndex';
import { Language, resolveLanguage } from './i18n/language';
import { readSettings, ServerSettings, DEFAULT_SETTINGS } from './settings';
import { computeDiagnostics } from './diagnostics/computeDiagnostics';
import { computeCodeActions } from './diagnostics/codeActions';
import { answerRulePage, RULE_PAGE_REQUEST, RulePageParams } from './diagnostics/rulePages';
import { computeCompletion, resolveCompletion } from './features/completion';
import { SEMANTIC_TOKENS_LEGEND, semanticTokenSteps } from './features/semanticTokens';
import { computeFoldingRanges, configureFolding, symbolSteps } from './features/outline';
import { runInSlices } from './features/steps';
import { formatDocument, formatOnType, formatRange } from './features/formatting';
import { reportServiceLimitations, withParsedTree } from './features/serviceParse';
import { DiagnosticsScheduler } from './incremental/diagnosticsScheduler';

/**
 * From this many characters an opened document's hover index is built before the first hover: the size
 * from which the index reads the scan instead of a whole parse (hover/documentIndex.ts).
 */
const PREPARE_HOVER_FROM = indexOptions.wholeTreeBelow;

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(CHUNKED_DOCUMENTS);
  const cache = new ParsedDocumentCache();
  const service: DockerfileLanguageService = DockerfileLanguageServiceFactory.createLanguageService();
  let locale: string | undefined;
  let settings: ServerSettings = DEFAULT_SETTINGS;
  const language = (): Language => resolveLanguage(locale, settings.language);
  const log = (m: string): void => connection.console.log(m);

  connection.onInitialize((params): InitializeResult => {
    locale = params.locale;
    settings = readSettings(params.initializationOptions);
    service.setLogger({ log });
    reportServiceLimitations(log);
    service.setCapabilities({
      completion: params.capabilities.textDocument?.completion,
      hover: params.capabilities.textDocument?.hover,
      foldingRange: params.capabilities.textDocument?.foldingRange,
    });
    configureFolding(params.capabilities.textDocument?.foldingRange);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['=', ' ', '$', '-'], resolveProvider: true },
        signatureHelpProvider: { triggerCharacters: ['-', '[', ',', ' ', '='] },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        executeCommandProvider: { commands: Object.values(CommandIds) },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        documentHighlightProvider: true,
        renameProvider: { prepareProvider: true },
        definitionProvider: true,
        documentLinkProvider: { resolveProvider: true },
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
        documentOnTypeFormattingProvider: { firstTriggerCharacter: '\\', moreTriggerCharacter: ['`'] },
        semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true },
      },
      serverInfo: { name: 'docker-learning-language-server' },
    };
  });

  connection.onDidChangeConfiguration((params) => {
    const section = (params.settings as { dockerLearning?: unknown } | undefined)?.dockerLearning;
    if (section !== undefined) {
      settings = readSettings(section);
      documents.all().forEach(publishDiagnostics);
    }
  });

  /** Runs `fn` on an open document (features read its version from the cache); null when the document is unknown. */
  function withDoc<T>(uri: string, fn: (doc: TextDocument) => T): T | null {
    const document = documents.get(uri);
    return document ? fn(document) : null;
  }

  // A hover on a version not indexed yet may answer from the previous index when the edit cannot change it.
  connection.onHover((p) => withDoc(p.textDocument.uri, (d) => computeHover(hoverSnapshot(cache.get(d), cache.lastDerived(d, INDEX_KEY), p.position.line), p.position, language())));
  connection.onCompletion((p) => withDoc(p.textDocument.uri, (d) => computeCompletion(cache.get(d), p.position, service, language(), settings)) ?? []);
  connection.onCompletionResolve((item) => resolveCompletion(item, service, language()));
  connection.onSignatureHelp((p) => withDoc(p.textDocument.uri, (d) => withParsedTree(cache.get(d), (text) => service.computeSignatureHelp(text, p.position), null)));
  connection.onCodeAction((p) => withDoc(p.textDocument.uri, (d) => computeCodeActions(cache.get(d), p, service, language(), log)) ?? []);
  connection.onRequest(RULE_PAGE_REQUEST, (p: RulePageParams) => answerRulePage(p, language()));
  connection.onExecuteCommand(async (p) => {
    const uri = p.arguments?.[0] as string | undefined;
    const document = uri ? documents.get(uri) : undefined;
    if (!document) { return; }
    const edits = service.computeCommandEdits(document.getText(), p.command, p.arguments ?? []);
    if (edits.length) {
      await connection.workspace.applyEdit({ documentChanges: [TextDocumentEdit.create({ uri: document.uri, version: document.version }, edits)] });
    }
  });
  // Symbols, folding and semantic tokens are asked for after every edit: they read the fast scan (and
  // tokens parse only edited instructions); symbols and tokens run in slices, so a hover sent meanwhile
  // is answered between two (features/steps.ts).
  connection.onDocumentSymbol((p, token) => withDoc(p.textDocument.uri, (d) => runInSlices(symbolSteps(cache.get(d)), token)));
  connection.onFoldingRanges((p) => withDoc(p.textDocument.uri, (d) => computeFoldingRanges(cache.get(d))));
  connection.onDocumentHighlight((p) => withDoc(p.textDocument.uri, (d) => withParsedTree(cache.get(d), (text) => service.computeHighlightRanges(text, p.position), [])));
  connection.onPrepareRename((p) => withDoc(p.textDocument.uri, (d) => withParsedTree(cache.get(d), (text) => service.prepareRename(text, p.position), null)));
  connection.onRenameRequest((p) => withDoc(p.textDocument.uri, (d) => ({ changes: { [p.textDocument.uri]: withParsedTree(cache.get(d), (text) => service.computeRename(p.textDocument, text, p.position, p.newName), []) } })));
  connection.onDefinition((p) => withDoc(p.textDocument.uri, (d) => withParsedTree(cache.get(d), (text) => service.computeDefinition(p.textDocument, text, p.position), null)));
  connection.onDocumentLinks((p) => withDoc(p.textDocument.uri, (d) => withParsedTree(cache.get(d), (text) => service.computeLinks(text), [])));
  connection.onDocumentLinkResolve((link) => service.resolveLink(link));
  connection.onDocumentFormatting((p) => withDoc(p.textDocument.uri, (d) => formatDocument(cache.get(d), p.options)));
  connection.onDocumentRangeFormatting((p) => withDoc(p.textDocument.uri, (d) => formatRange(cache.get(d), p.range, p.options)));
  connection.onDocumentOnTypeFormatting((p) => withDoc(p.textDocument.uri, (d) => formatOnType(cache.get(d), p.position, p.ch, p.options)));
  connection.languages.semanticTokens.on(async (p, token) => (await withDoc(p.textDocument.uri, (d) => runInSlices(semanticTokenSteps(cache.get(d)), token))) ?? { data: [] });

  // Diagnostics are computed off the main thread (a hover never waits behind a validation); a result is
  // published only for the version it was computed for, and only while that is still the current one.
  const scheduler = new DiagnosticsScheduler({
    currentVersion: (uri) => documents.get(uri)?.version,
    publish: (uri, version, diagnostics) => {
      void connection.sendDiagnostics({ uri, version, diagnostics });
      prepareHoverOnce(uri);
    },
    log,
    fallback: (job) => {
      const document = documents.get(job.uri)!;
      return computeDiagnostics(cache.get(document), { service, language: job.language, log, ruleSettings: job.ruleSettings });
    },
  });
  // Once per opened large document, after its first diagnostics: its hover index, for the hovers that
  // follow. A small one is parsed and indexed in a few milliseconds by the first hover; preparing it would
  // only compete with the learner's first edits (111 lines: edit → diagnostics ~1 ms slower over 15 edits).
  function prepareHoverOnce(uri: string): void {
    setImmediate(() => {
      const document = documents.get(uri);
      if (!document || cache.lastDerived(document, INDEX_KEY) || document.snapshot().length < PREPARE_HOVER_FROM) { return; }
      try {
        const doc = cache.get(document);
        for (const position of prepareHover(doc)) { computeHover(doc, position, language()); }
      } catch (e) {
        // Nobody asked for it: a library failing on this text is logged, the first hover will say more.
        log(`preparing hovers failed for ${uri}: ${(e as Error).stack ?? e}`);
      }
    });
  }
  function publishDiagnostics(document: ChunkedTextDocument): void {
    const uri = document.uri;
    scheduler.schedule(uri, () => {
      const current = documents.get(uri) ?? document;
      const snapshot = current.snapshot();
      return {
        uri, version: snapshot.version, length: snapshot.length, text: snapshot.text,
        deltasSince: (version) => current.deltasBetween(version, snapshot.version),
        language: language(), ruleSettings: settings.diagnosticsRules,
      };
    });
  }

  documents.onDidChangeContent((e) => publishDiagnostics(e.document));
  documents.onDidClose((e) => {
    cache.delete(e.document.uri);
    scheduler.close(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });
  connection.onShutdown(() => scheduler.dispose());
  documents.listen(connection);
  connection.listen();
}
