// A full garbage collection on demand, for the tests that check something is no longer kept alive.
import * as v8 from 'node:v8';
import * as vm from 'node:vm';

let gc: (() => void) | undefined;

/** Collects garbage now (V8's `gc`, exposed once per process: the flag applies to contexts made after it). */
export function collectGarbage(): void {
  if (!gc) {
    v8.setFlagsFromString('--expose-gc');
    gc = vm.runInNewContext('gc') as () => void;
  }
  gc();
}
