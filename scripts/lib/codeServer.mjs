// Runs VS Code test suites inside a real VS Code extension host: code-server (VS Code 1.100.3)
// opened by headless Chromium through playwright-core, with extensionDevelopmentPath and
// extensionTestsPath in the payload URL. The suites write their results to a file we read.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { ROOT } from './esbuildConfig.mjs';
import { freePort, log } from './setup.mjs';

export const SCREENSHOTS = path.join(ROOT, 'out', 'screenshots');

function waitForHttp(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const req = http.get(url, (res) => { res.resume(); resolve(); });
      req.on('error', () => {
        if (Date.now() > deadline) { reject(new Error(`${url} did not answer within ${timeoutMs} ms`)); } else { setTimeout(attempt, 250); }
      });
    };
    attempt();
  });
}

function waitForFile(file, timeoutMs, isAlive) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const tick = () => {
      if (fs.existsSync(file)) { resolve(JSON.parse(fs.readFileSync(file, 'utf8'))); return; }
      const dead = isAlive();
      if (dead) { reject(new Error(dead)); return; }
      if (Date.now() > deadline) { reject(new Error(`no results in ${file} after ${timeoutMs} ms`)); return; }
      setTimeout(tick, 250);
    };
    tick();
  });
}

/** A workspace copied to a temp folder so suites may write into it without touching the repo. */
export function prepareWorkspace(source) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dl-workspace-'));
  fs.cpSync(source, dir, { recursive: true });
  return dir;
}

function writeUserSettings(userDataDir, extra = {}) {
  const dir = path.join(userDataDir, 'User');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'window.commandCenter': false,
    'git.openRepositoryInParentFolders': 'never',
    ...extra,
  }, null, 2));
}

/**
 * Starts code-server; returns { url, port, stop() }. Extra args such as --locale are passed on.
 */
/**
 * User settings for a trusted window, or for one in Restricted Mode. code-server (like VS Code) decides
 * trust in the workbench: workspace trust is off when the server was started with
 * --disable-workspace-trust (it sets enableWorkspaceTrust: false for the web workbench) or when
 * security.workspace.trust.enabled is false; with both on, a folder nobody trusted yet (a fresh
 * user-data dir and a fresh browser profile remember none) opens untrusted. startupPrompt 'never'
 * skips the modal that would ask, so the window simply is in Restricted Mode.
 */
const TRUST_SETTINGS = {
  trusted: { 'security.workspace.trust.enabled': false },
  restricted: {
    'security.workspace.trust.enabled': true,
    'security.workspace.trust.startupPrompt': 'never',
    'security.workspace.trust.untrustedFiles': 'open',
    'security.workspace.trust.banner': 'always',
  },
};

export async function startCodeServer({ codeServer, workspace, extensionsDir, userDataDir, env = {}, settings = {}, args = [], port, trusted = true }) {
  port ??= await freePort();
  writeUserSettings(userDataDir, { ...TRUST_SETTINGS[trusted ? 'trusted' : 'restricted'], ...settings });
  fs.mkdirSync(extensionsDir, { recursive: true });
  const logFile = path.join(userDataDir, 'code-server.log');
  const out = fs.openSync(logFile, 'a');
  const child = spawn(codeServer, [
    '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir,
    '--disable-telemetry', '--disable-update-check', ...(trusted ? ['--disable-workspace-trust'] : []), '--disable-getting-started-override',
    ...args, workspace,
  ], { stdio: ['ignore', out, out], env: { ...process.env, ...env }, detached: true });
  let exited;
  child.on('exit', (code, signal) => { exited = `code-server exited (${code ?? signal}); see ${logFile}`; });
  await waitForHttp(`http://127.0.0.1:${port}/healthz`, 60_000);
  return {
    port, logFile, child,
    url: `http://127.0.0.1:${port}/`,
    exited: () => exited,
    stop() { try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ } },
  };
}

export async function launchChromium(chromium) {
  const { chromium: pw } = await import('playwright-core');
  return pw.launch({
    executablePath: chromium,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

export function testUrl(server, { workspace, developmentPath, testsPath }) {
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const payload = [['extensionDevelopmentPath', remote(developmentPath)]];
  if (testsPath) { payload.push(['extensionTestsPath', remote(testsPath)]); }
  return `${server.url}?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/**
 * One run of a test index inside code-server. Returns the results object written by the index,
 * and leaves the page open for `afterTests(page)` (the UI smoke check) before closing everything.
 */
export async function runSuiteInCodeServer({ name, codeServer, chromium, developmentPath, testsPath, env = {}, settings = {}, args = [], afterTests, trusted = true, prepare }) {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), `dl-${name}-`));
  const workspace = prepareWorkspace(path.join(ROOT, 'test', 'vscode', 'workspace'));
  const resultsFile = path.join(base, 'results.json');
  const userDataDir = path.join(base, 'user-data');
  // prepare(workspace, base): writes what this run needs into the workspace, returns extra env.
  const extraEnv = prepare ? prepare(workspace, base) : {};
  const server = await startCodeServer({
    codeServer, workspace, settings, args, trusted,
    extensionsDir: path.join(base, 'extensions'), userDataDir,
    env: { ...env, ...extraEnv, DOCKER_LEARNING_VSCODE_RUN: name, DOCKER_LEARNING_TEST_RESULTS: resultsFile, DOCKER_LEARNING_WORKSPACE: workspace },
  });
  const browser = await launchChromium(chromium);
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const consoleErrors = [];
  // Every console message of every page, kept for the unhandled-rejection check (and for reading
  // after a failure in <base>/browser-console.log): the extension host forwards its console here.
  const consoleLines = [];
  const listen = (p) => p.on('console', (m) => {
    consoleLines.push(`[${m.type()}] ${m.text()}`);
    if (m.type() === 'error') { consoleErrors.push(m.text()); }
  });
  listen(page);
  try {
    log(`${name}: code-server on port ${server.port}, workspace ${workspace}`);
    await page.goto(testUrl(server, { workspace, developmentPath, testsPath }));
    const results = await waitForFile(resultsFile, 15 * 60_000, server.exited);
    if (results.output) { process.stdout.write(results.output); }
    let extra = [];
    if (afterTests) {
      // VS Code shuts the test extension host down once the suites finish, so the UI check opens a
      // fresh window with only the extension loaded, as a user would have it.
      const uiPage = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      listen(uiPage);
      await uiPage.goto(testUrl(server, { workspace, developmentPath }));
      await uiPage.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      extra = await afterTests(uiPage, server, { workspace });
    }
    const rejections = unhandledRejections(consoleLines, developmentPath);
    if (rejections.length) {
      console.log(`${name}: ${rejections.length} unhandled promise rejection(s) from the extension:\n${rejections.join('\n---\n')}`);
      results.failed += 1;
      results.error = [results.error, `${rejections.length} unhandled rejection(s) from the extension`].filter(Boolean).join('; ');
    }
    return { results, extra };
  } catch (e) {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-failure.png`) }).catch(() => {});
    console.log(`${name}: ${e.message}\n--- code-server log (tail) ---\n${tail(server.logFile)}\n--- browser console errors ---\n${consoleErrors.slice(-20).join('\n')}`);
    return { results: { passed: 0, failed: 1, output: '', error: e.message }, extra: [] };
  } finally {
    await browser.close().catch(() => {});
    server.stop();
    fs.writeFileSync(path.join(base, 'browser-console.log'), consoleLines.join('\n'));
  }
}

/**
 * The unhandled promise rejections our extension caused. A listener on `process` inside the host
 * never sees them (VS Code's own handler takes them); the host reports each one 1 s after it went
 * unhandled on its console, which code-server forwards to the page's console:
 * `rejected promise not handled within 1 second: <reason>`, then `stack trace: <stack>`.
 * Ours are those whose stack runs through our bundle (`<developmentPath>/dist/`, dependencies
 * included). A reason without a stack (`Promise.reject()`, a rejected string) names no code: it is
 * printed, not counted, like rejections from VS Code itself or from the suites' own code.
 */
export function unhandledRejections(consoleLines, developmentPath) {
  const reports = [];
  for (let i = 0; i < consoleLines.length; i++) {
    if (!/rejected promise not handled within/.test(consoleLines[i])) { continue; }
    // The stack is the host's next message (another window's message may come in between).
    const stack = consoleLines.slice(i + 1, i + 6).find((l) => /stack trace:/.test(l));
    reports.push(stack ? `${consoleLines[i]}\n${stack}` : consoleLines[i]);
  }
  const bundle = `${path.join(developmentPath, 'dist')}${path.sep}`;
  const ours = reports.filter((r) => r.includes(bundle));
  const others = reports.filter((r) => !r.includes(bundle));
  if (others.length) { console.log(`unhandled rejections that name no code of the extension (not counted):\n${others.join('\n---\n')}`); }
  return ours;
}

function tail(file, n = 40) {
  try { return fs.readFileSync(file, 'utf8').split('\n').slice(-n).join('\n'); } catch { return ''; }
}

export async function runVsCodeSuites({ codeServer, chromium, env, vsix }) {
  const { uiSmoke } = await import('./uiSmoke.mjs');
  const out = [];
  const main = await runSuiteInCodeServer({
    name: 'vscode', codeServer, chromium, env,
    developmentPath: ROOT, testsPath: path.join(ROOT, 'out', 'test', 'vscode', 'index.js'),
    afterTests: uiSmoke,
  });
  out.push({ layer: 'vscode', passed: main.results.passed, failed: main.results.failed, skipped: main.results.pending, note: main.results.error });
  out.push(...main.extra);

  // Restricted Mode: the same extension in a window whose folder is not trusted, with a workspace
  // setting that points dockerLearning.host at a socket the suite listens on (it must stay unused).
  const { uiRestricted } = await import('./uiSmoke.mjs');
  const restricted = await runSuiteInCodeServer({
    name: 'restricted', codeServer, chromium, env, trusted: false,
    developmentPath: ROOT, testsPath: path.join(ROOT, 'out', 'test', 'vscode', 'index.js'),
    prepare: (workspace, base) => {
      const canary = path.join(base, 'workspace-host.sock');
      fs.mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
      fs.writeFileSync(path.join(workspace, '.vscode', 'settings.json'), JSON.stringify({ 'dockerLearning.host': `unix://${canary}` }, null, 2));
      return { DOCKER_LEARNING_CANARY_SOCKET: canary };
    },
    afterTests: uiRestricted,
  });
  // A window that ran no test (an index that registered nothing) is a failure, not a pass.
  const none = restricted.results.passed + restricted.results.failed === 0;
  out.push({ layer: 'vscode-restricted', passed: restricted.results.passed, failed: restricted.results.failed + (none ? 1 : 0), skipped: restricted.results.pending, note: restricted.results.error ?? (none ? 'no tests ran' : undefined) });
  out.push(...restricted.extra);

  if (vsix && fs.existsSync(vsix)) {
    // The packaged extension: install the .vsix into a fresh extensions dir and run the
    // activation suite against the installed copy, which holds only what the .vsix shipped.
    const extDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dl-vsix-ext-'));
    const inst = spawnSync(codeServer, ['--extensions-dir', extDir, '--install-extension', vsix], { encoding: 'utf8' });
    const installed = fs.readdirSync(extDir).find((d) => d.startsWith('docker-learning.docker-learning-'));
    if (inst.status !== 0 || !installed) {
      console.log(`vsix install failed:\n${inst.stdout}\n${inst.stderr}`);
      out.push({ layer: 'vsix-install', passed: 0, failed: 1, note: 'code-server --install-extension failed' });
    } else {
      log(`installed ${path.basename(vsix)} into ${path.join(extDir, installed)}`);
      const r = await runSuiteInCodeServer({
        name: 'vsix', codeServer, chromium, env,
        developmentPath: path.join(extDir, installed), testsPath: path.join(ROOT, 'out', 'test', 'vscode', 'installed.js'),
      });
      out.push({ layer: 'vsix-install', passed: r.results.passed, failed: r.results.failed, note: r.results.error });
    }
  }
  return out;
}
