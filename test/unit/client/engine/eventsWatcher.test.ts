// The events watcher's reconnect logic against a fake engine: backoff, one stream at a time.
import * as assert from 'node:assert';
import { PassThrough } from 'node:stream';
import type Dockerode from 'dockerode';
import { changesContainerList, DockerEvent, EventsWatcher, WatchState } from '../../../../client/src/engine/events';

class FakeEngine {
  up = false;
  calls = 0;
  streams: PassThrough[] = [];
  async getEvents(): Promise<PassThrough> {
    this.calls++;
    if (!this.up) { throw Object.assign(new Error('connect ENOENT /nope.sock'), { code: 'ENOENT' }); }
    const s = new PassThrough();
    this.streams.push(s);
    return s;
  }
}

function waitFor(cond: () => boolean, ms = 3000): Promise<void> {
  const deadline = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const tick = () => (cond() ? resolve() : Date.now() > deadline ? reject(new Error('timed out')) : setTimeout(tick, 5));
    tick();
  });
}

describe('EventsWatcher (fake engine)', () => {
  it('parses events split across chunks', async () => {
    const fake = new FakeEngine();
    fake.up = true;
    const events: DockerEvent[] = [];
    const w = new EventsWatcher(fake as unknown as Dockerode, { event: (e) => events.push(e) });
    w.start();
    await waitFor(() => w.state === 'connected');
    const line = JSON.stringify({ Type: 'container', Action: 'start', Actor: { ID: 'abc' }, time: 1 }) + '\n';
    fake.streams[0].write(line.slice(0, 10));
    fake.streams[0].write(line.slice(10) + line);
    await waitFor(() => events.length === 2);
    assert.strictEqual(events[0].Action, 'start');
    w.stop();
  });

  it('retries with growing delays while the engine is away, and reconnects once it is back', async () => {
    const fake = new FakeEngine();
    const states: { state: WatchState; retry?: number }[] = [];
    const w = new EventsWatcher(fake as unknown as Dockerode, { state: (state, _e, retry) => states.push({ state, retry }) }, { minDelayMs: 5, maxDelayMs: 40 });
    w.start();
    await waitFor(() => fake.calls >= 5);
    const delays = states.filter((s) => s.state === 'waiting').map((s) => s.retry);
    assert.deepStrictEqual(delays.slice(0, 5), [5, 10, 20, 40, 40]);
    fake.up = true;
    await waitFor(() => w.state === 'connected');
    assert.strictEqual(w.openStreams, 1);
    // The engine goes away: the stream ends, the watcher waits and reconnects to a single new stream.
    fake.streams[0].end();
    await waitFor(() => w.connections === 2);
    assert.strictEqual(w.openStreams, 1);
    w.stop();
    assert.strictEqual(w.state, 'stopped');
  });

  it('never opens a second stream however often it is started', async () => {
    const fake = new FakeEngine();
    fake.up = true;
    const w = new EventsWatcher(fake as unknown as Dockerode, {});
    w.start(); w.start(); w.start();
    await waitFor(() => w.state === 'connected');
    w.retryNow();
    w.stop(); w.start();
    await waitFor(() => w.state === 'connected');
    assert.strictEqual(w.openStreams, 1);
    assert.strictEqual(fake.streams.filter((s) => !s.destroyed).length, 1);
    w.stop();
    assert.strictEqual(fake.streams.filter((s) => !s.destroyed).length, 0);
  });

  it('ignores events that do not change the list (exec, archive reads)', () => {
    const e = (Action: string): DockerEvent => ({ Type: 'container', Action, Actor: { ID: 'x' }, time: 0 });
    assert.ok(changesContainerList(e('start')));
    assert.ok(changesContainerList(e('health_status: healthy')));
    assert.ok(!changesContainerList(e('exec_start: sh')));
    assert.ok(!changesContainerList(e('archive-path')));
    assert.ok(!changesContainerList({ ...e('pull'), Type: 'image' }));
  });
});
