// A stand-in for the staging server of the sample checklist: the seven endpoints
// its smoke tests call, on loopback, with switches for a slow chat, a failing
// endpoint, a response whose shape changed and a secret written to the logs. Tests start it in-process; the
// demo starts it with main.ts.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

export interface StagingOptions {
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Default 0: a free port. */
  readonly port?: number;
  /** The LOG_TOKEN that /api/logs accepts. */
  readonly logToken?: string;
  /** Answer /api/chat only after this many milliseconds (the "slow chat" switch). */
  readonly chatDelayMs?: number;
  /** Paths answered with 500 (the "failing endpoint" switch). */
  readonly failing?: readonly string[];
  /** Answer /api/health in a new shape: `version` a number, an added `uptimeSeconds` (the "changed shape" switch). */
  readonly changedShape?: boolean;
  /** Write `OPENAI_API_KEY=<value>` into the logs output (the "logged secret" switch). */
  readonly loggedSecret?: string;
  /** Serve https with this key and certificate (a self-signed one tests `curl -k`). */
  readonly tls?: { readonly key: string; readonly cert: string };
}

export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: Buffer;
  readonly status: number;
  /** From the request's arrival to the end of the response, as the server measured it. */
  readonly handledMs: number;
}

/** A request held at the server until released, so a test can act while it is in flight. */
export interface HeldRequest {
  /** Resolves when the held request has arrived. */
  readonly arrived: Promise<void>;
  release(): void;
}

export interface StagingServer {
  readonly url: string;
  readonly port: number;
  readonly requests: readonly RecordedRequest[];
  /** Flips the failing-endpoint and changed-shape switches of a running server. */
  configure(switches: { readonly failing?: readonly string[]; readonly changedShape?: boolean }): void;
  /** Holds the next request to `path` until `release()`. */
  hold(path: string): HeldRequest;
  close(): Promise<void>;
}

export const DEFAULT_LOG_TOKEN = 'staging-log-token-0123456789';

interface Reply {
  readonly status: number;
  readonly type: string;
  readonly body: string;
}

const json = (status: number, value: unknown): Reply => ({
  status,
  type: 'application/json; charset=utf-8',
  body: JSON.stringify(value),
});

export async function startStagingServer(options: StagingOptions = {}): Promise<StagingServer> {
  const logToken = options.logToken ?? DEFAULT_LOG_TOKEN;
  let failing = new Set(options.failing ?? []);
  let changedShape = options.changedShape === true;
  const sessions = new Set<string>();
  const requests: RecordedRequest[] = [];
  const holds = new Map<string, { arrive: () => void; released: Promise<void>; release: () => void }>();
  const pending = new Set<() => void>();
  let tickets = 0;

  const routes: Record<string, (req: IncomingMessage, body: Buffer, url: URL) => Reply | Promise<Reply>> = {
    'GET /api/health': () =>
      changedShape
        ? json(200, { status: 'ok', service: 'staging-stand-in', version: 2, uptimeSeconds: 42 })
        : json(200, { status: 'ok', service: 'staging-stand-in', version: '1.0.0' }),
    'POST /api/greeting': () => {
      const sessionId = `sess_${String(sessions.size + 1).padStart(6, '0')}`;
      sessions.add(sessionId);
      return json(200, { sessionId, message: '¡Hola! Soy el asistente de staging.' });
    },
    'POST /api/session/validate': (_req, body) => {
      const sessionId = field(body, 'sessionId');
      return sessions.has(sessionId)
        ? json(200, { valid: true, sessionId })
        : json(404, { valid: false, error: 'unknown session' });
    },
    'POST /api/chat': async (_req, body) => {
      const sessionId = field(body, 'sessionId');
      if (!sessions.has(sessionId)) return json(401, { error: 'unknown session' });
      if (options.chatDelayMs) await delay(options.chatDelayMs);
      return json(200, { sessionId, reply: 'Hola, ¿en qué puedo ayudarte? (respuesta sin IA)' });
    },
    'POST /api/upload-image': (req, body) => upload(req, body, sessions),
    'POST /api/whatsapp-ticket': (_req, body) => {
      const sessionId = field(body, 'sessionId');
      if (!sessions.has(sessionId)) return json(401, { error: 'unknown session' });
      const ticketId = `T-${String(++tickets).padStart(4, '0')}`;
      return json(200, { ticketId, sessionId, whatsappUrl: `https://wa.me/5491100000000?text=Ticket%20${ticketId}` });
    },
    'GET /api/logs': (_req, _body, url) => {
      if (url.searchParams.get('token') !== logToken) return json(401, { error: 'invalid token' });
      return {
        status: 200,
        type: 'text/plain; charset=utf-8',
        body: logLines(requests, url, options.loggedSecret).join('\n') + '\n',
      };
    },
    'GET /redirect': (_req, _body, url) => ({
      status: 302,
      type: 'text/plain',
      body: `see ${url.searchParams.get('to') ?? '/'}`,
    }),
  };

  async function delay(ms: number): Promise<void> {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        pending.delete(done);
        resolve();
      }
      pending.add(done);
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const arrived = performance.now();
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', 'http://staging');
    const held = holds.get(url.pathname);
    if (held) {
      holds.delete(url.pathname);
      held.arrive();
      await held.released;
    }
    const route = routes[`${req.method ?? 'GET'} ${url.pathname}`];
    let reply: Reply;
    if (failing.has(url.pathname)) reply = json(500, { error: 'Internal Server Error (failure switch)' });
    else
      reply = route
        ? await route(req, body, url)
        : json(404, { error: `no route for ${req.method ?? ''} ${url.pathname}` });
    const headers: Record<string, string> = { 'content-type': reply.type };
    if (reply.status === 302) headers['location'] = url.searchParams.get('to') ?? '/';
    res.writeHead(reply.status, headers);
    res.end(reply.body);
    // 'close' alone when the client went away (a timed-out request).
    await new Promise((resolve) => {
      res.once('finish', resolve);
      res.once('close', resolve);
    });
    requests.push({
      method: req.method ?? '',
      url: req.url ?? '',
      headers: req.headers,
      body,
      status: reply.status,
      handledMs: performance.now() - arrived,
    });
  }

  const listener: RequestListener = (req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
  };
  const server: Server = options.tls
    ? createTlsServer({ key: options.tls.key, cert: options.tls.cert }, listener)
    : createServer(listener);
  server.listen(options.port ?? 0, options.host ?? '127.0.0.1');
  await once(server, 'listening');
  const { port, address } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;

  return {
    url: `${options.tls ? 'https' : 'http'}://${host}:${port}`,
    port,
    requests,
    configure(switches) {
      if (switches.failing) failing = new Set(switches.failing);
      if (switches.changedShape !== undefined) changedShape = switches.changedShape;
    },
    hold(path) {
      let arrive = () => {};
      let release = () => {};
      const arrived = new Promise<void>((resolve) => (arrive = resolve));
      const released = new Promise<void>((resolve) => (release = resolve));
      holds.set(path, { arrive, released, release });
      pending.add(release);
      return { arrived, release };
    },
    async close() {
      for (const release of [...pending]) release();
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

function field(body: Buffer, name: string): string {
  try {
    const value = (JSON.parse(body.toString('utf8')) as Record<string, unknown>)[name];
    return typeof value === 'string' ? value : '';
  } catch {
    return '';
  }
}

function upload(req: IncomingMessage, body: Buffer, sessions: ReadonlySet<string>): Reply {
  const sessionId = String(req.headers['x-session-id'] ?? '');
  if (!sessions.has(sessionId)) return json(401, { error: 'missing or unknown x-session-id' });
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(String(req.headers['content-type'] ?? ''));
  if (!boundary) return json(400, { error: 'expected multipart/form-data' });
  const marker = Buffer.from(`--${boundary[1] ?? boundary[2] ?? ''}`);
  const parts: Buffer[] = [];
  for (let at = body.indexOf(marker); at !== -1;) {
    const next = body.indexOf(marker, at + marker.length);
    if (next === -1) break;
    parts.push(body.subarray(at + marker.length + 2, next - 2));
    at = next;
  }
  for (const part of parts) {
    const split = part.indexOf('\r\n\r\n');
    const head = part.subarray(0, split).toString('utf8');
    const filename = /filename="([^"]*)"/.exec(head)?.[1];
    if (filename === undefined || !/name="image"/.test(head)) continue;
    const content = part.subarray(split + 4);
    if (!(content[0] === 0xff && content[1] === 0xd8 && content[2] === 0xff))
      return json(415, { error: 'the image is not a JPEG' });
    const contentType = /content-type:\s*(\S+)/i.exec(head)?.[1] ?? null;
    return json(200, { ok: true, sessionId, filename, contentType, bytes: content.length });
  }
  return json(400, { error: 'no "image" file in the form' });
}

/** An access log of what the server has seen (tokens in URLs included, as real logs do), padded to 60 lines. */
function logLines(requests: readonly RecordedRequest[], current: URL, loggedSecret: string | undefined): string[] {
  const stamp = (n: number) => new Date(Date.UTC(2025, 11, 7, 10, 0, n)).toISOString();
  const lines = [`${stamp(0)} INFO staging stand-in started`];
  if (loggedSecret !== undefined) lines.push(`${stamp(1)} DEBUG env OPENAI_API_KEY=${loggedSecret}`);
  // The most recent requests only, so the output keeps a steady size however long the server runs.
  requests.slice(-40).forEach((r, i) => lines.push(`${stamp(2 + i)} INFO ${r.method} ${r.url} ${r.status}`));
  lines.push(`${stamp(lines.length)} INFO GET ${current.pathname}${current.search} 200`);
  for (let n = lines.length; n < 60; n++) lines.push(`${stamp(n)} DEBUG heartbeat ${n}`);
  return lines;
}
