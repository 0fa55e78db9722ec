// Containers view at scale: creates N labelled containers (default 1,000; created, not started, so
// they cost the engine almost nothing), then measures in a real VS Code (code-server + headless
// Chromium, the extension as built in dist/):
//   • the engine's answer to GET /containers/json?all=1
//   • API answer → tree nodes: getChildren() + getTreeItem() for every node, in the extension host
//   • API answer → rows on screen: a container created by another client appears as a row; the
//     tree records when the engine's answer arrived, a MutationObserver in the page when the row did
//   • container created elsewhere → row on screen (events stream, debounce, list, render)
// Everything it creates carries the test label of its own run and is removed at the end; containers of an
// earlier run whose process is gone (interrupted) are removed first.
// Options: --containers=1000  --rounds=7 (in the host)  --screen-rounds=7 (in the browser)  --json=FILE
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { baseOptions, ROOT } from '../scripts/lib/esbuildConfig.mjs';
import { launchChromium, prepareWorkspace, startCodeServer, testUrl } from '../scripts/lib/codeServer.mjs';
import { ensureChromium, ensureCodeServer, ensureDockerEngine } from '../scripts/lib/setup.mjs';

const argv = process.argv.slice(2);
const opt = (name, dflt) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? dflt;
const COUNT = Number(opt('containers', '1000'));
const ROUNDS = Number(opt('rounds', '7'));
const SCREEN_ROUNDS = Number(opt('screen-rounds', '7'));
const TARGET_MS = 300;
const EVENT_TARGET_MS = 500;
const RUN = `bench-${process.pid}-${Date.now().toString(36)}`;
process.env.DOCKER_LEARNING_TEST_RUN = RUN;

// The test rig (TypeScript) bundled for this script: the offline busybox image and the labels.
const rigFile = path.join(ROOT, 'out', 'bench', 'engineRig.cjs');
await esbuild.build({ ...baseOptions(), entryPoints: [path.join(ROOT, 'test', 'support', 'engineRig.ts')], outfile: rigFile, format: 'cjs', external: ['vscode'], logLevel: 'error' });
const rig = createRequire(import.meta.url)(rigFile);
const docker = rig.testDocker();

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], min: s[0], max: s[s.length - 1] };
};
const fmt = (n) => (Number.isFinite(n) ? (n < 10 ? n.toFixed(1) : Math.round(n).toString()) : '—');

/** Runs `fn` over `items`, `limit` at a time. */
async function pool(items, limit, fn) {
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => { while (next < items.length) { const i = next++; await fn(items[i], i); } }));
}

async function cleanup() {
  const list = await docker.listContainers({ all: true, filters: { label: [`${rig.TEST_LABEL}=${RUN}`] } });
  await pool(list, 16, (c) => docker.getContainer(c.Id).remove({ force: true }).catch(() => undefined));
  return list.length;
}

const alive = (pid) => { try { process.kill(pid, 0); return true; } catch (e) { return e.code === 'EPERM'; } };

/** Containers a bench run left behind when it was interrupted (its process is gone): the view would list them too. */
async function removeLeftovers() {
  const list = await docker.listContainers({ all: true, filters: { label: [rig.TEST_LABEL] } });
  const stale = list.filter((c) => {
    const m = /^bench-(\d+)-/.exec(c.Labels?.[rig.TEST_LABEL] ?? '');
    return m !== null && Number(m[1]) !== process.pid && !alive(Number(m[1]));
  });
  await pool(stale, 16, (c) => docker.getContainer(c.Id).remove({ force: true }).catch(() => undefined));
  return stale.length;
}

let server; let browser;
const rows = [];
try {
  const problem = await ensureDockerEngine();
  if (problem) { throw new Error(`no Docker engine: ${problem}`); }
  await rig.ensureTestImage(docker);
  const leftovers = await removeLeftovers();
  if (leftovers > 0) { console.log(`removed ${leftovers} containers an interrupted bench run had left`); }

  console.log(`creating ${COUNT} containers (label ${rig.TEST_LABEL}=${RUN})…`);
  const t0 = Date.now();
  await pool(Array.from({ length: COUNT }, (_, i) => i), 16, (i) => docker.createContainer({
    Image: rig.TEST_IMAGE, name: `dl-bench-${String(i).padStart(4, '0')}-${process.pid}`, Cmd: ['true'], Labels: rig.testLabels(),
  }));
  console.log(`  created in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  const chromium = ensureChromium();
  const codeServer = ensureCodeServer();
  if (!chromium || !codeServer) { throw new Error('code-server and Chromium are needed (see scripts/lib/setup.mjs)'); }
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'dl-bench-containers-'));
  const resultsFile = path.join(base, 'results.json');
  const workspace = prepareWorkspace(path.join(ROOT, 'test', 'vscode', 'workspace'));
  server = await startCodeServer({
    codeServer, workspace, extensionsDir: path.join(base, 'extensions'), userDataDir: path.join(base, 'user-data'),
    env: { DOCKER_LEARNING_TEST_RESULTS: resultsFile, DOCKER_LEARNING_BENCH_DIR: base, DOCKER_LEARNING_BENCH_ROUNDS: String(ROUNDS) },
  });
  browser = await launchChromium(chromium);
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(testUrl(server, { workspace, developmentPath: ROOT, testsPath: path.join(ROOT, 'bench', 'containers.host.cjs') }));

  const waitFile = async (file, ms) => {
    const deadline = Date.now() + ms;
    while (!fs.existsSync(file)) {
      if (server.exited()) { throw new Error(server.exited()); }
      if (Date.now() > deadline) { throw new Error(`timed out waiting for ${file}`); }
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  await waitFile(path.join(base, 'ready.json'), 10 * 60_000);
  await page.locator('.monaco-list-row:has-text("dl-bench-")').first().waitFor({ timeout: 60_000 });

  // Rows on screen: a container created by a second client, named to sort first in its group.
  const screen = [];
  for (let k = 1; k <= SCREEN_ROUNDS; k++) {
    const name = `0dl-bench-new-${k}-${process.pid}`;
    await page.evaluate((n) => {
      window.__dlRow = new Promise((resolve) => {
        const seen = () => [...document.querySelectorAll('.monaco-list-row')].some((r) => r.textContent?.includes(n));
        if (seen()) { resolve(Date.now()); return; }
        const obs = new MutationObserver(() => { if (seen()) { obs.disconnect(); resolve(Date.now()); } });
        obs.observe(document.body, { subtree: true, childList: true, characterData: true });
      });
    }, name);
    const before = Date.now();
    await docker.createContainer({ Image: rig.TEST_IMAGE, name, Cmd: ['true'], Labels: rig.testLabels() });
    const created = Date.now();
    const rowAt = await Promise.race([page.evaluate(() => window.__dlRow), new Promise((_, rej) => setTimeout(() => rej(new Error(`${name} never appeared`)), 60_000))]);
    screen.push({ name, before, created, rowAt });
    // VS Code coalesces tree changes less than 200 ms apart; a learner's changes are seconds apart.
    await page.waitForTimeout(600);
  }
  await page.screenshot({ path: path.join(ROOT, 'out', 'screenshots', 'bench-containers.png') }).catch(() => {});

  // The whole list: the view switches to running containers only (the bench's containers vanish),
  // then back to all from a fresh engine answer, which brings back 1,000 rows at once.
  let cmdNo = 0;
  const ask = async (action) => {
    const n = cmdNo++;
    fs.writeFileSync(path.join(base, `cmd-${n}.json`), JSON.stringify({ action }));
    await waitFile(path.join(base, `ack-${n}.json`), 60_000);
    return JSON.parse(fs.readFileSync(path.join(base, `ack-${n}.json`), 'utf8'));
  };
  const benchRows = '.part.sidebar .monaco-list-row:has-text("dl-bench-")';
  const full = [];
  for (let k = 0; k < SCREEN_ROUNDS; k++) {
    await ask('runningOnly');
    await page.locator(benchRows).first().waitFor({ state: 'detached', timeout: 30_000 });
    await page.waitForTimeout(600);
    await page.evaluate(() => {
      window.__dlRows = new Promise((resolve) => {
        const seen = () => [...document.querySelectorAll('.part.sidebar .monaco-list-row')].some((r) => r.textContent?.includes('dl-bench-'));
        const obs = new MutationObserver(() => { if (seen()) { obs.disconnect(); resolve(Date.now()); } });
        obs.observe(document.body, { subtree: true, childList: true, characterData: true });
      });
    });
    const { at } = await ask('allFromEngine');
    const rowAt = await page.evaluate(() => window.__dlRows);
    full.push({ at, rowAt });
    await page.waitForTimeout(600);
  }
  await ask('syncToggle');
  await ask('done');
  await waitFile(resultsFile, 60_000);
  const { bench } = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  if (bench.errors.length) { throw new Error(bench.errors.join('\n')); }

  const measured = bench.inHost.slice(1); // the first round warms up the JIT
  const renders = []; const events = [];
  for (const s of screen) {
    // The engine answer that first held the new container (recorded in the extension host).
    const answeredAt = bench.firstSeen[s.name];
    if (answeredAt) { renders.push(s.rowAt - answeredAt); }
    if (argv.includes('--verbose')) {
      const t = bench.timings.find((x) => x.answeredAt === answeredAt);
      console.log(`  ${s.name}: created→answer ${answeredAt - s.created} ms (${t?.kind} ${t?.apiMs} ms), answer→nodes asked ${t?.servedAt - answeredAt} ms, →row ${s.rowAt - t?.servedAt} ms`);
    }
    events.push(s.rowAt - s.created);
  }
  const fullRender = []; const fullTotal = [];
  for (const r of full) {
    const answer = bench.timings.find((t) => t.kind === 'list' && t.answeredAt >= r.at && t.answeredAt <= r.rowAt);
    if (answer) { fullRender.push(r.rowAt - answer.answeredAt); }
    fullTotal.push(r.rowAt - r.at);
  }
  const api = stats(measured.map((r) => r.apiMs));
  const nodes = stats(measured.map((r) => r.nodesMs));
  const render = stats(renders);
  const event = stats(events);
  const tip = stats(measured.map((r) => r.tooltipMs));
  const n = measured[0]?.containers ?? COUNT;
  rows.push(
    { what: `engine answer, GET /containers/json?all=1 (${n} containers)`, ...api, target: '' },
    { what: `API answer → tree nodes (getChildren + getTreeItem, ${measured[0]?.nodes} nodes, extension host)`, ...nodes, target: TARGET_MS },
    { what: 'whole list: API answer → rows rendered in the browser', ...stats(fullRender), target: TARGET_MS },
    { what: 'whole list: request → rows rendered (the engine\'s answer included)', ...stats(fullTotal), target: '' },
    { what: 'one container changed: API answer → its row rendered in the browser', ...render, target: TARGET_MS },
    { what: 'container created elsewhere → row on screen (events, list, render)', ...event, target: EVENT_TARGET_MS },
    { what: 'one tooltip, built when hovered', ...tip, target: '' },
  );
  console.log(`\nContainers view with ${n} containers (ms; in-host ${measured.length} rounds after a warm-up, on screen ${screen.length} rounds)`);
  console.log('| measure | median | min | max | target |');
  console.log('|---|---|---|---|---|');
  for (const r of rows) {
    const verdict = r.target === '' ? '' : `≤ ${r.target} ${r.median <= r.target ? '✓' : '✗'}`;
    console.log(`| ${r.what} | ${fmt(r.median)} | ${fmt(r.min)} | ${fmt(r.max)} | ${verdict} |`);
  }
  const json = opt('json');
  if (json) { fs.writeFileSync(json, JSON.stringify({ count: n, rows, inHost: bench.inHost, screen }, null, 2)); }
} catch (e) {
  console.log(`containers bench failed: ${e.stack ?? e}`);
  process.exitCode = 1;
} finally {
  await browser?.close().catch(() => {});
  server?.stop();
  const removed = await cleanup().catch(() => 0);
  console.log(`removed ${removed} bench containers`);
}
