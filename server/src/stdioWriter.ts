// How the server writes its messages when started with --stdio. vscode-jsonrpc's stream writer queues
// each message behind a lock that takes a turn of the event loop (setImmediate), then writes the header
// and the body as two writes, waiting for the first to finish before the second: the client wakes twice
// per message and every answer leaves at least one turn after its handler returned. Here a message is
// one write, made when it is sent; messages still leave in the order they are sent. Writes to a pipe are
// synchronous on Linux, so this changes when the bytes leave, not how many are queued.
import { AbstractMessageWriter, Message, MessageWriter } from 'vscode-languageserver/node';

export class StdioMessageWriter extends AbstractMessageWriter implements MessageWriter {
  private errorCount = 0;

  constructor(private readonly stream: NodeJS.WritableStream) {
    super();
    stream.on('error', (error: Error) => this.fireError(error));
    stream.on('close', () => this.fireClose());
  }

  write(message: Message): Promise<void> {
    let bytes: Buffer;
    try {
      // Encoded once, straight into the buffer that is written (a semantic-tokens answer can be megabytes).
      const json = JSON.stringify(message);
      const length = Buffer.byteLength(json, 'utf8');
      const header = `Content-Length: ${length}\r\n\r\n`;
      bytes = Buffer.allocUnsafe(header.length + length);
      bytes.write(header, 0, 'ascii');
      bytes.write(json, header.length, 'utf8');
    } catch (error) {
      this.fireError(error as Error, message, ++this.errorCount);
      return Promise.reject(error);
    }
    return new Promise((resolve, reject) => {
      this.stream.write(bytes, (error) => {
        if (error) {
          this.fireError(error, message, ++this.errorCount);
          reject(error);
        } else {
          resolve();
        }
      });
    });
  }

  end(): void { this.stream.end(); }
}
