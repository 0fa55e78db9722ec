// Fuzzing the standalone language server over stdio (issue 9): at least 10,000 documents, namely the
// pathological ones (1 MB line, 5,000 continuation lines, 20,000-element JSON array…), every instruction
// with every flag and garbage values, then generated and mutated Dockerfiles seeded from the fixture
// corpus, each followed by every request kind at random positions (some past the end). No crash, no
// request over 1 s, nothing in the server's log that says something failed. The seed is printed so a
// failure can be replayed: FUZZ_SEED=<seed> (FUZZ_COUNT=<n> to narrow, FUZZ_EXTREME=0 to leave out the
// pathological documents).
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeAction, Command, CompletionItem, CompletionList, Diagnostic, Position, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { startStdioServer, StdioServer, ROOT } from '../support/lspClient';
import { extremeDocuments, flagMatrixDocuments, generateDocument, rng, Rng } from './dockerfileGenerator';
import { dockerfileCorpus } from '../support/dockerfileCorpus';
// The log prefixes the server uses for library limitations it contains (dockerfile-utils; a service call answered empty).
import { KNOWN_LIMITATION } from '../../server/src/diagnostics/computeDiagnostics';
import { SERVICE_LIMITATION } from '../../server/src/features/serviceParse';

const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
/** How many generated documents follow the fixed ones (pathological + flag matrix). */
const COUNT = Number(process.env.FUZZ_COUNT ?? 10_000);
/** The issue asks for 10,000 documents; only an explicit FUZZ_COUNT (a replay) may send fewer. */
const MIN_DOCUMENTS = process.env.FUZZ_COUNT ? COUNT : 10_000;
const BUDGET_MS = Number(process.env.FUZZ_BUDGET_MS ?? 240_000);
const REQUEST_LIMIT_MS = 1000;
const EXTREME = process.env.FUZZ_EXTREME !== '0';
/** Words in a server log line that mean a feature threw or was skipped. */
const FAILURE_IN_LOG = /fail|could not|threw|exception|error|unhandled/i;

interface Slowest { ms: number; document: string }

describe('fuzzing the language server', function () {
  this.timeout(BUDGET_MS + 180_000);
  let server: StdioServer | undefined;
  after(async () => { await server?.close(); });

  it(`answers every request kind on ≥ ${MIN_DOCUMENTS} generated, mutated and pathological documents within ${REQUEST_LIMIT_MS} ms (seed printed)`, async () => {
    console.log(`      replay: FUZZ_SEED=${SEED}${process.env.FUZZ_COUNT ? ` FUZZ_COUNT=${COUNT}` : ''}${EXTREME ? '' : ' FUZZ_EXTREME=0'}`);
    const s = await startStdioServer({ locale: 'en' });
    server = s;
    const logFailures: string[] = [];
    // dockerfile-ast's variable resolution overflows its stack on rare garbage; the server contains it per
    // chunk and says so with this prefix. Counted and reported, and it must stay rare.
    const limitations: string[] = [];
    // A dockerfile-language-service call that throws inside the library answers empty and says so: also
    // counted, reported and kept rare (each one found is a library shape worth a workaround).
    const serviceLimitations: string[] = [];
    s.connection.onNotification('window/logMessage', (m: { type: number; message: string }) => {
      if (m.type !== 1 && m.message.startsWith(KNOWN_LIMITATION)) { limitations.push(m.message.slice(0, 300)); return; }
      if (m.type !== 1 && m.message.startsWith(SERVICE_LIMITATION)) { serviceLimitations.push(`${m.message.slice(0, 300)} [${currentName}: ${keep(currentName)}]`); return; }
      if (m.type === 1 || FAILURE_IN_LOG.test(m.message)) { logFailures.push(m.message.slice(0, 500)); }
    });
    const uri = 'file:///fuzz/Dockerfile';
    let published: Diagnostic[] = [];
    s.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => { if (p.uri === uri) { published = p.diagnostics; } });

    const r = rng(SEED);
    const corpus = dockerfileCorpus(ROOT, ['test/fixtures', 'sample']);
    assert.ok(corpus.length >= 10, `the fixture corpus seeds the mutations (${corpus.length} files found)`);
    const fixed: { name: string; text: string }[] = [
      ...(EXTREME ? extremeDocuments() : []),
      ...flagMatrixDocuments().map((text, i) => ({ name: `flag matrix #${i}`, text })),
    ];
    let version = 1;
    s.open(uri, '', version);

    // Each document that made a request fail or take too long is written here, to replay without the fuzzer.
    const failureDir = path.join(ROOT, 'out', 'fuzz-failures');
    fs.rmSync(failureDir, { recursive: true, force: true });
    const slow: string[] = [];
    const failed: string[] = [];
    const perKind = new Map<string, { count: number; slowest: Slowest }>();
    let requests = 0;
    let sent = 0;
    const started = Date.now();

    let currentText = '';
    let currentName = '';
    const keep = (document: string): string => {
      const file = path.join(failureDir, `${document.replace(/[^\w#,.-]+/g, '_')}.dockerfile`);
      if (!fs.existsSync(file)) { fs.mkdirSync(failureDir, { recursive: true }); fs.writeFileSync(file, currentText); }
      return path.relative(ROOT, file);
    };
    const time = async <T>(method: string, params: object, document: string): Promise<T | undefined> => {
      const t0 = performance.now();
      let result: T | undefined;
      try {
        result = await s.connection.sendRequest<T>(method, params);
      } catch (e) {
        failed.push(`${method} on ${document} (${keep(document)}): ${(e as Error).message} ${JSON.stringify(params).slice(0, 200)}`);
      }
      const ms = performance.now() - t0;
      requests++;
      const kind = perKind.get(method) ?? { count: 0, slowest: { ms: -1, document: '' } };
      kind.count++;
      if (ms > kind.slowest.ms) { kind.slowest = { ms, document }; }
      perKind.set(method, kind);
      if (ms > REQUEST_LIMIT_MS) { slow.push(`${method} on ${document} (${keep(document)}): ${ms.toFixed(0)} ms ${JSON.stringify(params).slice(0, 200)}`); }
      return result;
    };

    for (let i = 0; i < fixed.length + COUNT; i++) {
      if (Date.now() - started > BUDGET_MS) { break; }
      const name = i < fixed.length ? fixed[i].name : `generated #${i - fixed.length}`;
      const text = i < fixed.length ? fixed[i].text : generateDocument(r, corpus);
      // Positions come from their own stream, so the documents of a seed do not depend on the server's answers.
      const positions = rng(Math.floor(r() * 2 ** 31));
      currentText = text;
      currentName = name;
      version++;
      s.change(uri, text, version);
      await requestsOn(positions, text, uri, name, time, () => published, i < fixed.length);
      sent++;
      assert.strictEqual(s.process.exitCode, null, `the server exited on ${name} (FUZZ_SEED=${SEED}): ${s.stderr().slice(-2000)}`);
    }

    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const slowest = [...perKind.values()].reduce((a, b) => (b.slowest.ms > a.ms ? b.slowest : a), { ms: 0, document: '' });
    console.log(`      FUZZ_SEED=${SEED}: ${sent} documents (${Math.min(sent, fixed.length)} fixed, ${Math.max(0, sent - fixed.length)} generated), ${requests} requests in ${seconds} s; `
      + `slowest ${slowest.ms.toFixed(0)} ms (${slowest.document}); ${failed.length} failed, ${slow.length} over ${REQUEST_LIMIT_MS} ms, ${logFailures.length} failures in the server log`);
    for (const [method, k] of [...perKind].sort((a, b) => a[0].localeCompare(b[0]))) {
      console.log(`        ${method.padEnd(36)} ${String(k.count).padStart(7)} requests, slowest ${k.slowest.ms.toFixed(1).padStart(7)} ms (${k.slowest.document})`);
    }

    assert.ok(sent >= MIN_DOCUMENTS, `only ${sent} of ${MIN_DOCUMENTS} documents were sent within ${BUDGET_MS} ms (FUZZ_SEED=${SEED})`);
    assert.ok(perKind.size === 17 && [...perKind.values()].every((k) => k.count === sent), `all 17 request kinds on every document: ${[...perKind].map(([m, k]) => `${m} ${k.count}`).join(', ')}`);
    assert.deepStrictEqual(failed.slice(0, 10), [], `requests failed (FUZZ_SEED=${SEED})`);
    assert.deepStrictEqual(slow.slice(0, 10), [], `requests over ${REQUEST_LIMIT_MS} ms (FUZZ_SEED=${SEED})`);
    assert.deepStrictEqual(logFailures.slice(0, 10), [], `failures in the server log (FUZZ_SEED=${SEED})`);
    console.log(`      contained dockerfile-utils limitations (lines left without a syntax check): ${limitations.length}${limitations.length ? `, e.g. ${limitations[0]}` : ''}`);
    assert.ok(limitations.length <= 10, `dockerfile-utils gave up on ${limitations.length} documents (FUZZ_SEED=${SEED})`);
    console.log(`      contained dockerfile-language-service limitations (requests answered empty): ${serviceLimitations.length}${serviceLimitations.length ? `, e.g. ${serviceLimitations[0]}` : ''}`);
    assert.ok(serviceLimitations.length <= 10, `dockerfile-language-service threw on ${serviceLimitations.length} requests (FUZZ_SEED=${SEED}): ${serviceLimitations.slice(0, 3).join('; ')}`);
    assert.doesNotMatch(s.stderr(), /Unhandled|TypeError|RangeError|ReferenceError|heap out of memory/, 'no unhandled exception on stderr');
  });
});

type Timer = <T>(method: string, params: object, document: string) => Promise<T | undefined>;

/**
 * Every request kind the server offers, at positions anywhere in the document, on the last line and past
 * the end. On the fixed (pathological) documents the requests go one after the other, so each time is that
 * request's own (the first one also pays for parsing the new version); on generated documents they go out
 * in one burst, as an editor sends them after an edit, and each time includes waiting behind the others.
 */
async function requestsOn(r: Rng, text: string, uri: string, name: string, time: Timer, published: () => Diagnostic[], oneByOne: boolean): Promise<void> {
  const lines = text.split('\n');
  const position = (): Position => {
    const line = Math.floor(r() * (lines.length + 2));
    return { line, character: Math.floor(r() * ((lines[line]?.length ?? 5) + 3)) };
  };
  const textDocument = { uri };
  const at = (extra: object = {}): object => ({ textDocument, position: position(), ...extra });
  const range = (): { start: Position; end: Position } => {
    const [a, b] = [position(), position()];
    return a.line < b.line || (a.line === b.line && a.character <= b.character) ? { start: a, end: b } : { start: b, end: a };
  };
  const options = { tabSize: 1 + Math.floor(r() * 8), insertSpaces: r() < 0.5 };
  // Drawn before anything is sent, so a seed gives the same requests whatever order the answers come in.
  const pickItem = r();
  const bogusItem = { label: 'FROM', data: [undefined, 'FROM', 'NO_SUCH_TOPIC', 'dl:no.such.topic', 'ADD_FlagBogus', 42, { bogus: true }][Math.floor(r() * 7)] };
  const diagnostics = r() < 0.7 ? published() : [];
  const fallbackCommand = { command: 'docker.command.removeEmptyContinuationLine', arguments: [uri, range()] };

  const requests: (() => Promise<unknown>)[] = [
    () => time('textDocument/semanticTokens/full', { textDocument }, name),
    () => time('textDocument/hover', at(), name),
    async () => {
      const completion = await time<CompletionItem[] | CompletionList | null>('textDocument/completion', at(), name);
      const items = Array.isArray(completion) ? completion : completion?.items ?? [];
      await time('completionItem/resolve', items.length ? items[Math.floor(pickItem * items.length)] : bogusItem, name);
    },
    () => time('textDocument/signatureHelp', at(), name),
    // Code actions for what the server last published (maybe for an older version), or for nothing;
    // then the first command among them (the service's fixes run on the server), or one out of place.
    async () => {
      const actions = await time<(Command | CodeAction)[] | null>('textDocument/codeAction', { textDocument, range: range(), context: { diagnostics } }, name);
      const command = actions?.map((a) => (typeof a.command === 'string' ? a as Command : a.command)).find((c): c is Command => !!c);
      await time('workspace/executeCommand', command ? { command: command.command, arguments: command.arguments } : fallbackCommand, name);
    },
    () => time('textDocument/documentSymbol', { textDocument }, name),
    () => time('textDocument/foldingRange', { textDocument }, name),
    () => time('textDocument/documentHighlight', at(), name),
    () => time('textDocument/prepareRename', at(), name),
    () => time('textDocument/rename', at({ newName: r() < 0.5 ? 'renamed' : '\uD800$' }), name),
    () => time('textDocument/definition', at(), name),
    () => time('textDocument/documentLink', { textDocument }, name),
    () => time('textDocument/formatting', { textDocument, options }, name),
    () => time('textDocument/rangeFormatting', { textDocument, range: range(), options }, name),
    () => time('textDocument/onTypeFormatting', { ...at(), ch: r() < 0.5 ? '\\' : '`', options }, name),
  ];
  if (oneByOne) {
    for (const request of requests) { await request(); }
  } else {
    await Promise.all(requests.map((request) => request()));
  }
}
