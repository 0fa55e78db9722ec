// Which codicon and colour a container gets, from its state and Docker's status text (health is
// only in the status text of `docker container ls`: "Up 5 minutes (healthy)").
import { exitCodeFromStatus } from './exitCodes';

export type Health = 'healthy' | 'unhealthy' | 'starting';

export function healthFromStatus(status: string): Health | undefined {
  if (/\(healthy\)/.test(status)) { return 'healthy'; }
  if (/\(unhealthy\)/.test(status)) { return 'unhealthy'; }
  if (/\(health: starting\)/.test(status)) { return 'starting'; }
  return undefined;
}

export interface StateVisual {
  /** A codicon id, e.g. vm-running */
  icon: string;
  /** A theme colour id, e.g. charts.green; undefined keeps the default foreground. */
  color?: string;
}

export function stateVisual(state: string, status: string): StateVisual {
  switch (state) {
    case 'running': {
      const health = healthFromStatus(status);
      if (health === 'healthy') { return { icon: 'vm-active', color: 'charts.green' }; }
      if (health === 'unhealthy') { return { icon: 'vm-active', color: 'charts.red' }; }
      if (health === 'starting') { return { icon: 'vm-active', color: 'charts.yellow' }; }
      return { icon: 'vm-running', color: 'charts.green' };
    }
    case 'paused': return { icon: 'debug-pause', color: 'charts.yellow' };
    case 'restarting': return { icon: 'sync', color: 'charts.orange' };
    case 'created': return { icon: 'vm-outline', color: 'charts.blue' };
    case 'removing': return { icon: 'trash', color: 'disabledForeground' };
    case 'dead': return { icon: 'error', color: 'errorForeground' };
    case 'exited': {
      const code = exitCodeFromStatus(status);
      return code === 0 ? { icon: 'vm-outline', color: 'disabledForeground' } : { icon: 'vm-outline', color: 'charts.red' };
    }
    default: return { icon: 'vm-outline' };
  }
}

/** States `docker container ls` (without -a) lists: the container has processes. */
export function isUp(state: string): boolean {
  return state === 'running' || state === 'paused' || state === 'restarting';
}

/** States `docker container prune` removes. */
export function isStopped(state: string): boolean {
  return state === 'exited' || state === 'created' || state === 'dead';
}
