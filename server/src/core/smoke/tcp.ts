// Runs a redis-cli or TCP check over the TCP port: connect (under the run's timeout, on the Clock
// port), then for Redis AUTH when a password is given and the one read-only command, through the
// RESP codec. The password is sent and never returned: replies and reasons carry no value of it.
import { translator, type Language } from '../messages';
import { startDeadline } from './deadline';
import type { NetCheck } from './netcheck';
import { HttpFailure, type Clock, type TcpClient, type TcpSocket } from './ports';
import type { SmokeReason } from './reasons';
import { decodeReply, encodeCommand, printReply, RespError, type RespValue } from './resp';

export interface CheckTarget {
  readonly host: string;
  readonly port: number;
  /** The password, resolved (never printed). */
  readonly password: string | undefined;
}

export type CheckResult =
  /** A reply came: its lines as the program prints them, and what failed in it (empty: passed). */
  | { readonly kind: 'answered'; readonly lines: readonly string[]; readonly reasons: readonly SmokeReason[] }
  /** No answer: refused, unknown host, reset, timed out. */
  | { readonly kind: 'failed'; readonly reason: SmokeReason }
  | { readonly kind: 'cancelled' };

export interface CheckOptions {
  readonly tcp: TcpClient;
  readonly clock: Clock;
  readonly timeoutMs: number;
  readonly signal: AbortSignal | undefined;
  readonly language: Language;
}

export async function runCheck(check: NetCheck, target: CheckTarget, options: CheckOptions): Promise<CheckResult> {
  const deadline = startDeadline(options.clock, options.timeoutMs, options.signal);
  let socket: TcpSocket | undefined;
  try {
    if (options.signal?.aborted) return { kind: 'cancelled' };
    socket = await options.tcp.connect(target.host, target.port, deadline.signal);
    if (check.kind === 'tcp') {
      return {
        kind: 'answered',
        lines: [translator(options.language)('smoke.output.tcpConnected', target.host, target.port)],
        reasons: [],
      };
    }
    const reader = new ReplyReader(socket, deadline.signal);
    if (target.password !== undefined) {
      socket.write(
        encodeCommand(check.user === undefined ? ['AUTH', target.password] : ['AUTH', check.user, target.password]),
      );
      const auth = await reader.next();
      if (auth.type === 'error')
        return { kind: 'answered', lines: printReply(auth), reasons: [{ code: 'redis-auth', detail: auth.value }] };
    }
    const words = check.command.flatMap((word) => word.split(' '));
    socket.write(encodeCommand(words));
    const reply = await reader.next();
    const lines = printReply(reply);
    if (reply.type === 'error')
      return {
        kind: 'answered',
        lines,
        reasons: [{ code: reply.value.startsWith('NOAUTH') ? 'redis-auth' : 'redis-error', detail: reply.value }],
      };
    if (words[0] === 'PING' && !(reply.type === 'simple' && reply.value === 'PONG')) {
      return { kind: 'answered', lines, reasons: [{ code: 'redis-reply', expected: 'PONG', actual: lines.join(' ') }] };
    }
    return { kind: 'answered', lines, reasons: [] };
  } catch (error) {
    if (deadline.timedOut()) return { kind: 'failed', reason: { code: 'timeout', timeoutMs: options.timeoutMs } };
    if (options.signal?.aborted) return { kind: 'cancelled' };
    return { kind: 'failed', reason: reasonOf(error, `${target.host}:${target.port}`) };
  } finally {
    deadline.dispose();
    socket?.close();
  }
}

/** Reads whole RESP replies from a socket, however the bytes arrive. */
class ReplyReader {
  private buffer = new Uint8Array(0);
  constructor(
    private readonly socket: TcpSocket,
    private readonly signal: AbortSignal,
  ) {}

  async next(): Promise<RespValue> {
    for (;;) {
      const decoded = decodeReply(this.buffer);
      if (decoded) {
        this.buffer = this.buffer.slice(decoded.end);
        return decoded.value;
      }
      if (this.buffer.length > 1024 * 1024) throw new RespError('reply larger than 1 MB');
      const chunk = await this.socket.read(this.signal);
      if (chunk === undefined) throw new HttpFailure('reset', 'the server closed the connection before replying');
      const joined = new Uint8Array(this.buffer.length + chunk.length);
      joined.set(this.buffer);
      joined.set(chunk, this.buffer.length);
      this.buffer = joined;
    }
  }
}

function reasonOf(error: unknown, host: string): SmokeReason {
  if (error instanceof RespError) return { code: 'redis-error', detail: error.message };
  if (!(error instanceof HttpFailure))
    return { code: 'network', detail: error instanceof Error ? error.message : String(error) };
  switch (error.kind) {
    case 'refused':
      return { code: 'refused', host };
    case 'dns':
      return { code: 'dns', host };
    case 'reset':
      return { code: 'reset', host };
    default:
      return { code: 'network', detail: error.detail };
  }
}
