// Open a published port in the browser. The host side of `-p 8080:80` is what a browser can reach;
// `docker container port <name>` is the command that lists it.
import * as vscode from 'vscode';
import { containerCli } from '../../cli/containerCommands';
import { showCliEquivalent } from '../../cli/cliEquivalent';
import type { PortSummary } from '../../engine/containerSummary';
import type { ContainersView } from '../containersView';
import { formatPort, publishedPorts } from '../model/tooltipData';
import { ActionResult, NOTHING, targetsAndOptions } from './common';

export interface OpenPortOptions {
  /** The host port to open, instead of asking. */
  port: number;
  /** false: only work out the address (tests; nothing opens). */
  open: boolean;
}

/** Where a browser reaches the port: this machine for a local engine, the engine's host otherwise. */
export function browserHost(p: PortSummary, endpointOptions: { host?: string; socketPath?: string }): string {
  if (endpointOptions.host) { return endpointOptions.host; }
  if (!p.ip || p.ip === '0.0.0.0' || p.ip === '::') { return 'localhost'; }
  return p.ip.includes(':') ? `[${p.ip}]` : p.ip;
}

export async function openPort(view: ContainersView, args: unknown[]): Promise<ActionResult & { url?: string }> {
  const picked = await targetsAndOptions<OpenPortOptions>(view, args, { applies: (c) => publishedPorts(c).length > 0, many: false, placeholder: vscode.l10n.t('Open a port of which container?') });
  if (!picked) { return NOTHING; }
  const c = picked.containers[0];
  const ports = publishedPorts(c);
  const command = containerCli.port(c.name);
  if (ports.length === 0) {
    const message = vscode.l10n.t('{0} publishes no ports. Publish one when you create a container: docker container run -p 8080:80 …', c.name);
    void vscode.window.showInformationMessage(message);
    return { done: [], failed: [{ name: c.name, error: message }] };
  }
  let port = picked.options.port !== undefined ? ports.find((p) => p.publicPort === picked.options.port) : ports.length === 1 ? ports[0] : undefined;
  if (!port && picked.options.port === undefined) {
    const chosen = await vscode.window.showQuickPick(ports.map((p) => ({ label: formatPort(p), port: p })), { placeHolder: vscode.l10n.t('Which port?') });
    port = chosen?.port;
  }
  if (!port) { return NOTHING; }
  const url = `http://${browserHost(port, view.engine().endpoint.options)}:${port.publicPort}/`;
  if (picked.options.open !== false) {
    // asExternalUri forwards the port when VS Code runs remotely (code-server, SSH, containers).
    const external = await vscode.env.asExternalUri(vscode.Uri.parse(url));
    await vscode.env.openExternal(external);
  }
  void showCliEquivalent(vscode.l10n.t('Opened {0} (port {1} of {2})', url, `${port.privatePort}/${port.type}`, c.name), command);
  return { done: [c.name], failed: [], command, url };
}
