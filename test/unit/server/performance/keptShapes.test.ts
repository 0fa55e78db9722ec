// What the validation worker keeps alive between validations so that V8 keeps the code it optimized
// (incremental/keptShapes.ts): the newest object of each kind, and wrappers that change nothing else.
import * as assert from 'node:assert';
import { DockerfileParser } from 'dockerfile-ast';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DockerfileLanguageServiceFactory } from 'dockerfile-language-service';
import { keepNewest, keptKinds, keepValidationShapes } from '../../../../server/src/incremental/keptShapes';
import { scanDockerfile } from '../../../../server/src/documents/instructionScanner';
import { ChunkedSyntaxValidator } from '../../../../server/src/incremental/chunkedValidation';

const DOCKERFILE = ['# syntax=docker/dockerfile:1', 'ARG BASE=alpine:3.20', 'FROM ${BASE} AS build', 'ENV APP=/app', 'RUN echo $APP \\', '  && echo done', 'COPY . $APP', 'FROM build', 'CMD ["sh"]', ''].join('\n');

describe('objects kept between validations', () => {
  it('turns keeping on and wraps the parser, the validator and TextDocument.create once; their results are the same as without', () => {
    // First in this file: `before` is the library's own (no other test installs the wrappers).
    const service = DockerfileLanguageServiceFactory.createLanguageService();
    const observe = (): unknown => ({ parsed: JSON.stringify(DockerfileParser.parse(DOCKERFILE).getInstructions().map((i) => [i.getKeyword(), i.getRange(), i.getArgumentsContent()])), diagnostics: JSON.stringify(service.validate(DOCKERFILE)), text: TextDocument.create('file:///a', 'dockerfile', 3, DOCKERFILE).getText() });
    const before = observe();
    keepValidationShapes();
    const parse = DockerfileParser.parse;
    const create = TextDocument.create;
    keepValidationShapes();
    assert.strictEqual(DockerfileParser.parse, parse, 'a second call wraps nothing again');
    assert.strictEqual(TextDocument.create, create);
    const after = observe();
    assert.deepStrictEqual(after, before);
    for (const kind of ['text document', 'dockerfile-ast parser', 'dockerfile-ast tree', 'dockerfile-utils validator']) {
      assert.ok(keptKinds().includes(kind), `${kind} kept: ${keptKinds().join(', ')}`);
    }
  });

  it('keeps the newest of each kind and returns what it was given', () => {
    const first = { n: 1 };
    const second = { n: 2 };
    assert.strictEqual(keepNewest('test kind', first), first);
    assert.strictEqual(keepNewest('test kind', second), second);
    assert.strictEqual(keptKinds().filter((k) => k === 'test kind').length, 1, 'one per kind');
  });

  it('a scan and a chunk pass keep their closures, and a second scan on top of the first finds the same as a fresh one', () => {
    const first = scanDockerfile(DOCKERFILE);
    assert.ok(first);
    const edited = DOCKERFILE.replace('echo done', 'echo finished');
    const at = DOCKERFILE.indexOf('done');
    const incremental = scanDockerfile(edited, { text: DOCKERFILE, tree: first, delta: { start: at, end: at + 4, text: 'finished' } });
    const fresh = scanDockerfile(edited);
    const shape = (t: typeof fresh): unknown => t?.getInstructions().map((i) => [i.getKeyword(), i.getRange()]);
    assert.deepStrictEqual(shape(incremental), shape(fresh));
    const validator = new ChunkedSyntaxValidator(DockerfileLanguageServiceFactory.createLanguageService(), { minLines: 1, chunkLines: 3 });
    validator.validate(edited, fresh);
    assert.ok(keptKinds().includes('instruction scan') && keptKinds().includes('chunk pass'), keptKinds().join(', '));
  });
});
