// The docker command each Containers-view action stands for. Every name goes through
// dockerCommand(), so what we show and what "Run in terminal" types is always safely quoted.
import { dockerCommand } from './shellQuote';

export interface LogsCliOptions {
  follow?: boolean;
  tail?: number | 'all';
  timestamps?: boolean;
  /** As the user typed it: 10m, 2024-05-01T10:00:00, … */
  since?: string;
}

export const containerCli = {
  list: (all: boolean) => (all ? dockerCommand('container', 'ps', '-a') : dockerCommand('container', 'ps')),
  start: (names: string[]) => dockerCommand('container', 'start', ...names),
  stop: (names: string[]) => dockerCommand('container', 'stop', ...names),
  restart: (names: string[]) => dockerCommand('container', 'restart', ...names),
  pause: (names: string[]) => dockerCommand('container', 'pause', ...names),
  unpause: (names: string[]) => dockerCommand('container', 'unpause', ...names),
  kill: (names: string[]) => dockerCommand('container', 'kill', ...names),
  remove: (names: string[]) => dockerCommand('container', 'rm', ...names),
  forceRemove: (names: string[]) => dockerCommand('container', 'rm', '-f', ...names),
  stopAndRemove: (names: string[]) => `${dockerCommand('container', 'stop', ...names)} && ${dockerCommand('container', 'rm', ...names)}`,
  logs: (name: string, o: LogsCliOptions = {}) => {
    const args = ['container', 'logs'];
    if (o.follow ?? true) { args.push('-f'); }
    if (o.tail !== undefined && o.tail !== 'all') { args.push('--tail', String(o.tail)); }
    if (o.timestamps) { args.push('-t'); }
    if (o.since) { args.push('--since', o.since); }
    return dockerCommand(...args, name);
  },
  exec: (name: string, shell: string) => dockerCommand('container', 'exec', '-it', name, shell),
  top: (name: string) => dockerCommand('container', 'top', name),
  inspect: (name: string) => dockerCommand('container', 'inspect', name),
  rename: (name: string, newName: string) => dockerCommand('container', 'rename', name, newName),
  commit: (name: string, repoTag: string) => dockerCommand('container', 'commit', name, repoTag),
  port: (name: string) => dockerCommand('container', 'port', name),
  copyId: (name: string) => dockerCommand('container', 'inspect', '--format', '{{.Id}}', name),
  copyName: (id: string) => dockerCommand('container', 'inspect', '--format', '{{.Name}}', id),
  /** The course's "stop all": every container id (`-aq`) handed to one stop. */
  stopAll: () => dockerCommand('container', 'stop', { raw: '$(docker container ps -aq)' }),
  /** Removes every stopped container (exited, created, dead); -f skips the CLI's own y/N question. */
  removeStopped: () => dockerCommand('container', 'prune', '-f'),
};
