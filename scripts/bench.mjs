// npm run bench: builds, then runs every bench/*.bench.mjs in turn (each prints its own tables).
// Extra arguments are passed to each benchmark (e.g. --sizes=111,1011).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './lib/esbuildConfig.mjs';

if (spawnSync(process.execPath, ['scripts/build.mjs', '--production'], { cwd: ROOT, stdio: 'inherit' }).status !== 0) { process.exit(1); }
console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${new Date().toISOString()}`);
const benches = fs.readdirSync(path.join(ROOT, 'bench')).filter((f) => f.endsWith('.bench.mjs')).sort();
let failed = 0;
for (const b of benches) {
  console.log(`\n━━━ ${b} ━━━`);
  const r = spawnSync(process.execPath, [path.join('bench', b), ...process.argv.slice(2)], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) { failed++; }
}

// Extension numbers are not measured here (they need VS Code): report them from what is on disk, saying where from.
console.log('\n━━━ extension ━━━');
const version = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
const vsix = path.join(ROOT, `docker-learning-${version}.vsix`);
if (fs.existsSync(vsix)) {
  const st = fs.statSync(vsix);
  console.log(`.vsix size: ${(st.size / 1024).toFixed(0)} KiB (${path.basename(vsix)}, built ${st.mtime.toISOString()})`);
} else {
  console.log(`.vsix size: no ${path.basename(vsix)} — run npm run package`);
}
console.log(`activation → language client ready: ${lastActivation()}`);

/** The line test/vscode/suites/activation.suite.ts logs, from the newest vscode-layer results file (scripts/lib/codeServer.mjs writes them to the temp dir). */
function lastActivation() {
  const tmp = os.tmpdir();
  const files = fs.readdirSync(tmp).filter((d) => d.startsWith('dl-vscode-'))
    .map((d) => path.join(tmp, d, 'results.json')).filter((f) => fs.existsSync(f))
    .map((f) => ({ f, mtime: fs.statSync(f).mtime })).sort((a, b) => b.mtime - a.mtime);
  if (files.length === 0) { return 'no vscode-layer results found — run npm test (vscode layer)'; }
  const { f, mtime } = files[0];
  let output = '';
  try { output = JSON.parse(fs.readFileSync(f, 'utf8')).output ?? ''; } catch { /* unreadable → not found */ }
  const m = /activation → language client ready: (\d+(?:\.\d+)?) ms/.exec(output);
  return m ? `${m[1]} ms (vscode test run of ${mtime.toISOString()}, ${f})`
    : `not in the last vscode-layer results (${f}, ${mtime.toISOString()}) — run npm test (vscode layer)`;
}

process.exit(failed ? 1 : 0);
