// The Containers view's pure helpers: exit codes, icons, grouping, tooltips, input checks, --since, tables.
import * as assert from 'node:assert';
import type { ContainerSummary } from '../../../../client/src/engine/containerSummary';
import { exitCodeFromStatus, exitMeaning } from '../../../../client/src/containers/model/exitCodes';
import { groupContainers } from '../../../../client/src/containers/model/grouping';
import { healthFromStatus, isStopped, isUp, stateVisual } from '../../../../client/src/containers/model/stateVisual';
import { formatPort, mdCode, publishedPorts, tooltipData } from '../../../../client/src/containers/model/tooltipData';
import { containerNameProblem, parseRepoTag } from '../../../../client/src/containers/model/validate';
import { parseSince } from '../../../../client/src/containers/model/since';
import { displayWidth, formatTable } from '../../../../client/src/containers/model/table';
import { patchList, shapeChanges, treeShape } from '../../../../client/src/containers/model/treeShape';

function c(over: Partial<ContainerSummary>): ContainerSummary {
  return { id: 'f'.repeat(64), name: 'web', image: 'nginx', imageId: 'sha256:1', command: 'nginx -g daemon off;', state: 'running', status: 'Up 3 minutes', created: 1_700_000_000, labels: {}, ports: [], mounts: [], networks: [], ...over };
}

describe('exit codes in plain words', () => {
  it('reads the code from Docker\'s status text', () => {
    assert.strictEqual(exitCodeFromStatus('Exited (137) 2 hours ago'), 137);
    assert.strictEqual(exitCodeFromStatus('Exited (0) About a minute ago'), 0);
    assert.strictEqual(exitCodeFromStatus('Up 3 minutes'), undefined);
  });
  it('names the usual codes', () => {
    const m = (n: number) => exitMeaning(n).meaning;
    assert.deepStrictEqual([0, 1, 125, 126, 127, 130, 137, 139, 143, 2].map(m),
      ['success', 'appError', 'dockerError', 'cannotInvoke', 'notFound', 'sigint', 'sigkill', 'sigsegv', 'sigterm', 'other']);
    assert.deepStrictEqual(exitMeaning(134), { meaning: 'signal', signal: 6 });
  });
});

describe('state → icon', () => {
  it('colours by state and health', () => {
    assert.deepStrictEqual(stateVisual('running', 'Up 3 minutes'), { icon: 'vm-running', color: 'charts.green' });
    assert.deepStrictEqual(stateVisual('running', 'Up 3 minutes (healthy)'), { icon: 'vm-active', color: 'charts.green' });
    assert.deepStrictEqual(stateVisual('running', 'Up 3 minutes (unhealthy)'), { icon: 'vm-active', color: 'charts.red' });
    assert.strictEqual(stateVisual('paused', 'Up 1 minute (Paused)').icon, 'debug-pause');
    assert.strictEqual(stateVisual('restarting', 'Restarting (1) 2 seconds ago').icon, 'sync');
    assert.strictEqual(stateVisual('exited', 'Exited (0) 1 hour ago').color, 'disabledForeground');
    assert.strictEqual(stateVisual('exited', 'Exited (137) 1 hour ago').color, 'charts.red');
    assert.strictEqual(stateVisual('dead', 'Dead').icon, 'error');
    assert.strictEqual(stateVisual('created', 'Created').color, 'charts.blue');
  });
  it('reads health and knows what is up and what is stopped', () => {
    assert.strictEqual(healthFromStatus('Up 5 seconds (health: starting)'), 'starting');
    assert.deepStrictEqual(['running', 'paused', 'restarting', 'exited', 'created', 'dead'].map(isUp), [true, true, true, false, false, false]);
    assert.deepStrictEqual(['running', 'paused', 'exited', 'created', 'dead', 'removing'].map(isStopped), [false, false, true, true, true, false]);
  });
});

describe('grouping', () => {
  const list = [
    c({ id: '1', name: 'web-10', created: 3 }), c({ id: '2', name: 'web-9', state: 'exited', status: 'Exited (0) now', created: 2 }),
    c({ id: '3', name: 'shop-db-1', labels: { 'com.docker.compose.project': 'shop' }, created: 5 }),
    c({ id: '4', name: 'blog-app-1', labels: { 'com.docker.compose.project': 'blog' }, state: 'exited', created: 1 }),
  ];
  it('puts Compose projects first, sorted, then one group for the rest', () => {
    const groups = groupContainers(list, { show: 'all', sort: 'name' });
    assert.deepStrictEqual(groups.map((g) => [g.key, g.containers.map((x) => x.name), g.up]), [
      ['compose:blog', ['blog-app-1'], 0], ['compose:shop', ['shop-db-1'], 1], ['other', ['web-9', 'web-10'], 1],
    ]);
  });
  it('sorts newest first and filters running only', () => {
    assert.deepStrictEqual(groupContainers(list, { show: 'all', sort: 'created' }).at(-1)!.containers.map((x) => x.name), ['web-10', 'web-9']);
    assert.deepStrictEqual(groupContainers(list, { show: 'running', sort: 'name' }).map((g) => g.key), ['compose:shop', 'other']);
    assert.deepStrictEqual(groupContainers([], { show: 'all', sort: 'name' }), []);
  });
});

describe('tooltip data', () => {
  const web = c({
    status: 'Exited (137) 2 hours ago', state: 'exited',
    ports: [{ ip: '0.0.0.0', privatePort: 80, publicPort: 8080, type: 'tcp' }, { ip: '::', privatePort: 80, publicPort: 8080, type: 'tcp' }, { privatePort: 443, type: 'tcp' }],
    mounts: [{ type: 'volume', name: 'data', source: '/var/lib/docker/volumes/data/_data', destination: '/data', rw: true }, { type: 'bind', source: '/src', destination: '/app', rw: false }],
    networks: [{ name: 'bridge', ip: '172.17.0.2' }],
    labels: { 'com.docker.compose.project': 'shop', 'com.docker.compose.service': 'web' },
  });
  it('shows ports host → container, mounts, networks, the exit code and the Compose service', () => {
    const t = tooltipData(web);
    assert.deepStrictEqual(t.ports, ['0.0.0.0:8080 → 80/tcp', '443/tcp', '[::]:8080 → 80/tcp']);
    assert.deepStrictEqual(t.mounts, [{ text: 'volume data → /data', readOnly: false }, { text: 'bind /src → /app', readOnly: true }]);
    assert.deepStrictEqual(t.networks, ['bridge 172.17.0.2']);
    assert.deepStrictEqual(t.exit, { code: 137, meaning: 'sigkill', signal: 9 });
    assert.deepStrictEqual(t.compose, { project: 'shop', service: 'web' });
    assert.strictEqual(t.created, '2023-11-14T22:13:20Z');
  });
  it('lists each published host port once', () => {
    assert.deepStrictEqual(publishedPorts(web).map(formatPort), ['0.0.0.0:8080 → 80/tcp']);
  });
  it('makes inline code that survives backticks', () => {
    assert.strictEqual(mdCode('sh -c `id`'), '`` sh -c `id` ``');
    assert.strictEqual(mdCode('plain'), '`plain`');
  });
});

describe('input checks', () => {
  it('container names follow Docker\'s rule', () => {
    assert.strictEqual(containerNameProblem('web-1.a_b'), undefined);
    assert.strictEqual(containerNameProblem(''), 'empty');
    assert.strictEqual(containerNameProblem('a'), 'invalid');
    assert.strictEqual(containerNameProblem('-web'), 'invalid');
    assert.strictEqual(containerNameProblem('my app'), 'invalid');
  });
  it('repository:tag for commit', () => {
    assert.deepStrictEqual(parseRepoTag('me/web:v1'), { repo: 'me/web', tag: 'v1' });
    assert.deepStrictEqual(parseRepoTag('web'), { repo: 'web', tag: 'latest' });
    assert.deepStrictEqual(parseRepoTag('localhost:5000/web'), { repo: 'localhost:5000/web', tag: 'latest' });
    assert.deepStrictEqual(parseRepoTag('Registry.example.com:5000/team/web:1.0'), { repo: 'Registry.example.com:5000/team/web', tag: '1.0' });
    assert.deepStrictEqual(parseRepoTag('Me/Web'), { problem: 'uppercase' });
    assert.deepStrictEqual(parseRepoTag('web@sha256:abc'), { problem: 'digest' });
    assert.deepStrictEqual(parseRepoTag('web:'), { problem: 'invalid' });
    assert.deepStrictEqual(parseRepoTag(' '), { problem: 'empty' });
  });
});

describe('--since like the CLI', () => {
  const now = Date.parse('2024-05-01T12:00:00Z');
  it('durations, dates and Unix seconds', () => {
    assert.strictEqual(parseSince('10m', now), now / 1000 - 600);
    assert.strictEqual(parseSince('1h30m', now), now / 1000 - 5400);
    assert.strictEqual(parseSince('2024-05-01T10:00:00Z', now), Date.parse('2024-05-01T10:00:00Z') / 1000);
    assert.strictEqual(parseSince('1714550000', now), 1714550000);
    assert.strictEqual(parseSince('yesterday', now), undefined);
    assert.strictEqual(parseSince('', now), undefined);
  });
});

describe('text tables', () => {
  it('aligns columns, CJK counted double', () => {
    assert.strictEqual(displayWidth('容器a'), 5);
    assert.strictEqual(formatTable(['PID', 'CMD'], [['1', 'sleep 3600'], ['12345', '中文']]), 'PID    CMD\n1      sleep 3600\n12345  中文');
  });
});

describe('tree shape: ranges for long groups, what a change redraws, patches', () => {
  const many = (n: number, over: Partial<ContainerSummary> = {}) => Array.from({ length: n }, (_, i) => c({ id: `id${i}`, name: `box-${String(i).padStart(4, '0')}`, ...over }));

  it('cuts a group of more than 200 into ranges of 100, keeps smaller groups flat', () => {
    assert.strictEqual(treeShape(many(200), { show: 'all', sort: 'name' }).chunks.get('other'), undefined);
    const chunks = treeShape(many(1000), { show: 'all', sort: 'name' }).chunks.get('other')!;
    assert.strictEqual(chunks.length, 10);
    assert.deepStrictEqual([chunks[0].key, chunks[9].key], ['other#0', 'other#9']);
    assert.deepStrictEqual([chunks[3].containers[0].name, chunks[3].containers[99].name, chunks[3].up], ['box-0300', 'box-0399', 100]);
  });

  it('redraws only the group whose containers changed; the root when groups come or go', () => {
    const list = [...many(3), c({ id: 'p1', name: 'db', labels: { 'com.docker.compose.project': 'shop' } })];
    const before = treeShape(list, { show: 'all', sort: 'name' });
    const stopped = list.map((x) => (x.id === 'id1' ? { ...x, state: 'exited', status: 'Exited (0) now' } : x));
    assert.deepStrictEqual(shapeChanges(before, treeShape(stopped, { show: 'all', sort: 'name' })), { groups: ['other'], chunks: [] });
    assert.deepStrictEqual(shapeChanges(before, treeShape(list, { show: 'all', sort: 'name' })), { groups: [], chunks: [] });
    assert.strictEqual(shapeChanges(before, treeShape(list.slice(0, 3), { show: 'all', sort: 'name' })), 'root');
  });

  it('in a long group, redraws only the ranges that changed', () => {
    const list = many(999);
    const before = treeShape(list, { show: 'all', sort: 'name' });
    const stopped = list.map((x) => (x.id === 'id250' ? { ...x, state: 'exited', status: 'Exited (0) now' } : x));
    assert.deepStrictEqual(shapeChanges(before, treeShape(stopped, { show: 'all', sort: 'name' })), { groups: [], chunks: ['other#2'] });
    const added = [...list, c({ id: 'first', name: 'aaa' })];
    assert.deepStrictEqual((shapeChanges(before, treeShape(added, { show: 'all', sort: 'name' })) as { chunks: string[] }).chunks.length, 10, 'every range shifts by one');
    const crossing = [...added, ...many(1).map((x) => ({ ...x, id: `x${x.id}`, name: `zz${x.name}` }))];
    assert.deepStrictEqual(shapeChanges(before, treeShape(crossing, { show: 'all', sort: 'name' })), { groups: ['other'], chunks: [] }, 'an 11th range redraws the group');
  });

  it('applies a partial answer: replaced, added, and gone (asked for, no row)', () => {
    const list = many(3);
    const patched = patchList(list, ['id1', 'id2', 'new'], [{ ...list[1], status: 'Exited (1) now' }, c({ id: 'new', name: 'new' })]);
    assert.deepStrictEqual(patched.map((x) => [x.id, x.status]), [['id0', 'Up 3 minutes'], ['id1', 'Exited (1) now'], ['new', 'Up 3 minutes']]);
  });
});
