// ssh:// engines, the way the docker CLI reaches them: log in over SSH and run
// `docker system dial-stdio` on the host, one SSH channel per HTTP request. docker-modem has its own
// transport for this, but it opens a new SSH connection per request and, when the host hangs up
// in the middle of the handshake, never reports it (the request waits forever). This one keeps one
// SSH connection per engine, bounds the handshake, reports every way the login can fail with the
// ssh2 `level` that classifyEngineError reads, and closes the connection on destroy(). No `vscode`.
import * as http from 'node:http';
import type { Duplex } from 'node:stream';
import { Client, type ConnectConfig } from 'ssh2';

/** The SSH handshake and login must complete within this (ssh2's own default is 20 s). */
export const SSH_READY_TIMEOUT_MS = 15_000;

/** The SSH login did not complete: `level` as ssh2 sets it ('client-socket', 'client-authentication', 'client-timeout'…). */
export class SshConnectError extends Error {
  constructor(message: string, readonly level: string, readonly code?: string) {
    super(message);
    this.name = 'SshConnectError';
  }
}

type ConnectionCallback = (err: Error | null, socket?: Duplex) => void;

export class SshAgent extends http.Agent {
  private connecting?: Promise<Client>;
  private readonly clients = new Set<Client>();
  private destroyed = false;

  constructor(private readonly config: ConnectConfig) {
    // One channel per request, closed with its response: nothing to keep alive at the HTTP level.
    super({ keepAlive: false });
    // http.Agent calls createConnection(options, callback); the typings do not declare it.
    (this as unknown as { createConnection: (o: unknown, cb: ConnectionCallback) => undefined }).createConnection = (_o, cb) => {
      this.channel().then((stream) => cb(null, stream), (e: Error) => cb(e));
      return undefined;
    };
  }

  private where(): string {
    return `${this.config.username ? `${this.config.username}@` : ''}${this.config.host ?? ''}:${this.config.port ?? 22}`;
  }

  private async channel(): Promise<Duplex> {
    const client = await this.connection();
    return new Promise<Duplex>((resolve, reject) => {
      client.exec('docker system dial-stdio', (err, stream) => {
        if (err) { reject(new SshConnectError(`SSH to ${this.where()}: could not run docker system dial-stdio: ${err.message}`, 'client-exec')); return; }
        // The remote CLI's complaints must not fill the channel's window and stall it.
        stream.stderr.resume();
        resolve(stream as unknown as Duplex);
      });
    });
  }

  private connection(): Promise<Client> {
    if (this.destroyed) { return Promise.reject(new SshConnectError('the engine was disposed', 'client-socket')); }
    if (this.connecting) { return this.connecting; }
    const client = new Client();
    this.clients.add(client);
    const attempt = new Promise<Client>((resolve, reject) => {
      let settled = false;
      const fail = (e: SshConnectError) => { if (!settled) { settled = true; reject(e); } };
      client.once('ready', () => { settled = true; resolve(client); });
      client.on('error', (e: Error & { level?: string; code?: string }) => {
        fail(new SshConnectError(`SSH to ${this.where()}: ${e.message}`, e.level ?? 'client-socket', e.code));
      });
      client.on('close', () => {
        this.clients.delete(client);
        if (this.connecting === attempt) { this.connecting = undefined; }
        fail(new SshConnectError(`SSH to ${this.where()}: the server closed the connection before the login completed`, 'client-socket'));
      });
      try {
        client.connect({ readyTimeout: SSH_READY_TIMEOUT_MS, ...this.config });
      } catch (e) {
        // ssh2 throws synchronously on a bad configuration (an unreadable agent path, a bad key).
        fail(new SshConnectError(`SSH to ${this.where()}: ${(e as Error).message}`, 'client-config'));
        client.end();
      }
    });
    this.connecting = attempt;
    attempt.catch(() => { if (this.connecting === attempt) { this.connecting = undefined; } client.end(); });
    return attempt;
  }

  /** Open SSH connections (0 or 1 unless a reconnect races a close). */
  get openConnections(): number { return this.clients.size; }

  override destroy(): void {
    this.destroyed = true;
    super.destroy();
    for (const client of this.clients) { client.end(); }
    this.connecting = undefined;
  }
}
