// Runs one test layer's bundled mocha files in this process and writes its counts to a file,
// so scripts/test.mjs can print one total across every layer.
// usage: node scripts/lib/runMocha.mjs <layer> <stats.json> <file.js>...
import Mocha from 'mocha';
import fs from 'node:fs';
import path from 'node:path';

const [layer, statsFile, ...files] = process.argv.slice(2);
const mocha = new Mocha({ reporter: 'spec', timeout: Number(process.env.MOCHA_TIMEOUT || 20000), color: true });
for (const f of files) { mocha.addFile(path.resolve(f)); }
await mocha.loadFilesAsync();
const runner = mocha.run((failures) => {
  const s = runner.stats ?? {};
  fs.writeFileSync(statsFile, JSON.stringify({ layer, passed: s.passes ?? 0, failed: failures, skipped: s.pending ?? 0 }));
  // Like mocha --exit: a stray handle (a socket a test left) must not keep the layer running forever.
  process.stdout.write('', () => process.exit(failures ? 1 : 0));
});
