// Long answers computed in steps. VS Code asks for symbols and semantic tokens after every edit; on a
// 25,000-line file each takes 100–200 ms, and a hover sent meanwhile used to wait for all of them. Run in
// slices of a few milliseconds, the server takes the next message between slices (a hover is answered
// within a slice or two), and a request the client has cancelled (VS Code cancels these when the document
// changes again) stops instead of finishing for nothing.
import { CancellationToken, LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';

/** A computation that pauses (yields) now and then, and returns its answer at the end. */
export type Steps<T> = Generator<void, T, void>;

/** How many loop iterations a step may run before it offers to pause (a clock read per pause offer). */
export const STEP = 256;

/** Runs the steps to the end at once. */
export function runNow<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) { return r.value; }
  }
}

/** Runs the steps, giving the event loop its turn every `sliceMs`; a cancelled request ends with RequestCancelled. */
export async function runInSlices<T>(steps: Steps<T>, token: CancellationToken | undefined, sliceMs = 4): Promise<T> {
  let start = performance.now();
  for (;;) {
    const r = steps.next();
    if (r.done) { return r.value; }
    if (performance.now() - start >= sliceMs) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (token?.isCancellationRequested) { throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled: the document changed'); }
      start = performance.now();
    }
  }
}
