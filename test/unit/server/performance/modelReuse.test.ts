// The rules model of a new version takes over the unchanged instructions of the previous one
// (server/src/diagnostics/model/model.ts, ModelOptions.previous). Differential check: after every edit of
// a sequence, the diagnostics computed with the previous model equal those computed from scratch — on the
// fixture corpus, on a large generated file and on generated documents — and the reuse really happens.
import * as assert from 'node:assert';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DockerfileLanguageServiceFactory } from 'dockerfile-language-service';
import { ParsedDocument } from '../../../../server/src/documents/parsedDocument';
import { computeDiagnostics } from '../../../../server/src/diagnostics/computeDiagnostics';
import type { DockerfileModel } from '../../../../server/src/diagnostics/model/model';
import { dockerfileCorpus } from '../../../support/dockerfileCorpus';
import { bigDockerfile } from '../../../support/bigDockerfile';
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
    // A changed escape directive changes how everything is read: nothing is taken over.
    diagnose(`# escape=\`\n${lines.join('\n')}`, 51, holder);
    assert.strictEqual(holder.model!.reused, 0, 'nothing taken over after the escape character changed');
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
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
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
    gc();
    assert.strictEqual(first.deref(), undefined, 'the first model is still reachable from the newest one');
  });
});
