import * as assert from 'node:assert';
import { demuxBuffer, LogDemuxer, StreamType } from '../../../../client/src/engine/logDemux';

function frame(type: 1 | 2, text: string | Buffer): Buffer {
  const payload = Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8');
  const header = Buffer.alloc(8);
  header[0] = type;
  header.writeUInt32BE(payload.length, 4);
  return Buffer.concat([header, payload]);
}

function collect(chunks: Buffer[]): { stream: StreamType; text: string }[] {
  const out: { stream: StreamType; bytes: Buffer[] }[] = [];
  const d = new LogDemuxer((stream, payload) => {
    const last = out[out.length - 1];
    if (last && last.stream === stream) { last.bytes.push(Buffer.from(payload)); } else { out.push({ stream, bytes: [Buffer.from(payload)] }); }
  });
  chunks.forEach((c) => d.push(c));
  d.end();
  return out.map((o) => ({ stream: o.stream, text: Buffer.concat(o.bytes).toString('utf8') }));
}

describe('LogDemuxer (docker log frames)', () => {
  const stream = Buffer.concat([frame(1, 'out one\n'), frame(2, 'err one\n'), frame(1, '\x1b[31mred\x1b[0m\n'), frame(2, '错误\n')]);

  it('separates stdout and stderr and never passes a frame header on', () => {
    assert.deepStrictEqual(collect([stream]), [
      { stream: 'stdout', text: 'out one\n' }, { stream: 'stderr', text: 'err one\n' },
      { stream: 'stdout', text: '\x1b[31mred\x1b[0m\n' }, { stream: 'stderr', text: '错误\n' },
    ]);
  });

  it('gives the same result whatever byte the chunks split at', () => {
    const whole = JSON.stringify(collect([stream]));
    for (let size = 1; size <= 13; size++) {
      const chunks: Buffer[] = [];
      for (let i = 0; i < stream.length; i += size) { chunks.push(stream.subarray(i, i + size)); }
      assert.strictEqual(JSON.stringify(collect(chunks)), whole, `chunks of ${size} bytes`);
    }
  });

  it('handles empty frames and large frames', () => {
    const big = Buffer.alloc(200_000, 'x');
    const out = collect([Buffer.concat([frame(1, ''), frame(2, big), frame(1, 'end')])]);
    assert.deepStrictEqual(out.map((o) => [o.stream, o.text.length]), [['stderr', 200_000], ['stdout', 3]]);
  });

  it('passes a stream that is not framed (a TTY) through unchanged', () => {
    const raw = Buffer.from('hello\r\nworld\r\n');
    assert.deepStrictEqual(collect([raw.subarray(0, 3), raw.subarray(3)]), [{ stream: 'stdout', text: 'hello\r\nworld\r\n' }]);
  });

  it('demuxes a whole buffer', () => {
    const { stdout, stderr } = demuxBuffer(stream);
    assert.strictEqual(stdout.toString(), 'out one\n\x1b[31mred\x1b[0m\n');
    assert.strictEqual(stderr.toString(), 'err one\n错误\n');
  });
});
