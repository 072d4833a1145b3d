// A loopback stand-in for Redis that speaks enough RESP for the smoke checks: AUTH (with or without
// a user), PING, INFO [server], CONFIG GET. Its switches: a password, and a silent mode that accepts
// connections and never answers (for timeouts). It records the commands it got, passwords included,
// so tests can check what went over the wire (and that nothing came back).
import { once } from 'node:events';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { decodeReply, type RespValue } from '../../server/src/core/smoke/resp';

export interface RespServerOptions {
  /** AUTH must give this password before other commands (NOAUTH otherwise). */
  readonly password?: string;
  /** Accept connections, read, and never answer. */
  readonly silent?: boolean;
  readonly maxmemoryPolicy?: string;
  /** A hostile server: its AUTH error repeats the password it was given. */
  readonly echoPassword?: boolean;
}

export interface RespServer {
  readonly port: number;
  /** Every command received, as words. */
  readonly commands: readonly (readonly string[])[];
  /** Resolves when a connection has been accepted (silent mode: the check is now waiting). */
  readonly connected: Promise<void>;
  close(): Promise<void>;
}

export async function startRespServer(options: RespServerOptions = {}): Promise<RespServer> {
  const commands: string[][] = [];
  const sockets = new Set<Socket>();
  let markConnected: () => void = () => undefined;
  const connected = new Promise<void>((resolve) => (markConnected = resolve));
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    markConnected();
    let authed = options.password === undefined;
    let buffer = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const decoded = decodeReply(buffer);
        if (!decoded) break;
        buffer = buffer.subarray(decoded.end);
        const words = wordsOf(decoded.value);
        commands.push(words);
        if (options.silent) continue;
        const [name = '', ...args] = words;
        const upper = name.toUpperCase();
        if (upper === 'AUTH') {
          const given = args[args.length - 1];
          authed = given === options.password;
          if (!authed && options.echoPassword) socket.write(`-ERR wrong password '${given ?? ''}'\r\n`);
          else socket.write(authed ? '+OK\r\n' : '-WRONGPASS invalid username-password pair or user is disabled.\r\n');
        } else if (!authed) {
          socket.write('-NOAUTH Authentication required.\r\n');
        } else if (upper === 'PING') {
          socket.write('+PONG\r\n');
        } else if (upper === 'INFO') {
          const text = '# Server\r\nredis_version:7.2.4\r\nredis_mode:standalone\r\ntcp_port:6379\r\n';
          socket.write(`$${Buffer.byteLength(text)}\r\n${text}\r\n`);
        } else if (upper === 'CONFIG' && args[0]?.toUpperCase() === 'GET') {
          const policy = options.maxmemoryPolicy ?? 'allkeys-lru';
          const key = args[1] ?? '';
          socket.write(`*2\r\n$${key.length}\r\n${key}\r\n$${policy.length}\r\n${policy}\r\n`);
        } else {
          socket.write(`-ERR unknown command '${name}'\r\n`);
        }
      }
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    port: (server.address() as AddressInfo).port,
    commands,
    connected,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      server.close();
      await once(server, 'close');
    },
  };
}

function wordsOf(value: RespValue): string[] {
  if (value.type !== 'array' || value.value === null) return [];
  return value.value.map((item) => (item.type === 'bulk' ? (item.value ?? '') : ''));
}
