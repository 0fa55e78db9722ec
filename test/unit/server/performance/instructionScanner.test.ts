// The fast scan the rules read (server/src/documents/instructionScanner.ts) must find exactly the
// instructions, comments and directives dockerfile-ast finds — on the fixture corpus (also with CRLF line
// ends), on large generated files and on thousands of generated and mutated documents. Where it declines
// (a heredoc candidate, a lone \r) the caller parses with dockerfile-ast; the test also counts that it
// declines rarely, so the fast path is what actually runs.
import * as assert from 'node:assert';
import * as path from 'node:path';
import { DockerfileParser } from 'dockerfile-ast';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DockerfileLanguageServiceFactory } from 'dockerfile-language-service';
import { ParsedDocument } from '../../../../server/src/documents/parsedDocument';
import { computeDiagnostics } from '../../../../server/src/diagnostics/computeDiagnostics';
import { ChunkedSyntaxValidator } from '../../../../server/src/incremental/chunkedValidation';
import { scanDockerfile, DockerfileLike } from '../../../../server/src/documents/instructionScanner';
import { dockerfileCorpus } from '../../../support/dockerfileCorpus';
import { generateDocument, rng } from '../../../fuzz/dockerfileGenerator';
import { bigDockerfile } from '../../../support/bigDockerfile';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..', '..');

function shape(d: DockerfileLike): unknown {
  return {
    escape: d.getEscapeCharacter(),
    directives: d.getDirectives().map((x) => [x.getName(), x.getValue(), x.getRange()]),
    instructions: d.getInstructions().map((i) => [i.getRange(), i.getInstructionRange(), i.getInstruction(), i.getKeyword()]),
    comments: d.getComments().map((c) => [c.getRange(), c.getContent()]),
  };
}

/** Compares when the scan answers; returns whether it did. */
function same(text: string, what: string): boolean {
  const scanned = scanDockerfile(text);
  if (!scanned) { return false; }
  assert.deepStrictEqual(shape(scanned), shape(DockerfileParser.parse(text)), what);
  return true;
}

describe('instruction scanner = dockerfile-ast boundaries', function () {
  this.timeout(120_000);

  it('on every fixture, with LF and CRLF line ends', () => {
    const corpus = dockerfileCorpus(ROOT, ['test/fixtures', 'sample', 'test/grammar']);
    assert.ok(corpus.length > 50, `corpus found (${corpus.length})`);
    let answered = 0;
    for (const [i, text] of corpus.entries()) {
      if (same(text, `fixture #${i}`)) { answered++; }
      same(text.replace(/\r?\n/g, '\r\n'), `fixture #${i} (CRLF)`);
    }
    // Heredoc fixtures are left to dockerfile-ast; everything else must take the fast path.
    assert.ok(answered >= corpus.length * 0.8, `scanned ${answered} of ${corpus.length} fixtures`);
  });

  it('on large generated files', () => {
    for (const blocks of [10, 500, 3000]) { assert.ok(same(bigDockerfile(blocks), `${blocks} blocks`), `${blocks} blocks scanned`); }
  });

  it('on escape-character edge cases', () => {
    const cases = [
      'RU\\\nN echo', 'RUN\\ \n echo', 'RUN \\ \n echo', 'RUN a \\\n\n# c\n  b\nCMD x', 'R\\ x', 'RUN a\\', 'RUN a \\  ', '\uFEFFFROM x',
      '\uFEFF# escape=`\nRUN a `\n b', '# escape=`\n# syntax=x\n\nRUN a \\\nCMD b', '#escape=`\r\nRUN a `\r\n b\r\n', 'RUN a \\\\\nb', 'RUN \\#x\nCMD',
      'R\\\n#x\nUN a', '  \t RUN a  \n\t# c  \nCMD [ "a" ]  ', '# only\n# comments', '', '\n\n', 'RUN a \\ # x\n b', 'FROM a\\\n', 'ONBUILD RUN a \\\n b',
      '# directive=1\n   # escape = `\nRUN a `\nb', 'RUN a`\nb', 'R#UN a', 'RUN\t\\\t\n\tx',
    ];
    let answered = 0;
    for (const text of cases) { if (same(text, JSON.stringify(text))) { answered++; } }
    assert.strictEqual(answered, cases.length, 'none of these needs dockerfile-ast');
  });

  it('on 4,000 generated and mutated documents (seeded)', () => {
    const corpus = dockerfileCorpus(ROOT, ['test/fixtures', 'sample']);
    const seed = 20261127;
    const r = rng(seed);
    let answered = 0;
    for (let i = 0; i < 4000; i++) {
      const text = generateDocument(r, corpus);
      if (same(text, `generated #${i} (seed ${seed})`)) { answered++; }
    }
    assert.ok(answered > 1000, `scanned ${answered} of 4000 generated documents`);
  });
});

describe('diagnostics from the fast scan = diagnostics from dockerfile-ast', function () {
  this.timeout(120_000);
  const service = DockerfileLanguageServiceFactory.createLanguageService();
  const diagnose = (text: string, viaAst: boolean): string => {
    const doc = new ParsedDocument(TextDocument.create('file:///w/Dockerfile', 'dockerfile', 1, text));
    if (viaAst) { void doc.dockerfile; } // parsed first: the rules then read dockerfile-ast's tree
    const logs: string[] = [];
    const result = computeDiagnostics(doc, { service, language: 'en', log: (m) => logs.push(m), readFile: () => undefined, incremental: new ChunkedSyntaxValidator(service, { minLines: 0, chunkLines: 8 }) });
    return JSON.stringify(result);
  };

  it('on the fixture corpus and 1,000 generated documents', () => {
    const corpus = dockerfileCorpus(ROOT, ['test/fixtures', 'sample']);
    const r = rng(7);
    const docs = [...corpus, ...Array.from({ length: 1000 }, () => generateDocument(r, corpus))];
    let compared = 0;
    for (const [i, text] of docs.entries()) {
      if (!scanDockerfile(text)) { continue; }
      assert.strictEqual(diagnose(text, false), diagnose(text, true), `document #${i}`);
      compared++;
    }
    assert.ok(compared > 500, `${compared} documents compared`);
  });
});
