// When the validation worker collects garbage on its own: once its old generation has grown by the given
// amount since the last collection (its own or V8's), once the jobs already waiting have run.
import * as assert from 'node:assert';
import { IdleCollection } from '../../../../server/src/incremental/idleCollection';

const MB = 2 ** 20;

function rig(growthMb: number, share = 0) {
  const state = { used: 40 * MB, liveAfterCollection: 35 * MB, collections: 0, queued: [] as (() => void)[] };
  const idle = new IdleCollection(growthMb, {
    used: () => state.used,
    collect: () => { state.collections++; state.used = state.liveAfterCollection; },
    later: (fn) => { state.queued.push(fn); },
  }, share);
  const runQueued = (): void => { state.queued.splice(0).forEach((fn) => fn()); };
  /** A job ends with `mb` MB in use: how many collections are scheduled then. */
  const jobEndsAt = (mb: number): number => { state.used = mb * MB; idle.afterJob(); return state.queued.length; };
  return { state, idle, runQueued, jobEndsAt };
}

describe('idle collection in the validation worker', () => {
  it('collects once the old generation has grown by the threshold since the lowest use seen, after the waiting jobs', () => {
    const { state, idle, runQueued, jobEndsAt } = rig(8);
    idle.afterJob(); // 40 MB: the first mark
    assert.strictEqual(jobEndsAt(47), 0, 'grown by 7 MB: nothing yet');
    assert.strictEqual(jobEndsAt(48), 1, 'grown by 8 MB: a collection is scheduled');
    assert.strictEqual(state.collections, 0, 'not run inside the job');
    runQueued();
    assert.strictEqual(state.collections, 1);
    assert.strictEqual(idle.collections, 1);
    // The new mark is what was live after it (35 MB): 42 MB is not enough again, 43 is.
    assert.strictEqual(jobEndsAt(42), 0);
    assert.strictEqual(jobEndsAt(43), 1);
  });

  it('follows V8\'s own collections (a lower use lowers the mark) and schedules one collection at a time', () => {
    const { state, idle, runQueued } = rig(8);
    idle.afterJob(); // 40
    state.used = 30 * MB; // V8 collected by itself
    idle.afterJob();
    state.used = 38 * MB;
    idle.afterJob();
    idle.afterJob();
    assert.strictEqual(state.queued.length, 1, 'grown by 8 MB from 30: one collection, asked for twice');
    runQueued();
    assert.strictEqual(state.collections, 1);
  });

  it('waits for a share of what was live after the last collection when that is more than the threshold', () => {
    const large = rig(8, 0.35);
    large.jobEndsAt(35); // the mark: 35 MB live, 35 % of it is 12.25 MB (more than 8)
    assert.strictEqual(large.jobEndsAt(47), 0, 'grown by 12 MB: not yet');
    assert.strictEqual(large.jobEndsAt(47.5), 1, 'grown by 12.5 MB: scheduled');
    // A small heap: 35 % of 10 MB is 3.5, so the 8 MB floor holds.
    const small = rig(8, 0.35);
    small.jobEndsAt(10);
    assert.strictEqual(small.jobEndsAt(17), 0, 'a small heap grown by 7 MB: not yet');
    assert.strictEqual(small.jobEndsAt(18), 1, 'grown by 8 MB: scheduled');
  });

  it('collects when asked whatever the growth (after a first validation), still after the waiting jobs and once at a time', () => {
    const { state, idle, runQueued } = rig(8, 0.25);
    idle.afterJob(true);
    idle.afterJob(true);
    assert.strictEqual(state.queued.length, 1, 'asked twice before it ran: one collection');
    assert.strictEqual(state.collections, 0, 'not inside the job');
    runQueued();
    assert.strictEqual(state.collections, 1);
  });

  it('never collects with a threshold of 0 (DOCKER_LEARNING_WORKER_IDLE_GC_MB=0)', () => {
    const { state, idle } = rig(0);
    for (const mb of [40, 100, 400]) { state.used = mb * MB; idle.afterJob(); idle.afterJob(true); }
    assert.strictEqual(state.queued.length, 0);
  });
});
