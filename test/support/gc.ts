// A full garbage collection on demand, for the tests that check something is no longer kept alive: the
// same one the validation worker makes while idle.
export { collectGarbage } from '../../server/src/incremental/idleCollection';
