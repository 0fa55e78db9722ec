// Starts our language server (dist/server.js) for Dockerfiles and keeps its settings in sync.
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { SERVER_ENV, SERVER_EXEC_ARGV } from '../../server/src/launch';

export function startLanguageClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  // The client adds `env` to the extension host's own environment (server/src/launch.ts says why these).
  const env = { ...SERVER_ENV };
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV], env } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV, '--nolazy', '--inspect=6009'], env } },
  };
  const config = vscode.workspace.getConfiguration('dockerLearning');
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'dockerfile' }],
    // Everything the server reads, so the very first diagnostics already honour rule severities and
    // the registry opt-in; later changes arrive through the configuration sync below.
    initializationOptions: {
      language: config.get('language', 'auto'),
      diagnostics: { rules: config.get('diagnostics.rules', {}) },
      completion: { registryTags: config.get('completion.registryTags', false) },
    },
    synchronize: { configurationSection: 'dockerLearning' },
  };
  return new LanguageClient('dockerLearning', vscode.l10n.t('Docker Learning language server'), serverOptions, clientOptions);
}
