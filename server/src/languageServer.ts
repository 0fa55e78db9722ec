// LSP wiring only: routes requests to the pure functions under hover/, diagnostics/, … and owns
// the per-version parse cache. Dockerfile knowledge does not live here.
import { Connection, TextDocuments, TextDocumentSyncKind, InitializeResult } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DockerfileLanguageServiceFactory, DockerfileLanguageService } from 'dockerfile-language-service';
import { ParsedDocumentCache } from './documents/parsedDocument';
import { computeHover } from './hover/computeHover';
import { Language, resolveLanguage } from './i18n/language';
import { readSettings, ServerSettings, DEFAULT_SETTINGS } from './settings';
import { VALIDATOR_SETTINGS } from './diagnostics/validatorSettings';

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const cache = new ParsedDocumentCache();
  const service: DockerfileLanguageService = DockerfileLanguageServiceFactory.createLanguageService();
  let locale: string | undefined;
  let settings: ServerSettings = DEFAULT_SETTINGS;
  const language = (): Language => resolveLanguage(locale, settings.language);

  connection.onInitialize((params): InitializeResult => {
    locale = params.locale;
    settings = readSettings(params.initializationOptions);
    service.setLogger({ log: (m) => connection.console.log(m) });
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
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

  connection.onHover((params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) { return null; }
    return computeHover(cache.get(document), params.position, language());
  });

  function publishDiagnostics(document: TextDocument): void {
    const diagnostics = service.validate(document.getText(), VALIDATOR_SETTINGS);
    void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
  }

  documents.onDidChangeContent((e) => publishDiagnostics(e.document));
  documents.onDidClose((e) => {
    cache.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });
  documents.listen(connection);
  connection.listen();
}
