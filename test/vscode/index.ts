// Extension-host test index: every VS Code integration suite. The driver (scripts/lib/codeServer.mjs)
// opens two windows on this index: the trusted one runs the main suites, the one in Restricted Mode
// (DOCKER_LEARNING_VSCODE_RUN=restricted) runs what must hold in a folder nobody trusted.
// DOCKER_LEARNING_SUITES=name,name runs only those suites (while working on one; npm test runs all).
import { runInHost } from './runInHost';

const MAIN: Record<string, () => void> = {
  activation: () => require('./suites/activation.suite'),
  hover: () => require('./suites/hover.suite'),
  containers: () => require('./suites/containers.suite'),
  containersActions: () => require('./suites/containersActions.suite'),
  confirmations: () => require('./suites/confirmations.suite'),
  images: () => require('./suites/images.suite'),
  walkthrough: () => require('./suites/walkthrough.suite'),
  // Last: it ends with the extension deactivated.
  disposal: () => require('./suites/disposal.suite'),
};

const RESTRICTED: Record<string, () => void> = {
  restrictedMode: () => require('./suites/restrictedMode.suite'),
};

export function run(): Promise<void> {
  const suites = process.env.DOCKER_LEARNING_VSCODE_RUN === 'restricted' ? RESTRICTED : MAIN;
  const only = process.env.DOCKER_LEARNING_SUITES?.split(',').filter(Boolean);
  return runInHost(() => {
    for (const [name, load] of Object.entries(suites)) {
      if (!only || only.includes(name)) { load(); }
    }
  });
}
