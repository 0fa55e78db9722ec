// Docker multiplexes stdout and stderr of a container without a TTY into one stream of frames:
// an 8-byte header (stream type, three zero bytes, big-endian payload length) then the payload.
// Frames arrive split across chunks at any byte, so the header is buffered until complete.
// Containers with a TTY send raw bytes instead; so does anything that does not look like frames.

export type StreamType = 'stdin' | 'stdout' | 'stderr';
const TYPES: StreamType[] = ['stdin', 'stdout', 'stderr'];
const HEADER = 8;

export class LogDemuxer {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  /** Bytes of the current frame's payload still to come. */
  private remaining = 0;
  private current: StreamType = 'stdout';
  /** Set when the first bytes were not a frame header: pass everything through unchanged. */
  private raw = false;

  constructor(private readonly onData: (stream: StreamType, payload: Buffer) => void) {}

  push(chunk: Buffer): void {
    let offset = 0;
    while (offset < chunk.length) {
      if (this.raw) { this.onData('stdout', chunk.subarray(offset)); return; }
      if (this.remaining > 0) {
        const take = Math.min(this.remaining, chunk.length - offset);
        this.onData(this.current, chunk.subarray(offset, offset + take));
        this.remaining -= take;
        offset += take;
        continue;
      }
      const need = HEADER - this.pendingBytes;
      const piece = chunk.subarray(offset, offset + need);
      this.pending.push(piece);
      this.pendingBytes += piece.length;
      offset += piece.length;
      if (this.pendingBytes < HEADER) { return; }
      const header = Buffer.concat(this.pending, HEADER);
      this.pending = [];
      this.pendingBytes = 0;
      if (header[0] > 2 || header[1] !== 0 || header[2] !== 0 || header[3] !== 0) {
        // Not a frame header: the stream was not multiplexed after all (a TTY container).
        this.raw = true;
        this.onData('stdout', header);
        continue;
      }
      this.current = TYPES[header[0]];
      this.remaining = header.readUInt32BE(4);
    }
  }

  /** Whatever is buffered when the stream ends (a truncated header) is passed on as it is. */
  end(): void {
    if (this.pendingBytes > 0) {
      this.onData('stdout', Buffer.concat(this.pending));
      this.pending = [];
      this.pendingBytes = 0;
    }
  }
}

/** Demultiplexes a complete buffer (logs fetched without follow). */
export function demuxBuffer(buffer: Buffer): { stdout: Buffer; stderr: Buffer } {
  const out: Buffer[] = []; const err: Buffer[] = [];
  const d = new LogDemuxer((s, p) => (s === 'stderr' ? err : out).push(Buffer.from(p)));
  d.push(buffer);
  d.end();
  return { stdout: Buffer.concat(out), stderr: Buffer.concat(err) };
}
