// Reads the endpoint inputs from VS Code settings and this machine.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as vscode from 'vscode';
import { Endpoint, resolveEndpoint } from './endpoint';

export function endpointFromSettings(): Endpoint {
  return resolveEndpoint({
    hostSetting: vscode.workspace.getConfiguration('dockerLearning').get<string>('host'),
    env: process.env,
    homedir: os.homedir(),
    platform: process.platform,
    readFile: (file) => { try { return fs.readFileSync(file, 'utf8'); } catch { return undefined; } },
  });
}
