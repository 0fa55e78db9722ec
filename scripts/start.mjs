// npm start: build the extension and open a real VS Code with it loaded on sample/.
// With a desktop VS Code (`code` on PATH) it uses `code --extensionDevelopmentPath`; otherwise it
// runs code-server (installed into the cache on first use) and prints the URL to open.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './lib/esbuildConfig.mjs';
import { ensureCodeServer, ensureDockerEngine, log } from './lib/setup.mjs';
import { startCodeServer, testUrl } from './lib/codeServer.mjs';

const args = process.argv.slice(2);
const port = Number(args.find((a) => a.startsWith('--port='))?.split('=')[1] ?? process.env.PORT ?? 0);
const forceCodeServer = args.includes('--code-server');
const sample = path.join(ROOT, 'sample');

if (spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' }).status !== 0) { process.exit(1); }
const engine = await ensureDockerEngine();
if (engine) { log(`no Docker engine: ${engine} — the sidebar will say so; hovers and diagnostics work anyway`); }

const hasCode = spawnSync('sh', ['-c', 'command -v code'], { stdio: 'ignore' }).status === 0;
if (hasCode && !forceCodeServer) {
  log('opening VS Code with the extension loaded');
  spawn('code', [`--extensionDevelopmentPath=${ROOT}`, sample], { stdio: 'inherit' }).on('exit', (c) => process.exit(c ?? 0));
} else {
  const codeServer = ensureCodeServer();
  const base = path.join(os.homedir(), '.cache', 'docker-learning', 'start');
  fs.mkdirSync(base, { recursive: true });
  const server = await startCodeServer({
    codeServer, workspace: sample, port: port || undefined,
    extensionsDir: path.join(base, 'extensions'), userDataDir: path.join(base, 'user-data'),
  });
  const url = testUrl(server, { workspace: sample, developmentPath: ROOT });
  console.log(`\nDocker Learning is running in VS Code (code-server ${server.port}).\nOpen this URL in a browser on this machine:\n\n  ${url}\n\nPress Ctrl+C to stop.`);
  const stop = () => { server.stop(); process.exit(0); };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.child.on('exit', () => process.exit(0));
}
