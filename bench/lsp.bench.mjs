// Language server benchmark, side by side in one run: our server vs the peer
// (dockerfile-language-server-nodejs, built on the same dockerfile-language-service), both over stdio
// with the same LSP client, on generated Dockerfiles of ~100, 1k, 5k and 25k lines.
// Prints first diagnostics, edit → diagnostics, hover p50/p95 while a revalidation runs, completion
// latency and peak RSS for both, then the ratios. `--sizes=111,1011` picks sizes; `--json=FILE` saves.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { ROOT } from '../scripts/lib/esbuildConfig.mjs';

const argv = process.argv.slice(2);
const opt = (name, dflt) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? dflt;
const SIZES = opt('sizes', '111,1011,5011,25011').split(',').map(Number);
const HOVERS = Number(opt('hovers', '40'));

export const SERVERS = {
  ours: [process.execPath, path.join(ROOT, 'dist', 'server.js'), '--stdio'],
  peer: [process.execPath, path.join(ROOT, 'node_modules', 'dockerfile-language-server-nodejs', 'bin', 'docker-langserver'), '--stdio'],
};

/** Header of 11 lines, then 5-line blocks: a 3-line RUN with continuations, a COPY and an ENV, with ARG/ENV references. */
export function generateDockerfile(lines) {
  const head = ['# generated for the benchmark', 'ARG BASE=alpine:3.20', 'ARG VERSION=1.0', 'FROM ${BASE} AS build', 'ARG VERSION',
    'ENV APP_HOME=/app', 'WORKDIR ${APP_HOME}', 'ENV E0=${VERSION}', 'LABEL org.opencontainers.image.title="bench"', 'USER 1000', 'EXPOSE 8080'];
  const out = [...head];
  for (let i = 0; out.length + 5 <= lines; i++) {
    out.push(`RUN echo "step ${i} of \${VERSION}" \\`, `    && mkdir -p \${APP_HOME}/d${i} \\`, `    && echo $E${i} > \${APP_HOME}/d${i}/v`,
      `COPY file${i}.txt \${APP_HOME}/d${i}/`, `ENV E${i + 1}=\${E${i}}-${i}`);
  }
  return `${out.join('\n')}\n`;
}

function peakRssMb(pid) {
  try { return Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024; } catch { return NaN; }
}

const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]; };

async function startServer(command) {
  const child = spawn(command[0], command.slice(1), { stdio: ['pipe', 'pipe', 'ignore'] });
  const conn = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiters = [];
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    for (const w of [...waiters]) { if (w.uri === p.uri && (w.version === undefined || p.version === undefined || p.version >= w.version)) { waiters.splice(waiters.indexOf(w), 1); w.resolve(p); } }
  });
  conn.onRequest('workspace/configuration', (p) => p.items.map(() => null));
  conn.onRequest('client/registerCapability', () => null);
  conn.onNotification('window/logMessage', () => {});
  conn.listen();
  await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { textDocument: { hover: { contentFormat: ['markdown'] }, completion: { completionItem: { snippetSupport: true } } } } });
  conn.sendNotification('initialized', {});
  return {
    child, conn,
    diagnostics: (uri, version) => new Promise((resolve) => waiters.push({ uri, version, resolve })),
    async stop() { try { await conn.sendRequest('shutdown'); await conn.sendNotification('exit').catch(() => {}); } catch {} conn.dispose(); child.kill(); },
  };
}

export async function measure(command, text) {
  const s = await startServer(command);
  const uri = 'file:///bench/Dockerfile';
  const lines = text.split('\n');
  const t0 = performance.now();
  const first = s.diagnostics(uri, 1);
  s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1, text } });
  await first;
  const firstMs = performance.now() - t0;

  // Edit → diagnostics: change one line in the middle, wait for that version's diagnostics.
  const mid = Math.floor(lines.length / 2);
  const edited = [...lines]; edited[mid] = `${edited[mid]} `;
  const t1 = performance.now();
  const afterEdit = s.diagnostics(uri, 2);
  s.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: edited.join('\n') }] });
  await afterEdit;
  const editMs = performance.now() - t1;

  // Hovers sent while a revalidation runs: trigger an edit, then hover at once, repeatedly.
  const hoverMs = [];
  let version = 2;
  for (let i = 0; i < HOVERS; i++) {
    version++;
    const line = 11 + ((i * 37) % Math.max(1, lines.length - 12));
    edited[mid] = `${lines[mid]}${' '.repeat(i % 3)}`;
    const done = s.diagnostics(uri, version);
    s.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: edited.join('\n') }] });
    const h0 = performance.now();
    await s.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character: 1 } });
    hoverMs.push(performance.now() - h0);
    await done;
  }
  const c0 = performance.now();
  await s.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: lines.length - 1, character: 0 } });
  const completionMs = performance.now() - c0;
  const rss = peakRssMb(s.child.pid);
  await s.stop();
  return { firstMs, editMs, hoverP50: pct(hoverMs, 50), hoverP95: pct(hoverMs, 95), completionMs, rssMb: rss };
}

const fmt = (n) => (Number.isFinite(n) ? (n >= 100 ? n.toFixed(0) : n.toFixed(1)) : '—');

export async function runLspBench() {
  const rows = [];
  for (const size of SIZES) {
    const text = generateDockerfile(size);
    const lineCount = text.split('\n').length - 1;
    const result = { lines: lineCount };
    for (const [name, cmd] of Object.entries(SERVERS)) { result[name] = await measure(cmd, text); }
    rows.push(result);
    console.log(`  measured ${lineCount} lines`);
  }
  console.log('\nLanguage server, side by side (ms; RSS in MB)');
  console.log('| lines | server | first diagnostics | edit → diagnostics | hover p50 / p95 (during revalidation) | completion | peak RSS |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of rows) {
    for (const name of Object.keys(SERVERS)) {
      const m = r[name];
      console.log(`| ${r.lines} | ${name} | ${fmt(m.firstMs)} | ${fmt(m.editMs)} | ${fmt(m.hoverP50)} / ${fmt(m.hoverP95)} | ${fmt(m.completionMs)} | ${fmt(m.rssMb)} |`);
    }
  }
  console.log('\nRatios (peer ÷ ours; > 1 means we are faster / smaller)');
  console.log('| lines | first diagnostics | edit → diagnostics | hover p95 | completion | peak RSS |');
  console.log('|---|---|---|---|---|---|');
  for (const r of rows) {
    const q = (k) => fmt(r.peer[k] / r.ours[k]);
    console.log(`| ${r.lines} | ${q('firstMs')}× | ${q('editMs')}× | ${q('hoverP95')}× | ${q('completionMs')}× | ${q('rssMb')}× |`);
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await runLspBench();
  const json = opt('json');
  if (json) { fs.writeFileSync(json, JSON.stringify(rows, null, 2)); }
}
