// What the learner has done, as the walkthrough's context keys. The steps complete on these keys
// (`onContext:` in package.json) as well as on our commands, so a step also completes when the learner
// types the course's docker command in a terminal: the engine reports it as an event either way.
// No `vscode` here: the mapping is unit-tested.
import type { DockerEvent } from '../engine/events';

export const WALKTHROUGH_ID = 'learnDocker';
export const EXTENSION_ID = 'docker-learning.docker-learning';

export const WALKTHROUGH_COMMANDS = {
  open: 'dockerLearning.walkthrough.open',
  checkEngine: 'dockerLearning.walkthrough.checkEngine',
  openSample: 'dockerLearning.walkthrough.openSample',
  openPractice: 'dockerLearning.walkthrough.openPractice',
  newMultiStage: 'dockerLearning.walkthrough.newMultiStage',
} as const;

/** Context keys, each `dockerLearning.walkthrough.<name>`, set to true once and never cleared. */
export type ProgressKey =
  | 'engineConnected'   // checkEngine reached the engine
  | 'containerStarted'  // any container started (docker container run / start)
  | 'lookedInside'      // docker container exec … or docker container top …
  | 'containerRemoved'  // docker container rm …
  | 'dockerfileFixed'   // the practice Dockerfile has fewer problems than it had
  | 'multiStageWritten' // an open Dockerfile has two FROM lines and a COPY --from
  | 'imageLoaded'       // docker image load …
  | 'imagePushed';      // docker image push …

export const PROGRESS_KEYS: readonly ProgressKey[] = ['engineConnected', 'containerStarted', 'lookedInside', 'containerRemoved',
  'dockerfileFixed', 'multiStageWritten', 'imageLoaded', 'imagePushed'];

export function contextKey(key: ProgressKey): string { return `dockerLearning.walkthrough.${key}`; }

/**
 * The progress a Docker engine event stands for (`docker system events` shows the same events).
 * `tag` and `save` are not used: `docker image build -t` tags too, and a save without a load is half the step.
 */
export function progressFromEvent(e: Pick<DockerEvent, 'Type' | 'Action'>): ProgressKey | undefined {
  // exec actions carry the command: "exec_start: sh", "exec_create: sh -c …"
  const action = e.Action.split(':')[0].trim();
  if (e.Type === 'container') {
    switch (action) {
      case 'start': return 'containerStarted';
      case 'exec_start': case 'top': return 'lookedInside';
      case 'destroy': return 'containerRemoved';
    }
  } else if (e.Type === 'image') {
    switch (action) {
      case 'load': return 'imageLoaded';
      case 'push': return 'imagePushed';
    }
  }
  return undefined;
}

/** A multi-stage Dockerfile: at least two FROM instructions, and a COPY that takes files from another stage. */
export function isMultiStage(text: string): boolean {
  const froms = text.match(/^[ \t]*FROM[ \t]+\S/gim) ?? [];
  return froms.length >= 2 && /^[ \t]*COPY[ \t]+(?:--\S+[ \t]+)*--from=\S+/im.test(text);
}
