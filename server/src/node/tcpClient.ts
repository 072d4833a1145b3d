// The core's TCP port over `node:net`: one connection per check, bytes queued until read, Node's
// errors mapped to the core's failure kinds like the HTTP clients'.
import { connect, type Socket } from 'node:net';
import { HttpFailure, type TcpClient, type TcpSocket } from '../core/smoke/ports';
import { toHttpFailure } from './httpFailure';

export function createTcpClient(): TcpClient {
  return {
    connect: (host, port, signal) =>
      new Promise<TcpSocket>((resolve, reject) => {
        if (signal.aborted) {
          reject(new HttpFailure('aborted', 'cancelled'));
          return;
        }
        const socket = connect({ host, port });
        const onAbort = () => {
          socket.destroy();
          reject(new HttpFailure('aborted', 'cancelled'));
        };
        signal.addEventListener('abort', onAbort, { once: true });
        socket.once('connect', () => {
          signal.removeEventListener('abort', onAbort);
          resolve(new NodeTcpSocket(socket));
        });
        socket.once('error', (error) => {
          signal.removeEventListener('abort', onAbort);
          reject(toHttpFailure(error));
        });
      }),
  };
}

class NodeTcpSocket implements TcpSocket {
  private readonly chunks: Uint8Array[] = [];
  private ended = false;
  private failure: HttpFailure | undefined;
  private wake: (() => void) | undefined;

  constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.chunks.push(new Uint8Array(chunk));
      this.wake?.();
    });
    socket.on('end', () => {
      this.ended = true;
      this.wake?.();
    });
    socket.on('error', (error) => {
      this.failure = toHttpFailure(error);
      this.wake?.();
    });
    socket.on('close', () => {
      this.ended = true;
      this.wake?.();
    });
  }

  write(bytes: Uint8Array): void {
    this.socket.write(bytes);
  }

  async read(signal: AbortSignal): Promise<Uint8Array | undefined> {
    for (;;) {
      const chunk = this.chunks.shift();
      if (chunk) return chunk;
      if (this.failure) throw this.failure;
      if (this.ended) return undefined;
      if (signal.aborted) throw new HttpFailure('aborted', 'cancelled');
      await new Promise<void>((resolve) => {
        const done = () => {
          signal.removeEventListener('abort', done);
          this.wake = undefined;
          resolve();
        };
        this.wake = done;
        signal.addEventListener('abort', done, { once: true });
      });
    }
  }

  close(): void {
    this.socket.destroy();
  }
}
