// Full garbage collections in the validation worker, made while it waits for the next job.
//
// Each keystroke on a large file builds structures as large as the file (chunk texts, the rules model's
// lists, the text split into lines) that live until the next keystroke replaces them: they outlive the
// worker's young generation, move to the old one and die there. V8 collects the old generation only once it
// has grown well past what is live (25,011 lines: ~35 MB live, collected at ~61 MB), and that sawtooth was
// the server's peak memory. So after a job, when the old generation has grown by `growthMb` since the last
// collection, or by `share` of what was live after it if that is more, the worker collects it as soon as
// no other job is waiting (30–60 ms at 25,011 lines). A small file never grows that much between two jobs;
// it is collected rarely or never.
//
// Why a share of what is live: a keystroke leaves garbage in proportion to the file (25,011 lines: ~4–5 MB
// with ~35 MB live), and a keystroke that arrives during a collection waits for it. With a fixed 8 MB,
// every second keystroke on 25,011 lines met a collection (edit → diagnostics ~27 or ~55 ms; the median
// of a run landed on either) while 12,511 lines met one every fourth: the time grew faster than the file.
// It must also come before V8's own collection, which starts marking inside the jobs once the old
// generation has grown by roughly a third of what is live (a slow job, then the collision: two slow
// keystrokes in a row). A quarter of what is live, at least 4 MB: measured back to back, every third
// keystroke meets a collection at 12,511 and at 25,011 lines (medians 14.7 and 28.4 ms), 5,011 lines 7.6.
import * as v8 from 'node:v8';
import * as vm from 'node:vm';

export interface IdleCollectionHooks {
  /** Bytes in use outside the young generation. */
  used(): number;
  /** A full collection, now. */
  collect(): void;
  /** Runs `fn` once the jobs already waiting have run (setImmediate in the worker). */
  later(fn: () => void): void;
  log?(message: string): void;
}

export class IdleCollection {
  private usedAfterCollection = Infinity;
  private scheduled = false;
  /** Full collections made so far (tests and traces read it). */
  collections = 0;

  constructor(private readonly growthMb: number, private readonly hooks: IdleCollectionHooks, private readonly share = 0) {}

  /**
   * Called after each job: schedules a collection when the old generation has grown by the threshold since
   * the last; `now` schedules one whatever it has grown (after a document's first validation, which leaves
   * the most garbage of all, while the learner is still reading).
   */
  afterJob(now = false): void {
    if (!(this.growthMb > 0) || this.scheduled) { return; }
    const used = this.hooks.used();
    // V8's own collections lower the mark too (the lowest use seen is what was live after one).
    this.usedAfterCollection = Math.min(this.usedAfterCollection, used);
    if (!now && used - this.usedAfterCollection < Math.max(this.growthMb * 2 ** 20, this.share * this.usedAfterCollection)) { return; }
    this.scheduled = true;
    const asked = now ? ' (after a first validation)' : '';
    this.hooks.later(() => {
      this.scheduled = false;
      const started = performance.now();
      this.hooks.collect();
      this.collections++;
      this.usedAfterCollection = this.hooks.used();
      this.hooks.log?.(`idle collection ${this.collections}${asked}: ${(performance.now() - started).toFixed(1)} ms, ${(used / 2 ** 20).toFixed(1)} → ${(this.usedAfterCollection / 2 ** 20).toFixed(1)} MB`);
    });
  }
}

/** V8's `gc`, exposed once: the flag applies to contexts made after it is set. */
let gc: (() => void) | undefined;

/** A full collection now (the tests that check something is no longer kept alive use it too). */
export function collectGarbage(): void {
  if (!gc) {
    v8.setFlagsFromString('--expose-gc');
    gc = vm.runInNewContext('gc') as () => void;
  }
  gc();
}

export function oldGenerationUsed(): number {
  let used = 0;
  for (const space of v8.getHeapSpaceStatistics()) {
    if (space.space_name !== 'new_space' && space.space_name !== 'new_large_object_space') { used += space.space_used_size; }
  }
  return used;
}

/** The real thing, for the worker: V8's heap, V8's collector, setImmediate. */
export const workerCollectionHooks = (log?: (message: string) => void): IdleCollectionHooks => ({
  used: oldGenerationUsed,
  log,
  collect: collectGarbage,
  later(fn) { setImmediate(fn); },
});
