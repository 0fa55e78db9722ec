// Shared by the extension-host test indexes: runs mocha inside VS Code's extension host and
// writes the counts and the spec output to the file the driver (scripts/lib/codeServer.mjs) waits on.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as util from 'node:util';
import Mocha from 'mocha';

/** Measurements the suites report (e.g. activation time): printed by the driver and kept in results.json. */
const notes: string[] = [];
/**
 * Records a line for the driver's output. The extension host does not let tests replace
 * `console.log` reliably, so measurements go through here instead.
 */
export function note(text: string): void { notes.push(text); }

export function runInHost(registerSuites: () => void): Promise<void> {
  const resultsFile = process.env.DOCKER_LEARNING_TEST_RESULTS ?? path.join(__dirname, 'results.json');
  const lines: string[] = [];
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  // The spec reporter prints through Base.consoleLog (and tests through console.log): keep a copy
  // for the driver's terminal, which cannot see the extension host's console.
  const origLog = console.log;
  const capture = (...args: unknown[]): void => { lines.push(util.format(...args)); origLog(...args); };
  const base = Mocha.reporters.Base as unknown as { consoleLog: (...a: unknown[]) => void };
  const origBase = base.consoleLog;
  base.consoleLog = capture;
  console.log = capture;
  mocha.suite.emit('pre-require', globalThis, 'bundled', mocha);
  registerSuites();
  return new Promise((resolve) => {
    const runner = mocha.run((failures) => {
      console.log = origLog;
      base.consoleLog = origBase;
      const stats = runner.stats ?? { passes: 0, pending: 0 };
      fs.writeFileSync(resultsFile, JSON.stringify({
        passed: stats.passes, failed: failures, pending: stats.pending, notes,
        output: `${lines.join('\n')}\n${notes.map((n) => `      ${n}`).join('\n')}\n`,
      }));
      resolve();
    });
  });
}
