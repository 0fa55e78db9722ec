// The rules model of a new version takes over the unchanged instructions of the previous one
// (server/src/diagnostics/model/model.ts, ModelOptions.previous). Differential check: after every edit of
// a sequence, the diagnostics computed with the previous model equal those computed from scratch — on the
// fixture corpus, on a large generated file and on generated documents — and the reuse really happens.
import * as assert from 'node:assert';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DockerfileLanguageServiceFactory } from 'dockerfile-language-service';
import { ParsedDocument } from '../../../../server/src/documents/parsedDocument';
import { computeDiagnostics } from '../../../../server/src/diagnostics/computeDiagnostics';
import type { DockerfileModel } from '../../../../server/src/diagnostics/model/model';
import { ChunkedSyntaxValidator } from '../../../../server/src/incremental/chunkedValidation';
import { applyDelta, composeAll, TextDelta, textDelta } from '../../../../server/src/documents/textDelta';
import type { DockerfileLike } from '../../../../server/src/documents/instructionScanner';
import { dockerfileCorpus } from '../../../support/dockerfileCorpus';
import { bigDockerfile } from '../../../support/bigDockerfile';
import { collectGarbage } from '../../../support/gc';
import { generateDocument, rng, Rng } from '../../../fuzz/dockerfileGenerator';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..', '..');
const service = DockerfileLanguageServiceFactory.createLanguageService();

function diagnose(text: string, version: number, holder?: { model?: DockerfileModel }): string {
  const doc = new ParsedDocument(TextDocument.create('file:///w/Dockerfile', 'dockerfile', version, text));
  return JSON.stringify(computeDiagnostics(doc, { service, language: 'en', log: () => undefined, readFile: () => undefined, modelHolder: holder }));
}

const LINE_EDITS: ((l: string) => string)[] = [
  (l) => `${l} `, (l) => `${l}x`, (l) => l.replace(/\S+$/, 'changed'), (l) => l.replace(/\s*\\\s*$/, ''), (l) => `${l} \\`,
  (l) => l.replace(/^\s*\S+/, 'ENV'), (l) => l.replace(/^\s*\S+/, 'FROM'), (l) => l.replace(/^\s*\S+/, 'ARG'), (l) => `${l} $NEW`,
  (l) => `# ${l}`, () => '', (l) => l.replace(/\$\{?\w+\}?/, '$OTHER'), () => 'USER root', () => 'WORKDIR app',
];

/** One random edit: change a line, insert lines, or delete lines. */
function edit(r: Rng, lines: string[]): void {
  const at = Math.floor(r() * lines.length);
  const kind = r();
  if (kind < 0.6) { lines[at] = LINE_EDITS[Math.floor(r() * LINE_EDITS.length)](lines[at] ?? ''); } else if (kind < 0.8) {
    lines.splice(at, 0, ...['RUN apt-get install curl', 'ENV X=1', 'FROM scratch AS s', 'COPY --from=s a b'].slice(0, 1 + Math.floor(r() * 3)));
  } else {
    lines.splice(at, 1 + Math.floor(r() * 3));
  }
}

describe('rules model reuse across versions', function () {
  this.timeout(180_000);

  it('gives the same diagnostics as a fresh model after every edit (fixtures, 8 edits each)', () => {
    const r = rng(11);
    let compared = 0;
    for (const text of dockerfileCorpus(ROOT, ['test/fixtures', 'sample'])) {
      const lines = text.split('\n');
      const holder = {};
      diagnose(lines.join('\n'), 1, holder);
      for (let v = 2; v < 10; v++) {
        edit(r, lines);
        const t = lines.join('\n');
        assert.strictEqual(diagnose(t, v, holder), diagnose(t, v), `edit ${v} of:\n${t.slice(0, 1500)}`);
        compared++;
      }
    }
    assert.ok(compared > 400, `${compared} versions compared`);
  });

  it('on a large file: same diagnostics, and an edit inside one instruction re-tokenizes only that one', () => {
    const r = rng(12);
    const lines = bigDockerfile(150).split('\n');
    const holder: { model?: DockerfileModel } = {};
    diagnose(lines.join('\n'), 1, holder);
    for (let v = 2; v < 20; v++) {
      edit(r, lines);
      const t = lines.join('\n');
      assert.strictEqual(diagnose(t, v, holder), diagnose(t, v), `edit ${v}`);
    }
    const mid = Math.floor(lines.length / 2);
    lines[mid] = `${lines[mid]}  `;
    diagnose(lines.join('\n'), 50, holder);
    const model = holder.model!;
    assert.ok(model.reused >= model.instructions.length - 2, `${model.reused} of ${model.instructions.length} instructions taken over`);
    // An instruction where a comment was (no line moves): everything after it is still taken over, the
    // previous model's instructions being read from the list this model refills (ModelOptions.recycle).
    const comment = lines.indexOf('# dockerfile-utils: ignore', mid);
    lines[comment] = 'USER nobody';
    diagnose(lines.join('\n'), 50, holder);
    assert.ok(holder.model!.reused >= holder.model!.instructions.length - 2, `after an inserted instruction: ${holder.model!.reused} of ${holder.model!.instructions.length} taken over`);
    // A changed escape directive changes how everything is read: nothing is taken over.
    diagnose(`# escape=\`\n${lines.join('\n')}`, 51, holder);
    assert.strictEqual(holder.model!.reused, 0, 'nothing taken over after the escape character changed');
  });

  it('as the validation worker runs it (incremental scan consuming the previous one, chunk cache): same diagnostics as from scratch', () => {
    // The worker shifts the previous scan's instructions in place (ScanBase.consume), the very objects the
    // previous model's instructions point to: taking one over must go by where it started, not where it is now.
    const r = rng(14);
    let compared = 0;
    for (const source of [...dockerfileCorpus(ROOT, ['test/fixtures', 'sample']), bigDockerfile(150)]) {
      const lines = source.split('\n');
      const validator = new ChunkedSyntaxValidator(service);
      const holder: { model?: DockerfileModel } = {};
      let text = lines.join('\n');
      let tree: DockerfileLike | undefined;
      for (let v = 1; v < 12; v++) {
        if (v > 1) { edit(r, lines); }
        const next = lines.join('\n');
        const doc = new ParsedDocument(TextDocument.create('file:///w/Dockerfile', 'dockerfile', v, next));
        if (tree) { doc.scanBase = { text, tree, delta: textDelta(text, next), consume: true }; }
        const got = JSON.stringify(computeDiagnostics(doc, { service, language: 'en', log: () => undefined, readFile: () => undefined, incremental: validator, modelHolder: holder }));
        assert.strictEqual(got, diagnose(next, v), `edit ${v} of:\n${next.slice(0, 1500)}`);
        text = next; tree = doc.rulesTree; compared++;
      }
    }
    assert.ok(compared > 400, `${compared} versions compared`);
  });

  it('a declaration removed, changed or added where it was (no line moves) changes the status of the references after it', () => {
    // The model leaves the status of the references it takes over alone while every FROM, ARG and ENV
    // before them is the previous model's: each edit below must end that.
    const lines = bigDockerfile(60).split('\n');
    const at = lines.indexOf('ENV APP_HOME=/app');
    const holder: { model?: DockerfileModel } = {};
    const undefinedUses = (json: string): number => (json.match(/"code":"undefined-variable"/g) ?? []).length;
    let v = 1;
    const step = (text: string, what: string): number => {
      const got = diagnose(text, v++, holder);
      assert.strictEqual(got, diagnose(text, 1000 + v), what);
      return undefinedUses(got);
    };
    const base = step(lines.join('\n'), 'first');
    for (const replacement of ['# ENV APP_HOME=/app', 'RUN true', 'ENV APP_HOMES=/app']) {
      lines[at] = 'ENV APP_HOME=/app';
      assert.strictEqual(step(lines.join('\n'), `${replacement}: before`), base);
      lines[at] = replacement;
      assert.ok(step(lines.join('\n'), replacement) > base, `${replacement}: the uses of APP_HOME after it are undefined now`);
    }
    lines[at] = 'ENV APP_HOME=/app';
    assert.strictEqual(step(lines.join('\n'), 'declared again'), base);
    // The last declaration of a stage goes (nothing after it to notice): the names the stage ends with,
    // which did-you-mean suggests and a child stage starts from, lose it.
    const small = ['FROM alpine AS base', 'WORKDIR /w/$FOO_BARR', 'ENV FOO_BAR=1', 'FROM base', 'WORKDIR /w/$FOO_BAR'];
    const first = diagnose(small.join('\n'), v++, holder);
    assert.match(first, /FOO_BAR\b/);
    for (const replacement of ['# ENV FOO_BAR=1', 'ENV FOO_BAR=1']) {
      small[2] = replacement;
      step(small.join('\n'), `the stage's last declaration: ${replacement}`);
    }
    small.splice(3);
    small[2] = '# ENV FOO_BAR=1';
    step(small.join('\n'), 'the last declaration of the file commented out');
  });

  it('on 1,000 generated documents, each edited twice', () => {
    const corpus = dockerfileCorpus(ROOT, ['test/fixtures', 'sample']);
    const r = rng(13);
    for (let i = 0; i < 1000; i++) {
      const lines = generateDocument(r, corpus).split('\n');
      const holder = {};
      diagnose(lines.join('\n'), 1, holder);
      for (let v = 2; v < 4; v++) {
        edit(r, lines);
        const t = lines.join('\n');
        assert.strictEqual(diagnose(t, v, holder), diagnose(t, v), `document #${i}, edit ${v}`);
      }
    }
  });

  it('keeps no earlier model alive: a version\'s model is collectable once a newer one took over', async () => {
    // Instructions (and their variable references) pass from model to model; nothing they keep may lead
    // back to an older model, or every keystroke would keep one (a 25k-line file grew by ~150 MB that way).
    const lines = bigDockerfile(40).split('\n');
    const holder: { model?: DockerfileModel } = {};
    diagnose(lines.join('\n'), 1, holder);
    const first = new WeakRef(holder.model!);
    const r = rng(5);
    for (let v = 2; v < 8; v++) {
      const at = 10 + Math.floor(r() * (lines.length - 10));
      lines[at] = `${lines[at]} $X`;
      diagnose(lines.join('\n'), v, holder);
    }
    assert.ok(holder.model!.reused > 0, 'the later models took instructions over');
    // A WeakRef holds its target until the current job ends.
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
    assert.strictEqual(first.deref(), undefined, 'the first model is still reachable from the newest one');
  });

  it('keeps no earlier version\'s text alive: typing at many places does not grow the heap', () => {
    // As the validation worker runs (incremental scan, chunked validation, model taken over): items carried
    // from version to version must not hold on to the text they were first read from. They did (scanned
    // instructions before the edit, and substrings of it, which V8 makes views into the whole text): at
    // 25k lines, 0.85 MB more for every place the learner had typed at.
    const validator = new ChunkedSyntaxValidator(service);
    const holder: { model?: DockerfileModel } = {};
    let text = bigDockerfile(800);
    let tree: DockerfileLike | undefined;
    let version = 1;
    const run = (delta?: TextDelta): void => {
      const doc = new ParsedDocument(TextDocument.create('file:///w/Dockerfile', 'dockerfile', version++, delta ? applyDelta(text, delta) : text));
      if (delta && tree) { doc.scanBase = { text, tree, delta: composeAll(text, [delta]) }; }
      computeDiagnostics(doc, { service, language: 'en', log: () => undefined, readFile: () => undefined, incremental: validator, modelHolder: holder });
      text = doc.text;
      tree = doc.rulesTree;
    };
    const typeAtLine = (line: number): void => {
      let at = -1;
      for (let l = 0; l <= line; l++) { at = text.indexOf('\n', at + 1); }
      run({ start: at, end: at, text: ' ' });
      run({ start: at, end: at + 1, text: '' });
    };
    const heapUsed = (): number => { collectGarbage(); collectGarbage(); return process.memoryUsage().heapUsed; };
    run();
    const lineCount = text.split('\n').length;
    for (let i = 0; i < 5; i++) { typeAtLine(lineCount >> 1); }
    const before = heapUsed();
    const places = 30;
    for (let k = 0; k < places; k++) { typeAtLine(20 + Math.floor((k * (lineCount - 40)) / places)); }
    const grown = heapUsed() - before;
    assert.ok(holder.model!.reused > 0, 'the later models took instructions over');
    // Kept texts would add at least text.length bytes per place (one byte per character).
    assert.ok(grown < (places * text.length) / 4, `heap grew by ${(grown / 1024).toFixed(0)} KiB after typing at ${places} places (the text is ${(text.length / 1024).toFixed(0)} KiB)`);
  });
});
