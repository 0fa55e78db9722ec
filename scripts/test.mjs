// npm test: every layer, each printing its own summary, then one total line.
//   lint      eslint (server/ may never import vscode)
//   unit      mocha on plain Node (server and client code that needs no vscode)
//   protocol  spawns `node dist/server.js --stdio` and drives it with a real LSP client
//   fuzz      ≥ 10,000 generated, mutated and pathological Dockerfiles, every request kind, none over 1 s
//   engine    dockerode against a real Docker engine (started here when root and none answers)
//   grammar   vscode-tmgrammar-test scope assertions
//   package   the .vsix: whitelist, size budget, installs and activates in code-server
//   vscode    mocha suites inside a real VS Code extension host (code-server + headless Chromium),
//             followed by a UI smoke check with screenshots
// Options: --only=layer,layer   --skip=layer,layer
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './lib/esbuildConfig.mjs';
import { ensureDockerEngine, ensureChromium, ensureCodeServer, isCI, log } from './lib/setup.mjs';
import { runVsCodeSuites } from './lib/codeServer.mjs';

const argv = process.argv.slice(2);
const pick = (name) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1].split(',');
const only = pick('only');
const skipList = pick('skip') ?? [];
const wanted = (layer) => (!only || only.includes(layer)) && !skipList.includes(layer);

const OUT = path.join(ROOT, 'out');
const results = [];
const skipped = [];

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', ...opts });
  return r.status ?? 1;
}

function section(title) { console.log(`\n━━━ ${title} ━━━`); }

function files(dir) {
  const out = [];
  const walk = (d) => {
    if (!fs.existsSync(d)) { return; }
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) { walk(p); } else if (e.name.endsWith('.test.js')) { out.push(p); }
    }
  };
  walk(dir);
  return out.sort();
}

function mochaLayer(layer, extraEnv = {}) {
  section(`${layer} tests`);
  const list = files(path.join(OUT, 'test', layer));
  if (list.length === 0) { results.push({ layer, passed: 0, failed: 1, note: 'no test files found' }); return; }
  const statsFile = path.join(OUT, `stats-${layer}.json`);
  fs.rmSync(statsFile, { force: true });
  const status = run(process.execPath, ['scripts/lib/runMocha.mjs', layer, statsFile, ...list], { env: { ...process.env, ...extraEnv } });
  const stats = fs.existsSync(statsFile) ? JSON.parse(fs.readFileSync(statsFile, 'utf8')) : { layer, passed: 0, failed: 1, note: `mocha exited ${status} without stats` };
  if (status !== 0 && stats.failed === 0) { stats.failed = 1; stats.note = `mocha exited ${status}`; }
  results.push(stats);
}

function skip(layer, why) {
  if (isCI) {
    console.log(`\n✗ ${layer}: cannot run in CI: ${why}`);
    results.push({ layer, passed: 0, failed: 1, note: why });
  } else {
    console.log(`\n!!! SKIPPING ${layer} tests: ${why} !!!`);
    skipped.push({ layer, why });
  }
}

section('build');
if (run(process.execPath, ['scripts/build.mjs', '--tests']) !== 0) { process.exit(1); }
section('typecheck (tsc --noEmit)');
const tscStatus = run('npx', ['tsc', '--noEmit', '-p', 'client']) || run('npx', ['tsc', '--noEmit', '-p', 'server']) || run('npx', ['tsc', '--noEmit', '-p', 'test']);
results.push({ layer: 'typecheck', passed: tscStatus === 0 ? 1 : 0, failed: tscStatus === 0 ? 0 : 1 });

if (wanted('lint')) {
  section('lint (eslint)');
  const status = run('npx', ['eslint', 'client/src', 'server/src', 'test']);
  results.push({ layer: 'lint', passed: status === 0 ? 1 : 0, failed: status === 0 ? 0 : 1 });
}
if (wanted('unit')) { mochaLayer('unit'); }
if (wanted('protocol')) { mochaLayer('protocol'); }
// ≥ 10,000 documents with every request kind against dist/server.js; prints FUZZ_SEED to replay (test/fuzz/).
if (wanted('fuzz')) { mochaLayer('fuzz'); }

let engineProblem;
if (wanted('engine') || wanted('vscode')) {
  section('Docker engine');
  engineProblem = await ensureDockerEngine();
  console.log(engineProblem ? `no engine: ${engineProblem}` : 'engine answers');
}
if (wanted('engine')) {
  if (engineProblem) { skip('engine', engineProblem); } else { mochaLayer('engine'); }
}

if (wanted('grammar')) {
  section('grammar tests (vscode-tmgrammar-test)');
  const fixtures = fs.existsSync(path.join(ROOT, 'test', 'grammar')) ? fs.readdirSync(path.join(ROOT, 'test', 'grammar')).filter((f) => f.endsWith('.dockerfile')) : [];
  const args = ['vscode-tmgrammar-test', '-g', 'syntaxes/dockerfile.tmLanguage.json'];
  if (fs.existsSync(path.join(ROOT, 'test/grammar/stub-shell.tmLanguage.json'))) { args.push('-g', 'test/grammar/stub-shell.tmLanguage.json'); }
  // The grammar JSON is generated from syntaxes/build-dockerfile-grammar.mjs: --check fails when they drift.
  const status = fixtures.length ? (run(process.execPath, ['syntaxes/build-dockerfile-grammar.mjs', '--check']) || run('npx', [...args, 'test/grammar/*.dockerfile'])) : 1;
  results.push({ layer: 'grammar', passed: status === 0 ? fixtures.length : 0, failed: status === 0 ? 0 : Math.max(1, fixtures.length), note: 'counted per fixture file' });
}

let vsix;
if (wanted('package')) {
  section('package (.vsix)');
  if (run('npm', ['run', 'package', '--silent']) !== 0) {
    results.push({ layer: 'package', passed: 0, failed: 1, note: 'npm run package failed' });
  } else {
    vsix = path.join(ROOT, `docker-learning-${JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version}.vsix`);
    mochaLayer('package', { DOCKER_LEARNING_VSIX: vsix });
  }
}

if (wanted('vscode')) {
  section('VS Code extension host (code-server + headless Chromium)');
  const chromium = ensureChromium();
  let codeServer;
  try { codeServer = ensureCodeServer(); } catch (e) { codeServer = undefined; console.log(String(e)); }
  if (!chromium) { skip('vscode', 'no Chromium at /usr/bin/chromium (Debian package chromium)'); }
  else if (!codeServer) { skip('vscode', 'code-server could not be installed'); }
  else {
    // A missing engine is reported by the suites themselves (they need it for the sidebar).
    const env = engineProblem ? { DOCKER_LEARNING_NO_ENGINE: engineProblem } : {};
    // Rebuild the dev bundle: `npm run package` left a minified production build in dist/.
    run(process.execPath, ['scripts/build.mjs']);
    results.push(...(await runVsCodeSuites({ codeServer, chromium, env, vsix })));
  }
}

section('summary');
let passed = 0; let failed = 0;
for (const r of results) {
  passed += r.passed; failed += r.failed;
  console.log(`${r.failed ? '✗' : '✓'} ${r.layer.padEnd(12)} ${String(r.passed).padStart(4)} passed ${String(r.failed).padStart(3)} failed${r.skipped ? `, ${r.skipped} pending` : ''}${r.note ? `  (${r.note})` : ''}`);
}
for (const s of skipped) { console.log(`! ${s.layer.padEnd(12)} SKIPPED: ${s.why}`); }
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed || (isCI && skipped.length) ? 1 : 0);
