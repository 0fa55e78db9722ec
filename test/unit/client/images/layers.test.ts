import * as assert from 'node:assert';
import { parseDockerfile } from '../../../../client/src/images/model/dockerfile';
import { describeCreatedBy, historyToLayers, matchLayersToDockerfile, runChains, type HistoryRow } from '../../../../client/src/images/model/layers';

/** History as the 20.10 classic builder records it (newest first), for the file below. */
const FILE = [
  'FROM busybox AS base',        // 0
  'ARG V=1',                     // 1
  'RUN echo $V > /v && \\',      // 2
  '    echo more >> /v',         // 3
  'RUN ["echo", "hi"]',          // 4
  'ENV A=1',                     // 5
  'COPY . /ctx',                 // 6
  'CMD ["sh"]',                  // 7
].join('\n');

function row(createdBy: string, size = 0, extra: Partial<HistoryRow> = {}): HistoryRow {
  return { id: '<missing>', created: 0, createdBy, size, tags: [], comment: '', ...extra };
}

const HISTORY: HistoryRow[] = [
  row('/bin/sh -c #(nop)  LABEL docker-learning.test=run-1'),
  row('/bin/sh -c #(nop)  CMD ["sh"]'),
  row('/bin/sh -c #(nop) COPY dir:9f78fa35170e in /ctx ', 342),
  row('/bin/sh -c #(nop)  ENV A=1'),
  row('|1 V=1 echo hi'),
  row('|1 V=1 /bin/sh -c echo $V > /v &&     echo more >> /v', 7),
  row('/bin/sh -c #(nop)  ARG V=1'),
  row('', 1982680, { comment: 'Imported from -', id: 'sha256:base' }),
];

describe('images/layers', () => {
  it('cleans the builder’s wrapping off each row', () => {
    assert.deepStrictEqual(describeCreatedBy('/bin/sh -c #(nop)  ENV A=1'), { keyword: 'ENV', text: 'ENV A=1', metadataOnly: true });
    assert.deepStrictEqual(describeCreatedBy('/bin/sh -c #(nop) COPY file:abc in /x '), { keyword: 'COPY', text: 'COPY file:abc in /x', metadataOnly: false });
    assert.deepStrictEqual(describeCreatedBy('/bin/sh -c apk add curl'), { keyword: 'RUN', text: 'RUN apk add curl', metadataOnly: false });
    assert.deepStrictEqual(describeCreatedBy('|2 A=1 B=x y /bin/sh -c make'), { keyword: 'RUN', text: 'RUN y /bin/sh -c make', metadataOnly: false }, 'the prefix has no quoting: a value with a space is ambiguous, as in Docker');
    assert.deepStrictEqual(describeCreatedBy('RUN /bin/sh -c make # buildkit'), { keyword: 'RUN', text: 'RUN make', metadataOnly: false });
    assert.deepStrictEqual(describeCreatedBy('COPY /src /dst # buildkit'), { keyword: 'COPY', text: 'COPY /src /dst', metadataOnly: false });
    assert.deepStrictEqual(describeCreatedBy('WORKDIR /src'), { keyword: 'WORKDIR', text: 'WORKDIR /src', metadataOnly: true });
    assert.deepStrictEqual(describeCreatedBy('sh -c echo x > /y'), { keyword: '', text: 'sh -c echo x > /y', metadataOnly: false }, 'a commit records the container command');
  });

  it('turns history into rows: metadata-only vs adding bytes, imported base', () => {
    const rows = historyToLayers(HISTORY);
    assert.deepStrictEqual(rows.map((r) => [r.keyword, r.size, r.metadataOnly]), [
      ['LABEL', 0, true], ['CMD', 0, true], ['COPY', 342, false], ['ENV', 0, true], ['RUN', 0, false], ['RUN', 7, false], ['ARG', 0, true], ['', 1982680, false],
    ]);
    assert.strictEqual(rows[7].text, 'Imported from -');
    assert.strictEqual(rows[7].id, 'sha256:base');
    assert.strictEqual(rows[0].id, undefined);
  });

  it('links each row to the Dockerfile line that made it, skipping the --label step', () => {
    const rows = historyToLayers(HISTORY);
    const links = matchLayersToDockerfile(rows, parseDockerfile(FILE));
    assert.deepStrictEqual([...links.entries()].map(([r, i]) => [r, i.startLine]).sort((a, b) => a[0] - b[0]), [
      [1, 7], [2, 6], [3, 5], [4, 4], [5, 2], [6, 1],
    ]);
  });

  it('links nothing when the file changed since the build', () => {
    const rows = historyToLayers(HISTORY);
    assert.strictEqual(matchLayersToDockerfile(rows, parseDockerfile(FILE.replace('echo more', 'echo less'))).size, 0);
    assert.strictEqual(matchLayersToDockerfile(rows, parseDockerfile(FILE.replace('ENV A=1', 'USER nobody'))).size, 0);
  });

  it('follows a stage built FROM another stage, and skips ARGs a builder did not record', () => {
    const file = 'FROM busybox AS base\nARG X\nRUN make\nFROM base AS test\nRUN make test\n';
    const rows = historyToLayers([row('RUN /bin/sh -c make test # buildkit', 5), row('RUN /bin/sh -c make # buildkit', 9), row('', 100)]);
    const links = matchLayersToDockerfile(rows, parseDockerfile(file));
    assert.deepStrictEqual([...links.entries()].map(([r, i]) => [r, i.startLine]), [[0, 4], [1, 2]]);
  });

  it('finds runs of RUN layers that chaining would merge', () => {
    const rows = historyToLayers([row('/bin/sh -c c', 1), row('/bin/sh -c b', 1), row('/bin/sh -c a', 1), row('/bin/sh -c #(nop)  ENV A=1'), row('/bin/sh -c z', 1)]);
    assert.deepStrictEqual(runChains(rows), [[0, 1, 2]]);
  });
});
