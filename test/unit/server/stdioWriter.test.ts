// The server's stdio writer: one write per message, made when the message is sent, framed with the byte
// length of its UTF-8 body (Chinese text is three bytes a character), in the order the messages are sent.
import * as assert from 'node:assert';
import { Writable } from 'node:stream';
import { StdioMessageWriter } from '../../../server/src/stdioWriter';

function sink(fail?: Error): { stream: Writable; writes: Buffer[] } {
  const writes: Buffer[] = [];
  const stream = new Writable({ write(chunk: Buffer, _encoding, callback) { writes.push(Buffer.from(chunk)); callback(fail); } });
  return { stream, writes };
}

function frame(bytes: Buffer): { length: number; body: string } {
  const text = bytes.toString('utf8');
  const match = /^Content-Length: (\d+)\r\n\r\n/.exec(text);
  assert.ok(match, `a Content-Length header starts the write: ${JSON.stringify(text.slice(0, 40))}`);
  return { length: Number(match[1]), body: bytes.subarray(Buffer.byteLength(match[0])).toString('utf8') };
}

describe('stdio message writer', () => {
  it('writes each message at once, header and body in one write, with the UTF-8 byte length', () => {
    const { stream, writes } = sink();
    const writer = new StdioMessageWriter(stream);
    const hover = { jsonrpc: '2.0', id: 7, result: { contents: { kind: 'markdown', value: '### FROM\n基础镜像：每个阶段从这里开始' } } };
    void writer.write(hover);
    assert.strictEqual(writes.length, 1, 'written before write() returned, in one piece');
    const { length, body } = frame(writes[0]);
    assert.strictEqual(length, Buffer.byteLength(JSON.stringify(hover), 'utf8'));
    assert.notStrictEqual(length, JSON.stringify(hover).length, 'the fixture has multi-byte characters');
    assert.deepStrictEqual(JSON.parse(body), hover);
  });

  it('keeps the order messages are sent in', async () => {
    const { stream, writes } = sink();
    const writer = new StdioMessageWriter(stream);
    await Promise.all([1, 2, 3].map((id) => writer.write({ jsonrpc: '2.0', id, result: null } as never)));
    assert.deepStrictEqual(writes.map((w) => JSON.parse(frame(w).body).id), [1, 2, 3]);
  });

  it('rejects a message that cannot be serialised, reports it and writes nothing', async () => {
    const { stream, writes } = sink();
    const writer = new StdioMessageWriter(stream);
    const errors: unknown[] = [];
    writer.onError((e) => errors.push(e));
    const cyclic: Record<string, unknown> = { jsonrpc: '2.0', method: 'x' };
    cyclic.params = cyclic;
    await assert.rejects(writer.write(cyclic as never), /circular/i);
    assert.strictEqual(writes.length, 0);
    assert.strictEqual(errors.length, 1);
  });

  it('reports a failed write and rejects its promise', async () => {
    const { stream } = sink(new Error('pipe closed'));
    stream.on('error', () => undefined);
    const writer = new StdioMessageWriter(stream);
    const errors: unknown[] = [];
    writer.onError((e) => errors.push(e));
    await assert.rejects(writer.write({ jsonrpc: '2.0', method: 'x' } as never), /pipe closed/);
    assert.ok(errors.length >= 1);
  });
});
