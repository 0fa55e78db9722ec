// Everything a fresh machine lacks for the tests and for `npm start`: Debian packages,
// a Docker engine, code-server (a real VS Code) and Chromium. Each step is idempotent and
// says what it does, so the first run on a new machine explains its own minutes.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';

export const CODE_SERVER_VERSION = '4.100.3';
export const CACHE_DIR = process.env.DOCKER_LEARNING_CACHE || path.join(os.homedir(), '.cache', 'docker-learning');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const isCI = process.env.CI === 'true' || process.env.CI === '1';
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

export function log(msg) { process.stdout.write(`[setup] ${msg}\n`); }

function have(cmd) {
  return spawnSync('sh', ['-c', 'command -v "$1"', 'sh', cmd], { stdio: 'ignore' }).status === 0;
}

function dpkgInstalled(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

let aptUpdated = false;
/** Installs missing Debian packages when we are root on a Debian machine; otherwise reports them. */
export function ensureDebianPackages(pkgs) {
  const missing = pkgs.filter((p) => !dpkgInstalled(p));
  if (missing.length === 0) { return true; }
  if (!isRoot || !have('apt-get')) {
    log(`missing Debian packages: ${missing.join(' ')} (not root or no apt-get: install them yourself)`);
    return false;
  }
  log(`installing Debian packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) { execFileSync('apt-get', ['update', '-q'], { stdio: 'inherit', env }); aptUpdated = true; }
  execFileSync('apt-get', ['install', '-y', '-q', ...missing], { stdio: 'inherit', env });
  return true;
}

function socketAnswers(socketPath) {
  return new Promise((resolve) => {
    const s = net.connect(socketPath);
    s.setTimeout(2000);
    s.on('connect', () => {
      s.write('GET /_ping HTTP/1.0\r\n\r\n');
    });
    s.on('data', (d) => { resolve(String(d).includes('200 OK')); s.destroy(); });
    s.on('error', () => resolve(false));
    s.on('timeout', () => { resolve(false); s.destroy(); });
  });
}

const DOCKER_SOCKET = '/var/run/docker.sock';

/**
 * Makes sure a Docker engine answers. Returns a reason string when none can be had.
 * An engine named by DOCKER_HOST is trusted as is; otherwise we start dockerd when we can.
 */
export async function ensureDockerEngine() {
  if (process.env.DOCKER_HOST && !process.env.DOCKER_HOST.startsWith('unix://')) { return undefined; }
  const socketPath = process.env.DOCKER_HOST ? process.env.DOCKER_HOST.slice('unix://'.length) : DOCKER_SOCKET;
  if (await socketAnswers(socketPath)) { return undefined; }
  if (!isRoot) { return `no Docker engine answers on ${socketPath} and we are not root to start one`; }
  if (!have('dockerd')) {
    try { ensureDebianPackages(['docker.io']); } catch (e) { return `could not install docker.io: ${e.message}`; }
  }
  if (!have('dockerd')) { return 'dockerd is not installed (Debian package docker.io)'; }
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  const logFile = path.join(CACHE_DIR, 'dockerd.log');
  log(`starting dockerd in the background (log: ${logFile})`);
  const out = fs.openSync(logFile, 'a');
  const child = spawn('dockerd', ['--host', `unix://${socketPath}`], { detached: true, stdio: ['ignore', out, out] });
  child.unref();
  for (let i = 0; i < 120; i++) {
    if (await socketAnswers(socketPath)) { log('dockerd is up'); return undefined; }
    await new Promise((r) => setTimeout(r, 500));
  }
  return `dockerd did not answer within 60 s; see ${logFile}`;
}

/** The Debian packages code-server's native modules need to build, plus the tools our rigs use. */
const CODE_SERVER_DEBS = ['libkrb5-dev', 'pkg-config', 'libxkbfile-dev', 'libsecret-1-dev', 'ripgrep', 'python3', 'make', 'g++'];

export function codeServerBin() {
  return path.join(CACHE_DIR, `code-server-${CODE_SERVER_VERSION}`, 'node_modules', '.bin', 'code-server');
}

/**
 * Installs code-server@4.100.3 (VS Code 1.100.3) into the cache, outside the repo, offline-friendly:
 * its postinstall builds native modules with node-gyp, and @vscode/ripgrep wants to download a binary,
 * which we pre-seed with Debian's rg.
 */
export function ensureCodeServer() {
  const bin = codeServerBin();
  const dir = path.dirname(path.dirname(path.dirname(bin)));
  const marker = path.join(dir, '.installed');
  if (fs.existsSync(marker) && fs.existsSync(bin)) { return bin; }
  ensureDebianPackages(CODE_SERVER_DEBS);
  log(`installing code-server@${CODE_SERVER_VERSION} into ${dir} (first run: several minutes)`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'code-server-cache', private: true }));
  const tmp = process.env.TMPDIR || os.tmpdir();
  const rgCache = path.join(tmp, 'vscode-ripgrep-cache-1.15.11');
  const rgTar = path.join(rgCache, 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz');
  if (!fs.existsSync(rgTar)) {
    fs.mkdirSync(rgCache, { recursive: true });
    const stage = fs.mkdtempSync(path.join(tmp, 'rg-'));
    fs.copyFileSync(execFileSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).trim(), path.join(stage, 'rg'));
    fs.chmodSync(path.join(stage, 'rg'), 0o755);
    execFileSync('tar', ['-czf', rgTar, '-C', stage, 'rg']);
  }
  const env = { ...process.env, npm_config_unsafe_perm: 'true', npm_config_yes: 'true', TMPDIR: tmp };
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--foreground-scripts', '--dangerously-allow-all-scripts', `code-server@${CODE_SERVER_VERSION}`], {
    cwd: dir, stdio: 'inherit', env,
  });
  if (!fs.existsSync(bin)) { throw new Error(`code-server did not install: ${bin} is missing`); }
  fs.writeFileSync(marker, new Date().toISOString());
  return bin;
}

export function ensureChromium() {
  if (fs.existsSync(CHROMIUM)) { return CHROMIUM; }
  ensureDebianPackages(['chromium']);
  return fs.existsSync(CHROMIUM) ? CHROMIUM : undefined;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}
