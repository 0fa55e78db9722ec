// How the language server should be started. The VS Code client passes these node options when it forks
// dist/server.js, `npm run bench` starts it the same way, and README shows them for other editors
// (`node --single-threaded-gc dist/server.js --stdio`; it runs without them too, with worse hover tails).
//
// --single-threaded-gc: V8 otherwise collects garbage on helper threads at normal priority, shared by
// the whole process. The validation worker allocates a lot on a big file (it rebuilds its model on
// every keystroke), so its collections took the CPU from the main thread that answers hovers — the
// worker's own lower priority (incremental/validationWorker.ts) did not cover them. With this option each
// thread collects its own garbage, at its own priority. Measured side by side, 25,011 lines, hover
// during revalidation: p95 22–58 ms without, 6–16 ms with; edit → diagnostics unchanged within noise.
// V8 options cannot be changed safely once the process runs (turning concurrent marking off at run time
// aborts the process), so this must be a start option.
import launch from './launch.json';

export const SERVER_EXEC_ARGV: readonly string[] = launch.execArgv;
