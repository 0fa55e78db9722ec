// Runs inside the VS Code extension host for bench/containers.bench.mjs (extensionTestsPath):
// times the Containers tree's own work with N containers, then stays up while the driver measures
// the rendered rows in the browser, and hands back the tree's record of each engine answer.
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');

function waitForFile(file, timeoutMs = 10 * 60_000) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const tick = () => {
      if (fs.existsSync(file)) { resolve(); } else if (Date.now() > deadline) { reject(new Error(`no ${file}`)); } else { setTimeout(tick, 50); }
    };
    tick();
  });
}

exports.run = async function run() {
  const dir = process.env.DOCKER_LEARNING_BENCH_DIR;
  const rounds = Number(process.env.DOCKER_LEARNING_BENCH_ROUNDS || 7);
  const bench = { inHost: [], timings: [], errors: [] };
  try {
    const api = await vscode.extensions.getExtension('docker-learning.docker-learning').activate();
    const tree = api.containersTree;
    // The sidebar closed: the workbench asks for nodes of a visible view at the same time, which
    // would mix its work into ours. The rendered rows are measured afterwards, view open.
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    for (let i = 0; i < rounds; i++) {
      tree.refresh();
      const t0 = performance.now();
      const snap = await tree.current();
      const t1 = performance.now();
      if (!snap.ok) { throw new Error(`the engine did not answer: ${snap.problem.detail}`); }
      let nodes = 0;
      let first;
      const walk = async (list) => {
        for (const node of list) {
          tree.getTreeItem(node); nodes++;
          if (node.nodeKind === 'container') { first ??= node; } else { await walk(await tree.getChildren(node)); }
        }
      };
      await walk(await tree.getChildren());
      const t2 = performance.now();
      // One tooltip, as when the pointer rests on a row (built lazily, so not part of the list).
      const t3 = performance.now();
      tree.resolveTreeItem(first, first);
      const t4 = performance.now();
      bench.inHost.push({ containers: snap.containers.length, nodes, apiMs: t1 - t0, nodesMs: t2 - t1, tooltipMs: t4 - t3 });
    }
    // When each container the driver creates first arrives in an engine answer (list or patch).
    bench.firstSeen = {};
    tree.onDidLoad((snap) => {
      const now = Date.now();
      if (!snap.ok) { return; }
      for (const c of snap.containers) { if (c.name.startsWith('0dl-bench-new-') && !bench.firstSeen[c.name]) { bench.firstSeen[c.name] = now; } }
    });
    await vscode.commands.executeCommand('workbench.view.extension.dockerLearning');
    fs.writeFileSync(path.join(dir, 'ready.json'), '{}');
    // Requests from the driver, one file each: cmd-<n>.json → ack-<n>.json.
    for (let n = 0; ; n++) {
      const cmdFile = path.join(dir, `cmd-${n}.json`);
      await waitForFile(cmdFile);
      const { action } = JSON.parse(fs.readFileSync(cmdFile, 'utf8'));
      const ack = { at: Date.now() };
      if (action === 'done') { bench.timings = tree.timings.slice(); fs.writeFileSync(path.join(dir, `ack-${n}.json`), JSON.stringify(ack)); break; }
      if (action === 'runningOnly') { await vscode.commands.executeCommand('dockerLearning.containers.showRunningOnly'); }
      if (action === 'allFromEngine') {
        // Back to all containers, from a new engine answer (not from the last one, as the toggle would).
        tree.show = 'all';
        ack.at = Date.now();
        tree.refresh();
      }
      if (action === 'syncToggle') { await vscode.commands.executeCommand('dockerLearning.containers.showAll'); }
      fs.writeFileSync(path.join(dir, `ack-${n}.json`), JSON.stringify(ack));
    }
  } catch (e) {
    bench.errors.push(String((e && e.stack) || e));
  }
  fs.writeFileSync(process.env.DOCKER_LEARNING_TEST_RESULTS, JSON.stringify({
    passed: bench.errors.length ? 0 : 1, failed: bench.errors.length ? 1 : 0, pending: 0, output: '', bench,
  }));
};
