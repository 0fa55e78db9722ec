// Entry point of the language server: `node dist/server.js --stdio` (or --node-ipc, as the VS Code
// client uses). It never imports `vscode`, so any LSP client can drive it.
// The validation worker starts first, so that its start-up overlaps with loading the rest (diagnosticsScheduler.ts).
import './incremental/earlyStart';
import { installFastInstructionArguments } from './features/instructionArguments'; installFastInstructionArguments();
import { createConnection, ProposedFeatures, Connection, MessageReader } from 'vscode-languageserver/node';
import { startServer } from './languageServer';
import { StdioMessageWriter } from './stdioWriter';

startServer(process.argv.includes('--stdio') ? stdioConnection() : createConnection(ProposedFeatures.all));

/**
 * Over stdio with our writer (stdioWriter.ts). What vscode-languageserver does for `--stdio` is kept:
 * the server exits when its input ends (the library does that for an input passed as a stream, which its
 * types allow only with an output stream; at run time each side is checked on its own), and console
 * output goes to the client's log instead of into the protocol stream.
 */
function stdioConnection(): Connection {
  const input = process.stdin as unknown as MessageReader;
  const connection = createConnection(ProposedFeatures.all, input, new StdioMessageWriter(process.stdout));
  const toLog = (...args: unknown[]): void => connection.console.log(args.map(String).join(' '));
  console.log = toLog;
  console.info = toLog;
  console.warn = (...args: unknown[]): void => connection.console.warn(args.map(String).join(' '));
  console.error = (...args: unknown[]): void => connection.console.error(args.map(String).join(' '));
  console.debug = toLog;
  return connection;
}
