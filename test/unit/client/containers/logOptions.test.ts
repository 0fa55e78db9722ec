// Options of logs and shells as a program may pass them: accepted values pass, everything else is
// refused with a message that says what is accepted, before any engine call.
import * as assert from 'node:assert';
import * as net from 'node:net';
import { killSignalProblem, logOptionsProblem, shellOptionsProblem, sinceProblem, stopTimeProblem, tailProblem } from '../../../../client/src/containers/model/logOptions';
import { DockerEngine } from '../../../../client/src/engine/dockerEngine';
import { resolveEndpoint } from '../../../../client/src/engine/endpoint';
import { InvalidOptionError } from '../../../../client/src/engine/containers';

describe('logs and shell options (programmatic)', () => {
  it('--tail: whole numbers and all', () => {
    for (const ok of [undefined, 'all', 0, 200, '200', ' 15 ', 1_000_000_000]) { assert.strictEqual(tailProblem(ok), undefined, String(ok)); }
    for (const bad of [-1, 1.5, NaN, Infinity, '10 lines', '-5', '', 'ALL', true, null, {}, 1_000_000_001]) {
      assert.match(tailProblem(bad) ?? '', /^--tail .*: Type a number or all$/, String(bad));
    }
  });

  it('--since: durations, RFC 3339 dates, Unix seconds', () => {
    for (const ok of [undefined, '', '10m', '1h30m', '2024-05-01T10:00:00Z', '1714550000', 1714550000, 0]) { assert.strictEqual(sinceProblem(ok), undefined, String(ok)); }
    for (const bad of ['yesterday', '10 minutes', -1, NaN, Infinity, true, {}, '10d']) {
      assert.match(sinceProblem(bad) ?? '', /^--since .*: Use a duration like 10m or 2h, a date like 2024-05-01T10:00:00Z, or Unix seconds$/, String(bad));
    }
  });

  it('the whole options object, with its flags', () => {
    assert.strictEqual(logOptionsProblem({ follow: true, tail: 'all', since: '5m', timestamps: false }), undefined);
    assert.strictEqual(logOptionsProblem({}), undefined);
    assert.strictEqual(logOptionsProblem({ follow: 'yes' }), '--follow yes: true or false');
    assert.strictEqual(logOptionsProblem({ timestamps: 1 }), '--timestamps 1: true or false');
    assert.match(logOptionsProblem('tail=5') ?? '', /^logs: the options are an object: \{ follow\?: boolean/);
    assert.match(logOptionsProblem([]) ?? '', /^logs: /);
    assert.match(logOptionsProblem({ tail: -3 }) ?? '', /^--tail -3/);
    const zh = (m: string) => `「${m}」`;
    assert.strictEqual(logOptionsProblem({ since: 'soon' }, zh), '--since soon: 「Use a duration like 10m or 2h, a date like 2024-05-01T10:00:00Z, or Unix seconds」', 'the sentence goes through the translator');
  });

  it('shells: absolute paths and sizes a terminal can have', () => {
    assert.strictEqual(shellOptionsProblem({}), undefined);
    assert.strictEqual(shellOptionsProblem({ shells: ['/bin/bash', '/bin/sh'], columns: 80, rows: 24 }), undefined);
    for (const shells of [[], ['sh'], ['/bin/sh; rm -rf /'], ['/bin/sh\0'], '/bin/sh', [1]]) {
      assert.match(shellOptionsProblem({ shells }) ?? '', /absolute paths such as \/bin\/sh/, JSON.stringify(shells));
    }
    for (const columns of [0, -1, 1.5, '80', 10_001]) { assert.match(shellOptionsProblem({ columns }) ?? '', /^columns .*: a whole number from 1 to 10000$/); }
    assert.match(shellOptionsProblem({ rows: NaN }) ?? '', /^rows NaN/);
  });

  it('stop --time and kill --signal', () => {
    for (const ok of [undefined, -1, 0, 10]) { assert.strictEqual(stopTimeProblem(ok), undefined, String(ok)); }
    for (const bad of [-2, 1.5, '10', NaN]) { assert.match(stopTimeProblem(bad) ?? '', /^stop --time .*: whole seconds, or -1 to wait without limit$/, String(bad)); }
    for (const ok of ['SIGKILL', 'TERM', 'SIGRTMIN+3', '9']) { assert.strictEqual(killSignalProblem(ok), undefined, ok); }
    for (const bad of ['KILL ME', 'sigterm', '', 9, undefined, '123']) { assert.match(killSignalProblem(bad) ?? '', /^kill --signal .*: a signal name such as SIGTERM, or its number$/, String(bad)); }
  });

  it('every sentence goes through the translator; the option and its value stay as typed', () => {
    const zh = (m: string, ...a: Array<string | number | boolean>) => `「${m.replace(/\{(\d+)\}/g, (_, i: string) => String(a[Number(i)]))}」`;
    assert.strictEqual(logOptionsProblem({ tail: 'lots' }, zh), '--tail lots: 「Type a number or all」');
    assert.strictEqual(logOptionsProblem({ follow: 'yes' }, zh), '--follow yes: 「true or false」');
    assert.strictEqual(logOptionsProblem(7, zh), 'logs: 「the options are an object: { follow?: boolean, tail?: number | "all", since?: string | number, timestamps?: boolean }」');
    assert.strictEqual(shellOptionsProblem({ shells: ['sh'] }, zh), 'shells ["sh"]: 「absolute paths such as /bin/sh」');
    assert.strictEqual(shellOptionsProblem({ rows: 0 }, zh), 'rows 0: 「a whole number from 1 to 10000」');
    assert.strictEqual(stopTimeProblem(1.5, zh), 'stop --time 1.5: 「whole seconds, or -1 to wait without limit」');
    assert.strictEqual(killSignalProblem('x', zh), 'kill --signal x: 「a signal name such as SIGTERM, or its number」');
  });

  it('the engine refuses them before any call: nothing connects', async () => {
    let connections = 0;
    const server = net.createServer((s) => { connections++; s.destroy(); });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as net.AddressInfo).port;
    const engine = new DockerEngine(resolveEndpoint({ hostSetting: `tcp://127.0.0.1:${port}`, env: {}, homedir: '/nonexistent', platform: 'linux', readFile: () => undefined }));
    try {
      const sink = { data: () => undefined, end: () => undefined };
      const ops = engine.containers;
      const calls: Array<() => Promise<unknown>> = [
        () => ops.logs('c1', { tail: -1 }, sink), () => ops.logs('c1', { since: Number.NaN }, sink),
        () => ops.logs('c1', { tail: '5; rm' as unknown as number }, sink), () => ops.shell('c1', { shells: ['sh'] }),
        () => ops.shell('c1', { columns: 0, rows: 24 }), () => ops.stop('c1', 1.5), () => ops.kill('c1', 'KILL ME'),
      ];
      const zh = (m: string, ...a: Array<string | number | boolean>) => `「${m.replace(/\{(\d+)\}/g, (_, i: string) => String(a[Number(i)]))}」`;
      for (const call of calls) {
        // The message is English (logs, tests); translated() says the same in the learner's language.
        const e = await call().then(() => assert.fail('accepted'), (x: unknown) => x);
        assert.ok(e instanceof InvalidOptionError, String(e));
        assert.match(e.translated(zh), /「.+」$/, e.message);
        assert.strictEqual(e.translated(zh).replace(/[「」]/g, ''), e.message);
      }
      assert.strictEqual(connections, 0);
    } finally {
      engine.dispose();
      server.close();
    }
  });
});
