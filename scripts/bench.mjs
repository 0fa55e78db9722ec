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
process.exit(failed ? 1 : 0);
