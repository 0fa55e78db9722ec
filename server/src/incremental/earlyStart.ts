// Imported first by server.ts: an import's top-level code runs before the importing module's body, so
// this is the one place that runs before the rest of the server's modules are loaded (~35 ms of them).
import { startValidationWorkerEarly } from './diagnosticsScheduler';

startValidationWorkerEarly();
