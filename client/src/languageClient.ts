// Starts our language server (dist/server.js) for Dockerfiles and keeps its settings in sync.
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';

export function startLanguageClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const config = vscode.workspace.getConfiguration('dockerLearning');
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'dockerfile' }],
    initializationOptions: { language: config.get('language', 'auto') },
    synchronize: { configurationSection: 'dockerLearning' },
  };
  return new LanguageClient('dockerLearning', vscode.l10n.t('Docker Learning language server'), serverOptions, clientOptions);
}
