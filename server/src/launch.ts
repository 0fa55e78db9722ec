// How the language server should be started. The VS Code client passes these node options and environment
// when it forks dist/server.js, `npm run bench` starts it the same way, and README shows them for other
// editors (`MALLOC_ARENA_MAX=1 node --single-threaded-gc --max-semi-space-size=1 --no-lazy-feedback-allocation
// dist/server.js --stdio`; it runs without them too, with worse hover tails and more memory).
//
// --single-threaded-gc: V8 otherwise collects garbage on helper threads at normal priority, shared by
// the whole process. The validation worker allocates a lot on a big file (it rebuilds its model on
// every keystroke), so its collections took the CPU from the main thread that answers hovers — the
// worker's own lower priority (incremental/validationWorker.ts) did not cover them. With this option each
// thread collects its own garbage, at its own priority. Measured side by side, 25,011 lines, hover
// during revalidation: p95 22–58 ms without, 6–16 ms with; edit → diagnostics unchanged within noise.
// V8 options cannot be changed safely once the process runs (turning concurrent marking off at run time
// aborts the process), so this must be a start option.
//
// --max-semi-space-size=1: the main thread's young generation stays at 2 MB instead of growing to 32 MB
// the first time a hover parses a large file. The main thread keeps little garbage (a keystroke copies one
// 8 KB chunk), so it loses nothing; the validation worker, which does make garbage, gets its own size
// (incremental/diagnosticsScheduler.ts clears this option before creating it). Measured side by side,
// 25,011 lines, four runs each: peak RSS 210–219 → 176–179 MB, hover p95 during revalidation 7.1–9.2 →
// 3.4–5.9 ms, edit → diagnostics 135–169 → 113–145 ms; 111 lines unchanged.
//
// --no-lazy-feedback-allocation: V8 gives a function the vector where its inline caches learn object
// layouts only after the function has run for a while, so in a freshly started server the first few dozen
// hovers and keystrokes run with cold caches (a hover right after an edit of a 111-line file: its first ten
// 0.5–3 ms, later ones ~0.3). With the vector from the first call they warm up at once. Measured side by
// side (bench/lsp.bench.mjs, ours only, 5–6 runs each, one build): 111-line hover p50 0.40–0.61 → 0.38–0.48 ms;
// 25,011 lines hover p95 2.5–3.8 → 2.2–2.6 ms and edit → diagnostics 36–56 → 32–41 ms; peak RSS +2 MB at
// 111 lines, unchanged at 25k. Tried as well: --always-sparkplug (every function baseline-compiled on its
// first call): a similar hover gain but +7 MB and slower edits on small files; both options together were
// worse than either.
//
// MALLOC_ARENA_MAX=1 (environment): the C library's allocator gives every thread that allocates its own
// arena and keeps what it freed there. The server has two JavaScript threads and V8's helper threads
// (compiler jobs), so on a big file five or six arenas of ~3 MB each stayed resident (/proc/PID/smaps). One
// arena shared by all: 25,011 lines, four interleaved runs each, peak RSS 169–179 → 158–170 MB (mean 172 →
// 162), edit → diagnostics 126–169 → 115–157 ms (no slowdown within noise). glibc reads it when the process
// starts, so it must be in the environment the server is started with; other C libraries ignore it.
import launch from './launch.json';

export const SERVER_EXEC_ARGV: readonly string[] = launch.execArgv;
/** Added to the environment the server inherits. */
export const SERVER_ENV: Readonly<Record<string, string>> = launch.env;
