// The real engine as the oracle for our errors, on every fixture, both ways:
//  - when Docker rejects a Dockerfile at parse time, we report an error on that line;
//  - when we report an error, Docker rejects the Dockerfile (at parse time, or else when it builds it).
//
// Parse stage only: the build asks for a target stage that does not exist, so Docker parses the whole
// file ("dockerfile parse error line N: …") and then stops with "failed to reach build target" before
// it pulls anything. Files we flag but Docker parses fine are then really built, with every base image
// replaced by the rig's offline busybox image, to see whether the build fails.
//
// This engine is Docker 20.10 (classic builder): it predates Dockerfile syntax 1.4 and rejects heredocs,
// COPY --link/--parents/--exclude, RUN --network/--security, ADD --checksum/--keep-git-dir and
// HEALTHCHECK --start-interval, which current BuildKit accepts. Files using them are left out (and
// counted): their constructs are valid and our server must not call them errors. `# syntax=` would make
// the engine pull a frontend image, so it is moved out of the directive block (as is `# check=`).
import * as assert from 'node:assert';
import * as tarStream from 'tar-stream';
import type { Diagnostic } from 'vscode-languageserver-types';
import { DockerfileModel } from '../../server/src/diagnostics/model/model';
import { cleanupTestObjects, engineProblem, ensureTestImage, testDocker, testLabels, TEST_IMAGE } from '../support/engineRig';
import { describeAll, diagnose, fixture, fixtureFiles, parsed } from '../unit/server/diagnostics/support';

const NO_SUCH_TARGET = 'docker-learning-oracle-no-such-stage';
/** Flags this engine's builder does not know yet (BuildKit syntax 1.4 and later). */
const NEWER_FLAGS = new Set(['link', 'parents', 'exclude', 'network', 'security', 'checksum', 'keep-git-dir', 'start-interval']);

interface Outcome { rejected: boolean; message: string }

/** Why this engine cannot judge the file, or undefined when it can. */
function newerSyntax(text: string): string | undefined {
  const doc = parsed(text);
  const model = new DockerfileModel(doc.dockerfile, text, { uri: doc.uri });
  for (const info of model.instructions) {
    if (model.heredocsOf(info).length > 0) { return 'heredoc'; }
    const flag = model.flagsOf(info).find((f) => NEWER_FLAGS.has(f.name));
    if (flag) { return `--${flag.name}`; }
  }
  return undefined;
}

/** Moves `# syntax=` and `# check=` out of the directive block without changing any line number. */
export function withoutNewDirectives(text: string): string {
  const lines = text.split('\n');
  let end = 0;
  while (end < lines.length && /^#\s*[a-zA-Z]+\s*=/.test(lines[end])) { end++; }
  const kept = lines.slice(0, end).filter((l) => !/^#\s*(syntax|check)\s*=/i.test(l));
  const removed = end - kept.length;
  return [...kept, ...Array<string>(removed).fill('#'), ...lines.slice(end)].join('\n');
}

/** Every FROM image that is not a stage of the file (nor scratch) becomes the rig's busybox image. */
function onBusybox(text: string): string {
  const doc = parsed(text);
  const model = new DockerfileModel(doc.dockerfile, text, { uri: doc.uri });
  const lines = text.split('\n');
  for (const stage of [...model.stages].reverse()) {
    const image = stage.from.image;
    if (!image || stage.parent || stage.root === 'scratch' && !image.value.includes('$')) { continue; }
    const r = image.range;
    lines[r.start.line] = lines[r.start.line].slice(0, r.start.character) + TEST_IMAGE + lines[r.start.line].slice(r.end.character);
  }
  return lines.join('\n');
}

function context(dockerfile: string): NodeJS.ReadableStream {
  const pack = tarStream.pack();
  pack.entry({ name: 'Dockerfile' }, dockerfile);
  pack.finalize();
  return pack as unknown as NodeJS.ReadableStream;
}

/**
 * Runs a classic-builder build and reports whether (and with what message) Docker refused it. The
 * classic builder commits an unlabelled image per step; a failed build leaves them dangling, so the
 * ones this build printed (` ---> <id>`) are removed again — the final image carries testLabels().
 */
async function build(dockerfile: string, options: Record<string, unknown>): Promise<Outcome> {
  const docker = testDocker();
  const created: string[] = [];
  try {
    const stream = await docker.buildImage(context(dockerfile), { version: '1', forcerm: true, labels: testLabels(), ...options } as object);
    const output = await new Promise<{ error?: string; stream?: string }[]>((resolve, reject) => docker.modem.followProgress(stream, (err: Error | null, out: { error?: string; stream?: string }[]) => (err ? reject(err) : resolve(out))));
    for (const o of output) { const m = /^ ---> ([0-9a-f]{12})\s*$/.exec(o.stream ?? ''); if (m) { created.push(m[1]); } }
    const error = output.find((o) => o.error)?.error;
    return error ? { rejected: true, message: error } : { rejected: false, message: '' };
  } catch (e) {
    return { rejected: true, message: (e as Error).message };
  } finally {
    const base = (await docker.getImage(TEST_IMAGE).inspect().catch(() => undefined))?.Id ?? '';
    for (const id of created.reverse()) {
      if (!base.startsWith(`sha256:${id}`)) { await docker.getImage(id).remove().catch(() => undefined); }
    }
  }
}

async function parseStage(dockerfile: string): Promise<Outcome> {
  const o = await build(dockerfile, { target: NO_SUCH_TARGET });
  return o.message.includes('failed to reach build target') ? { rejected: false, message: '' } : o;
}

/** The 1-based line Docker's parse error is about: from its message, or the shortest prefix that fails the same way. */
async function parseErrorLine(dockerfile: string, message: string): Promise<number | undefined> {
  const m = /dockerfile parse error line (\d+)/.exec(message);
  if (m) { return Number(m[1]); }
  const lines = dockerfile.split('\n');
  const key = message.replace(/^.*?unexpected - /, '');
  let lo = 1;
  let hi = lines.length;
  if (!(await parseStage(lines.slice(0, hi).join('\n'))).message.includes(key)) { return undefined; }
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((await parseStage(lines.slice(0, mid).join('\n'))).message.includes(key)) { hi = mid; } else { lo = mid + 1; }
  }
  return lines.slice(0, lo).join('').trim() === '' ? undefined : lo;
}

const errorsOf = (ds: Diagnostic[]) => ds.filter((d) => d.severity === 1);

describe('the engine as oracle: Docker and our errors agree', function () {
  this.timeout(180000);
  const files = [...fixtureFiles('valid').map((f) => ['valid', f]), ...fixtureFiles('invalid').map((f) => ['invalid', f])];
  const summary = { parseRejected: 0, buildRejected: 0, accepted: 0, leftOut: new Map<string, string>() };

  before(async function () {
    const problem = await engineProblem();
    if (problem) { throw new Error(`no Docker engine: ${problem}`); }
    await ensureTestImage();
  });
  after(async () => {
    await cleanupTestObjects(testDocker(), { images: true });
    const reasons = new Map<string, number>();
    for (const r of summary.leftOut.values()) { reasons.set(r, (reasons.get(r) ?? 0) + 1); }
    console.log(`      oracle: ${summary.parseRejected} rejected at parse time and flagged by us, ${summary.buildRejected} flagged by us and failing the real build, `
      + `${summary.accepted} accepted by both; left out ${summary.leftOut.size} file(s) this engine is too old to judge: `
      + [...reasons].map(([r, n]) => `${n} × ${r}`).join(', '));
  });

  for (const [dir, file] of files) {
    it(`${dir}/${file}`, async () => {
      const original = fixture(dir, file);
      const reason = newerSyntax(original);
      if (reason) {
        summary.leftOut.set(`${dir}/${file}`, reason);
        // Valid for current Docker: whatever the old engine says, we must not call it an error.
        assert.deepStrictEqual(errorsOf(diagnose(original)), [], `${file} uses ${reason}, which is valid Dockerfile syntax`);
        return;
      }
      const dockerfile = withoutNewDirectives(original);
      const ours = errorsOf(diagnose(original));
      const parse = await parseStage(dockerfile);
      if (parse.rejected) {
        const line = await parseErrorLine(dockerfile, parse.message);
        if (line === undefined) {
          assert.ok(ours.length > 0, `Docker rejects ${file} ("${parse.message}") but we report no error`);
        } else {
          assert.ok(ours.some((d) => d.range.start.line <= line - 1 && line - 1 <= d.range.end.line), `Docker rejects line ${line} of ${file} ("${parse.message}"); our errors:\n${describeAll(ours)}`);
        }
        summary.parseRejected++;
        return;
      }
      if (ours.length === 0) { summary.accepted++; return; }
      const real = await build(onBusybox(dockerfile), { nocache: true });
      assert.ok(real.rejected, `we report errors Docker does not confirm in ${file}:\n${describeAll(ours)}`);
      assert.doesNotMatch(real.message, /no such file or directory|executable file not found|COPY failed: file not found/, `the build of ${file} failed for another reason: ${real.message}`);
      if (process.env.ORACLE_VERBOSE) { console.log(`        ${file}: ${real.message}`); }
      summary.buildRejected++;
    });
  }

  it('leaves out only files whose syntax is newer than this engine, and says how many', () => {
    assert.ok(summary.leftOut.size > 0 && summary.leftOut.size < files.length / 4, `${summary.leftOut.size} of ${files.length} left out`);
    for (const [file, reason] of summary.leftOut) { assert.match(reason, /^(heredoc|--[a-z-]+)$/, file); }
  });

  it('moves # syntax= and # check= without shifting lines, keeping # escape= in force', () => {
    assert.strictEqual(withoutNewDirectives('# syntax=docker/dockerfile:1\n# escape=`\nFROM x\n'), '# escape=`\n#\nFROM x\n');
    assert.strictEqual(withoutNewDirectives('FROM x\n# syntax=y\n'), 'FROM x\n# syntax=y\n');
  });
});
