// Extension-host test index: every VS Code integration suite.
import { runInHost } from './runInHost';

export function run(): Promise<void> {
  return runInHost(() => {
    require('./suites/activation.suite');
    require('./suites/hover.suite');
    require('./suites/containers.suite');
    require('./suites/containersActions.suite');
    require('./suites/images.suite');
    require('./suites/walkthrough.suite');
  });
}
