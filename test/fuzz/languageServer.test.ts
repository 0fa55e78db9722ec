// Fuzzing the standalone language server over stdio: thousands of generated and mutated Dockerfiles,
// each followed by every kind of request at random positions (some past the end). No crash, no
// request over 1 s, no error in the server's log. The seed is printed so a failure can be replayed.
import * as assert from 'node:assert';
import { startStdioServer, StdioServer, ROOT } from '../support/lspClient';
import { extremeDocuments, generateDocument, rng } from './dockerfileGenerator';
import { dockerfileCorpus } from '../support/dockerfileCorpus';

const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const COUNT = Number(process.env.FUZZ_COUNT ?? 10_000);
const BUDGET_MS = Number(process.env.FUZZ_BUDGET_MS ?? 240_000);
const REQUEST_LIMIT_MS = 1000;
/** FUZZ_EXTREME=0 leaves out the pathological documents (1 MB line, 5,000 continuations…) to look at the rest. */
const EXTREME = process.env.FUZZ_EXTREME !== '0';

function corpus(): string[] {
  return dockerfileCorpus(ROOT, ['test/fixtures', 'sample']);
}

describe('fuzzing the language server', function () {
  this.timeout(BUDGET_MS + 120_000);
  let server: StdioServer;
  const serverErrors: string[] = [];
  after(async () => { await server?.close(); });

  it(`survives ${COUNT} generated documents with every request kind (seed printed)`, async () => {
    console.log(`      FUZZ_SEED=${SEED} FUZZ_COUNT=${COUNT}`);
    server = await startStdioServer({ locale: 'en' });
    server.connection.onNotification('window/logMessage', (m: { type: number; message: string }) => { if (m.type === 1) { serverErrors.push(m.message); } });
    const r = rng(SEED);
    const seeds = corpus();
    const uri = 'file:///fuzz/Dockerfile';
    let version = 1;
    server.open(uri, '', version);
    const slow: string[] = [];
    const failed: string[] = [];
    let requests = 0;
    const started = Date.now();
    const docs = EXTREME ? extremeDocuments().map((d) => d.text) : [];
    let sent = 0;
    for (let i = 0; i < COUNT + docs.length; i++) {
      if (Date.now() - started > BUDGET_MS) { break; }
      const text = i < docs.length ? docs[i] : generateDocument(r, seeds);
      version++;
      server.change(uri, text, version);
      const lines = text.split('\n');
      const position = () => {
        const line = Math.floor(r() * (lines.length + 2));
        return { line, character: Math.floor(r() * ((lines[line]?.length ?? 5) + 3)) };
      };
      const p1 = position();
      const calls: [string, unknown][] = [
        ['textDocument/hover', { textDocument: { uri }, position: position() }],
        ['textDocument/completion', { textDocument: { uri }, position: position() }],
        ['textDocument/codeAction', { textDocument: { uri }, range: { start: p1, end: position() }, context: { diagnostics: [] } }],
        ['textDocument/formatting', { textDocument: { uri }, options: { tabSize: 4, insertSpaces: r() < 0.5 } }],
        ['textDocument/documentSymbol', { textDocument: { uri } }],
        ['textDocument/foldingRange', { textDocument: { uri } }],
        ['textDocument/semanticTokens/full', { textDocument: { uri } }],
      ];
      await Promise.all(calls.map(async ([method, params]) => {
        const t0 = Date.now();
        try {
          await server.connection.sendRequest(method, params);
        } catch (e) {
          failed.push(`${method} on document #${i}: ${(e as Error).message}`);
        }
        const ms = Date.now() - t0;
        if (ms > REQUEST_LIMIT_MS) { slow.push(`${method} on document #${i}: ${ms} ms`); }
        requests++;
      }));
      sent++;
      assert.strictEqual(server.process.exitCode, null, `the server exited on document #${i} (FUZZ_SEED=${SEED}): ${server.stderr().slice(-2000)}`);
    }
    console.log(`      ${sent} documents, ${requests} requests in ${((Date.now() - started) / 1000).toFixed(1)} s; ${failed.length} failed, ${slow.length} over ${REQUEST_LIMIT_MS} ms, ${serverErrors.length} server errors`);
    assert.ok(sent >= Math.min(COUNT, 10_000), `only ${sent} documents fit in the ${BUDGET_MS} ms budget (FUZZ_SEED=${SEED})`);
    assert.deepStrictEqual(failed.slice(0, 10), [], `requests failed (FUZZ_SEED=${SEED})`);
    assert.deepStrictEqual(slow.slice(0, 10), [], `requests over ${REQUEST_LIMIT_MS} ms (FUZZ_SEED=${SEED})`);
    assert.deepStrictEqual(serverErrors.slice(0, 10), [], `errors in the server log (FUZZ_SEED=${SEED})`);
    assert.doesNotMatch(server.stderr(), /Unhandled|TypeError|RangeError/, 'no unhandled exception on stderr');
  });
});
