// Small documents are indexed from dockerfile-ast's whole tree (server/src/hover/documentIndex.ts,
// indexOptions): a suite that tests the scan path calls this to send every document through the scan.
import { indexOptions } from '../../server/src/hover/documentIndex';

/** For the enclosing describe: every document's hover index reads the scan, whatever its size. */
export function indexEveryDocumentThroughTheScan(): void {
  let saved = 0;
  before(() => { saved = indexOptions.wholeTreeBelow; indexOptions.wholeTreeBelow = 0; });
  after(() => { indexOptions.wholeTreeBelow = saved; });
}
