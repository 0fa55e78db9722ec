// Every sentence the Containers view says about a container or the engine, in one place:
// the pure modules classify (exit codes, problems), this file puts the classes into words.
import * as vscode from 'vscode';
import { engineMessage, InvalidOptionError } from '../engine/containers';
import type { Endpoint } from '../engine/endpoint';
import { programOnPath, type EngineProblemKind } from '../engine/engineProblem';
import { connectionProblemKind } from './model/actionProblem';
import type { ExitMeaning } from './model/exitCodes';
import { mdCode, TooltipData } from './model/tooltipData';

export function exitMeaningText(meaning: ExitMeaning, signal?: number): string {
  switch (meaning) {
    case 'success': return vscode.l10n.t('finished normally');
    case 'appError': return vscode.l10n.t('the program reported an error (a general failure: read its logs)');
    case 'dockerError': return vscode.l10n.t('Docker itself could not run the container (a wrong option or an engine error)');
    case 'cannotInvoke': return vscode.l10n.t('the command could not be run: it is not executable, or permission was denied');
    case 'notFound': return vscode.l10n.t('the command was not found in the image (check CMD, ENTRYPOINT and PATH)');
    case 'sigint': return vscode.l10n.t('interrupted with Ctrl+C (SIGINT)');
    case 'sigkill': return vscode.l10n.t('killed (SIGKILL): by docker kill, by docker stop after its 10-second grace period, or for running out of memory');
    case 'sigsegv': return vscode.l10n.t('crashed with a segmentation fault (SIGSEGV)');
    case 'sigterm': return vscode.l10n.t('ended by SIGTERM, the signal docker stop sends first');
    case 'signal': return vscode.l10n.t('ended by signal {0}', String(signal ?? '?'));
    case 'other': return vscode.l10n.t('the program\'s own exit code: its logs or documentation say what it means');
  }
}

export function problemHeadline(endpointUrl: string): string {
  return vscode.l10n.t('Cannot reach the Docker engine at {0}', endpointUrl);
}

export function problemAdvice(kind: EngineProblemKind): string {
  switch (kind) {
    case 'notRunning': return vscode.l10n.t('The engine is not running. Start Docker Desktop, or on Linux run: sudo systemctl start docker (Podman: systemctl --user start podman.socket).');
    case 'notInstalled': return vscode.l10n.t('Docker does not seem to be installed. Get it from https://docs.docker.com/get-docker/ or point the dockerLearning.host setting at an engine elsewhere.');
    case 'permission': return vscode.l10n.t('Your user may not open the socket. On Linux add yourself to the docker group: sudo usermod -aG docker $USER, then log out and back in.');
    case 'refused': return vscode.l10n.t('Nothing listens at that address. Check the host and port, and that the engine listens on TCP there.');
    case 'hostUnreachable': return vscode.l10n.t('The host cannot be reached. Check the address and the network.');
    case 'noAnswer': return vscode.l10n.t('Something accepts connections at that address but does not answer like a Docker engine. Check that the host and port are the engine’s API (not another service), and that the engine is not stuck.');
    case 'tls': return vscode.l10n.t('The TLS certificates were not accepted. Check ca.pem, cert.pem and key.pem in DOCKER_CERT_PATH, and DOCKER_TLS_VERIFY.');
    case 'ssh': return vscode.l10n.t('The SSH login failed. Check that ssh user@host works without a password prompt (load your key into ssh-agent).');
    case 'config': return vscode.l10n.t('Fix the dockerLearning.host setting, DOCKER_HOST or the current docker context.');
    case 'other': return vscode.l10n.t('Check that the engine is running, then press Refresh.');
  }
}

/**
 * Why an action failed, for a message: an option the engine layer refused, in the learner's
 * language; a fault on the way to the engine, with the same advice the view gives; otherwise the
 * engine's own words (`words`, when the caller has them already).
 */
export function failureText(e: unknown, words: string = engineMessage(e)): string {
  if (e instanceof InvalidOptionError) { return e.translated(vscode.l10n.t); }
  const kind = connectionProblemKind(e, { hasProgram: (p) => programOnPath(p) });
  return kind === 'other' ? words : vscode.l10n.t('{0}. {1}', words.replace(/[.\u3002]\s*$/, ''), problemAdvice(kind));
}

/** The view's description: which engine the learner is looking at, and why that one. */
export function endpointDescription(endpoint: Endpoint): string {
  switch (endpoint.source) {
    case 'setting': return vscode.l10n.t('{0} (from the dockerLearning.host setting)', endpoint.url);
    case 'DOCKER_HOST': return vscode.l10n.t('{0} (from DOCKER_HOST)', endpoint.url);
    case 'context': return vscode.l10n.t('{0} (docker context {1})', endpoint.url, endpoint.contextName ?? '');
    case 'default': return endpoint.url;
  }
}

export function stateText(state: string): string {
  switch (state) {
    case 'running': return vscode.l10n.t('running');
    case 'paused': return vscode.l10n.t('paused');
    case 'restarting': return vscode.l10n.t('restarting');
    case 'exited': return vscode.l10n.t('exited');
    case 'dead': return vscode.l10n.t('dead');
    case 'created': return vscode.l10n.t('created (never started)');
    case 'removing': return vscode.l10n.t('being removed');
    default: return state;
  }
}

function healthText(health: NonNullable<TooltipData['health']>): string {
  switch (health) {
    case 'healthy': return vscode.l10n.t('healthy: its HEALTHCHECK passes');
    case 'unhealthy': return vscode.l10n.t('unhealthy: its HEALTHCHECK fails');
    case 'starting': return vscode.l10n.t('health check starting');
  }
}

export function tooltipMarkdown(t: TooltipData): vscode.MarkdownString {
  const lines: string[] = [];
  lines.push(`**${escapeMd(t.name)}** — ${stateText(t.state)} · ${escapeMd(t.status)}`, '');
  const row = (label: string, value: string) => lines.push(`**${label}:** ${value}  `);
  if (t.exit) { row(vscode.l10n.t('Exit code'), `${mdCode(String(t.exit.code))} — ${escapeMd(exitMeaningText(t.exit.meaning, t.exit.signal))}`); }
  if (t.health) { row(vscode.l10n.t('Health'), escapeMd(healthText(t.health))); }
  row(vscode.l10n.t('ID'), mdCode(t.id));
  row(vscode.l10n.t('Image'), mdCode(t.image));
  row(vscode.l10n.t('Command'), mdCode(t.command));
  row(vscode.l10n.t('Created'), escapeMd(t.created));
  if (t.compose) { row(vscode.l10n.t('Compose project'), mdCode(t.compose.service ? `${t.compose.project} / ${t.compose.service}` : t.compose.project)); }
  row(vscode.l10n.t('Ports (host → container)'), t.ports.length ? t.ports.map(mdCode).join(', ') : vscode.l10n.t('none published'));
  row(vscode.l10n.t('Mounts'), t.mounts.length ? t.mounts.map((m) => mdCode(m.text) + (m.readOnly ? ` (${vscode.l10n.t('read-only')})` : '')).join(', ') : vscode.l10n.t('none'));
  row(vscode.l10n.t('Networks'), t.networks.length ? t.networks.map(mdCode).join(', ') : vscode.l10n.t('none'));
  const md = new vscode.MarkdownString(lines.join('\n'));
  md.supportHtml = false;
  return md;
}

export function escapeMd(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!|<>~-]/g, (c) => `\\${c}`);
}

/** "web" or "3 containers: a, b, c" (long lists end with "… and N more"). */
export function namesText(names: string[], limit = 8): string {
  if (names.length === 1) { return names[0]; }
  const shown = names.slice(0, limit).join(', ');
  const rest = names.length - limit;
  return rest > 0
    ? vscode.l10n.t('{0} containers: {1} … and {2} more', String(names.length), shown, String(rest))
    : vscode.l10n.t('{0} containers: {1}', String(names.length), shown);
}
