// Every command of the Containers view → the file that implements it. Start here to find an action.
//
//   start stop restart pause unpause kill   lifecycle.ts
//   remove                                   remove.ts
//   stopAll removeStopped                    bulk.ts
//   logs logsWithOptions                     logs.ts
//   shell                                    shell.ts
//   processes                                processes.ts
//   inspect                                  inspect.ts
//   rename                                   rename.ts
//   commit                                   commit.ts
//   copyId copyName                          copy.ts
//   openPort                                 openPort.ts
//   refresh showAll showRunningOnly sortByName sortByCreated   view.ts
import * as vscode from 'vscode';
import { registerEngineCommand } from '../../restrictedMode';
import type { ContainersView } from '../containersView';
import type { ReadOnlyDocuments } from '../documents';
import { removeStopped, stopAll } from './bulk';
import { commitContainer } from './commit';
import { copyField } from './copy';
import { inspectContainer } from './inspect';
import { runLifecycle } from './lifecycle';
import { showLogs } from './logs';
import { openPort } from './openPort';
import { showProcesses } from './processes';
import { removeContainers } from './remove';
import { renameContainer } from './rename';
import { openShell } from './shell';
import { refresh, setShow, setSort } from './view';

type Handler = (...args: unknown[]) => unknown;

export function containerCommands(view: ContainersView, docs: ReadOnlyDocuments): Record<string, Handler> {
  return {
    refresh: () => refresh(view),
    showAll: () => setShow(view, 'all'),
    showRunningOnly: () => setShow(view, 'running'),
    sortByName: () => setSort(view, 'name'),
    sortByCreated: () => setSort(view, 'created'),
    stopAll: (o?: unknown) => stopAll(view, (o ?? {}) as object),
    removeStopped: (o?: unknown) => removeStopped(view, (o ?? {}) as object),
    start: (...a) => runLifecycle(view, 'start', a),
    stop: (...a) => runLifecycle(view, 'stop', a),
    restart: (...a) => runLifecycle(view, 'restart', a),
    pause: (...a) => runLifecycle(view, 'pause', a),
    unpause: (...a) => runLifecycle(view, 'unpause', a),
    kill: (...a) => runLifecycle(view, 'kill', a),
    remove: (...a) => removeContainers(view, a),
    logs: (...a) => showLogs(view, a),
    logsWithOptions: (...a) => showLogs(view, a, true),
    shell: (...a) => openShell(view, a),
    processes: (...a) => showProcesses(view, docs, a),
    inspect: (...a) => inspectContainer(view, docs, a),
    rename: (...a) => renameContainer(view, a),
    commit: (...a) => commitContainer(view, a),
    copyId: (...a) => copyField(view, 'id', a),
    copyName: (...a) => copyField(view, 'name', a),
    openPort: (...a) => openPort(view, a),
  };
}

export function registerContainerCommands(view: ContainersView, docs: ReadOnlyDocuments): vscode.Disposable[] {
  // Every one of them reads or changes the engine: refused in Restricted Mode (restrictedMode.ts).
  return Object.entries(containerCommands(view, docs)).map(([name, handler]) =>
    registerEngineCommand(`dockerLearning.containers.${name}`, handler));
}
