// Extension-host test index for the extension installed from the .vsix: it activates and hovers.
import { runInHost } from './runInHost';

export function run(): Promise<void> {
  return runInHost(() => {
    require('./suites/activation.suite');
  });
}
