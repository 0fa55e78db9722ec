// Entry point of the language server: `node dist/server.js --stdio` (or --node-ipc, as the VS Code
// client uses). It never imports `vscode`, so any LSP client can drive it.
import { installFastInstructionArguments } from './features/instructionArguments'; installFastInstructionArguments();
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './languageServer';

startServer(createConnection(ProposedFeatures.all));
