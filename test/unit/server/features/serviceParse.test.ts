// withParsedTree hands dockerfile-language-service this version's tree instead of letting it reparse the
// text: the answers must be exactly the ones the service gives on its own, on every Dockerfile of the
// fixture corpus and on generated ones, at positions that hit variables, flags, stage names and heredocs.
import * as assert from 'node:assert';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position } from 'vscode-languageserver-types';
import { DockerfileLanguageServiceFactory } from 'dockerfile-language-service';
import { DockerfileParser, Dockerfile } from 'dockerfile-ast';
import { ParsedDocument } from '../../../../server/src/documents/parsedDocument';
import { inRanges, isLibraryFault, reportServiceLimitations, SERVICE_LIMITATION, withParsedTree } from '../../../../server/src/features/serviceParse';
import { dockerfileCorpus } from '../../../support/dockerfileCorpus';
import { flagMatrixDocuments, generateDocument, rng } from '../../../fuzz/dockerfileGenerator';

// Bundled to out/test/unit/server/features/.
const ROOT = path.resolve(__dirname, '..', '..', '..', '..', '..');
const URI = 'file:///w/Dockerfile';
const service = DockerfileLanguageServiceFactory.createLanguageService();
service.setCapabilities({ completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown'] } } });

function parsed(text: string): ParsedDocument {
  return new ParsedDocument(TextDocument.create(URI, 'dockerfile', 1, text));
}

/** Where answers differ: after `$`, `{`, `=`, `-`, `<<`, at word starts and ends, line ends, past the end. */
function positions(text: string, max: number, seed: number): Position[] {
  const lines = text.split('\n');
  const all: Position[] = [];
  lines.forEach((line, l) => {
    const chars = new Set([0, 1, line.length, line.length + 2]);
    for (let c = 0; c < line.length; c++) {
      if ('${=-<:'.includes(line[c])) { chars.add(c + 1); chars.add(c + 2); }
      if (/\s/.test(line[c]) !== /\s/.test(line[c + 1] ?? ' ')) { chars.add(c + 1); }
    }
    for (const c of chars) { all.push({ line: l, character: c }); }
  });
  all.push({ line: lines.length + 1, character: 0 });
  const r = rng(seed);
  while (all.length > max) { all.splice(Math.floor(r() * all.length), 1); }
  return all;
}

type Kind = 'signatureHelp' | 'highlight' | 'prepareRename' | 'rename' | 'definition' | 'completion';
const KINDS: Record<Kind, (text: string, p: Position) => unknown> = {
  signatureHelp: (text, p) => service.computeSignatureHelp(text, p),
  highlight: (text, p) => service.computeHighlightRanges(text, p),
  prepareRename: (text, p) => service.prepareRename(text, p),
  rename: (text, p) => service.computeRename({ uri: URI }, text, p, 'renamed'),
  definition: (text, p) => service.computeDefinition({ uri: URI }, text, p),
  completion: (text, p) => service.computeCompletionItems(text, p),
};

function isEmpty(answer: unknown): boolean {
  return answer === null || answer === undefined || (Array.isArray(answer) && answer.length === 0);
}

describe('withParsedTree (dockerfile-language-service on the cached tree)', function () {
  this.timeout(120_000);
  const corpus = dockerfileCorpus(ROOT, ['test/fixtures', 'sample']);
  const r = rng(20240917);
  const generated = Array.from({ length: 20 }, () => generateDocument(r, corpus));
  const documents = [...corpus, ...generated, ...flagMatrixDocuments().filter((_, i) => i % 80 === 0)];

  it('gives the same answers as the service reparsing the text, on the fixture corpus and generated documents', async () => {
    assert.ok(corpus.length >= 10, `fixture corpus: ${corpus.length} files`);
    const compared = new Map<Kind, { total: number; nonEmpty: number }>();
    let links = 0;
    for (const [d, text] of documents.entries()) {
      const doc = parsed(text);
      assert.deepStrictEqual(withParsedTree(doc, (t) => service.computeLinks(t), []), service.computeLinks(text), `links of document #${d}`);
      links += service.computeLinks(text).length;
      for (const p of positions(text, 10, d)) {
        for (const [kind, call] of Object.entries(KINDS) as [Kind, (text: string, p: Position) => unknown][]) {
          const expected = await call(text, p);
          const actual = await withParsedTree(doc, (t) => call(t, p), 'overflow');
          assert.deepStrictEqual(actual, expected, `${kind} at ${p.line}:${p.character} of document #${d}:\n${text.slice(0, 400)}`);
          const c = compared.get(kind) ?? { total: 0, nonEmpty: 0 };
          c.total++;
          if (!isEmpty(expected)) { c.nonEmpty++; }
          compared.set(kind, c);
        }
      }
    }
    // The comparison covers real answers, not only empty ones.
    for (const [kind, c] of compared) { assert.ok(c.nonEmpty >= 10, `${kind}: ${c.nonEmpty} non-empty answers of ${c.total}`); }
    assert.ok(links >= 5, `${links} links compared`);
  });

  it('answers from the cached tree only inside the call, with fresh argument arrays each time', () => {
    const text = 'FROM alpine AS base\nLABEL a=$X b=c\nRUN echo $X ${Y}\n';
    const doc = parsed(text);
    const [inside, insideOther] = withParsedTree(doc, (t): Dockerfile[] => [DockerfileParser.parse(t), DockerfileParser.parse(`${t} `)], []);
    assert.strictEqual(inside, doc.dockerfile, 'the same text gets the cached tree');
    assert.notStrictEqual(insideOther, doc.dockerfile, 'another text is parsed');
    assert.notStrictEqual(DockerfileParser.parse(text), doc.dockerfile, 'outside the call the text is parsed again');
    const label = doc.dockerfile.getInstructions()[1];
    withParsedTree(doc, () => {
      const first = label.getVariables();
      first.splice(0);
      assert.deepStrictEqual(label.getVariables().map((v) => v.getName()), ['X'], 'a caller that splices its copy changes nothing');
      assert.notStrictEqual(label.getArguments(), label.getArguments());
      assert.notStrictEqual(label.getArguments()[0].getRange(), label.getArguments()[0].getRange(), 'each caller gets its own ranges');
    }, undefined);
  });

  it('answers the empty result where dockerfile-ast recurses without end (found by the fuzzer)', () => {
    const text = ' \u0015\t$\u0004';
    const p = { line: 0, character: 0 };
    assert.throws(() => service.computeDefinition({ uri: URI }, text, p), RangeError, 'the service alone overflows the stack');
    const doc = parsed(text);
    assert.strictEqual(withParsedTree(doc, (t) => service.computeDefinition({ uri: URI }, t, p), null), null);
    assert.strictEqual(withParsedTree(doc, (t) => service.prepareRename(t, p), null), null);
    assert.throws(() => withParsedTree(doc, () => { throw new TypeError('other'); }, null), TypeError, 'other errors still surface');
  });

  it('a `COPY --from` without a stage does not break highlight and rename of a stage (found by the fuzzer, seed 1795819283)', () => {
    const text = 'FROM alpine AS build\nRUN make\nFROM alpine AS runtime\nCOPY --from\nCOPY --from=build /out /out\n';
    const onStage = { line: 0, character: 17 };
    assert.throws(() => service.computeHighlightRanges(text, onStage), TypeError, 'the service alone throws on the flag without a value');
    assert.throws(() => service.computeRename({ uri: URI }, text, onStage, 'compile'), TypeError);
    const doc = parsed(text);
    const highlights = withParsedTree(doc, (t) => service.computeHighlightRanges(t, onStage), []);
    assert.deepStrictEqual(highlights.map((h) => h.range.start.line), [0, 4], 'the stage and its one real use');
    const edits = withParsedTree(doc, (t) => service.computeRename({ uri: URI }, t, onStage, 'compile'), []);
    assert.deepStrictEqual(edits.map((e) => `${e.range.start.line}:${e.range.start.character} ${e.newText}`), ['0:15 compile', '4:12 compile']);
    // Outside a call the library's own behaviour is unchanged.
    assert.throws(() => service.computeHighlightRanges(text, onStage), TypeError);
  });

  it('answers empty and logs it when the library throws a TypeError of its own; other errors surface', () => {
    const logged: string[] = [];
    reportServiceLimitations((m) => logged.push(m));
    try {
      const doc = parsed('FROM alpine\n');
      const libraryFault = (): never => { const e = new TypeError("Cannot read properties of null (reading 'x')"); e.stack = `TypeError: ${e.message}\n    at X.y (/p/node_modules/dockerfile-language-service/lib/dockerHighlight.js:1:1)\n    at ours (/p/dist/server.js:1:1)`; throw e; };
      assert.deepStrictEqual(withParsedTree(doc, libraryFault, []), []);
      assert.strictEqual(logged.length, 1);
      assert.ok(logged[0].startsWith(SERVICE_LIMITATION) && logged[0].includes('dockerHighlight.js') && logged[0].includes(URI), logged[0]);
      const ourFault = (): never => { const e = new TypeError('ours'); e.stack = 'TypeError: ours\n    at ours (/p/dist/server.js:1:1)\n    at X.y (/p/node_modules/dockerfile-language-service/lib/x.js:1:1)'; throw e; };
      assert.throws(() => withParsedTree(doc, ourFault, []), /ours/, 'a TypeError thrown by our code is not hidden');
      assert.strictEqual(logged.length, 1);
    } finally {
      reportServiceLimitations(() => undefined);
    }
  });

  it('tells the libraries\' frames from ours inside a bundle by the ranges the build appends to it (scripts/lib/libraryRanges.mjs)', () => {
    const table = globalThis as { __dockerLearningLibraryCode?: Record<string, number[]> };
    const saved = table.__dockerLearningLibraryCode;
    // Library code on line 0 from column 10 up to 20, and from line 2 column 5 to line 4 column 3 (0-based, end exclusive).
    table.__dockerLearningLibraryCode = { ...saved, 'bundle.js': [0, 10, 0, 20, 2, 5, 4, 3] };
    const fault = (line: number, column: number): TypeError => {
      const e = new TypeError("Cannot read properties of undefined (reading 'getRange')");
      e.stack = `TypeError: ${e.message}\n    at n.getHeredocs (/x/dist/bundle.js:${line}:${column})\n    at ours (/x/dist/bundle.js:1:1)`;
      return e;
    };
    try {
      // Stack positions are 1-based.
      for (const [line, column, library] of [[1, 11, true], [1, 20, true], [1, 21, false], [1, 10, false], [2, 1, false], [3, 6, true], [4, 1, true], [5, 3, true], [5, 4, false], [9, 1, false]] as const) {
        assert.strictEqual(isLibraryFault(fault(line, column)), library, `bundle.js:${line}:${column}`);
      }
      const other = fault(1, 11);
      other.stack = other.stack!.replace('bundle.js', 'other.js');
      assert.strictEqual(isLibraryFault(other), false, 'a bundle without ranges: ours');
      assert.strictEqual(isLibraryFault(new RangeError('x')), false, 'only TypeErrors');
      assert.strictEqual(inRanges([], 0, 0), false);
    } finally {
      table.__dockerLearningLibraryCode = saved;
    }
  });
});
