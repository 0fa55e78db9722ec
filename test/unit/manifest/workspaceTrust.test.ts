// Restricted Mode: hovers and diagnostics work in a folder nobody has trusted yet; nothing there may
// drive the Docker engine or point us at another engine through workspace settings.
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

describe('workspace trust (package.json)', () => {
  it('declares limited support for untrusted workspaces and restricts the engine host setting', () => {
    const untrusted = manifest.capabilities?.untrustedWorkspaces;
    assert.strictEqual(untrusted?.supported, 'limited');
    assert.ok(untrusted.restrictedConfigurations.includes('dockerLearning.host'));
  });

  it('disables every command that talks to the engine until the workspace is trusted', () => {
    const engineCommands = (manifest.contributes.commands as { command: string; enablement?: string }[])
      .filter((c) => /^dockerLearning\.(containers|images)\./.test(c.command) || c.command === 'dockerLearning.buildImage');
    assert.ok(engineCommands.length >= 30, `found ${engineCommands.length} engine commands`);
    const open = engineCommands.filter((c) => !/\bisWorkspaceTrusted\b/.test(c.enablement ?? '')).map((c) => c.command);
    assert.deepStrictEqual(open, []);
  });
});
