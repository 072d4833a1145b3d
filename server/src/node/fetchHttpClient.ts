// The HttpClient of the language server and the CLI: Node's own fetch (undici),
// resolving once the whole body has arrived so the time measured around it is
// the time to the full body. Redirects are returned, not followed: the core
// follows them itself so that every hop passes its host policy.
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { concat } from '../core/smoke/multipart';
import type { HttpClient, HttpRequest, HttpResponse } from '../core/smoke/ports';
import { toHttpFailure } from './httpFailure';
import { sendInsecure } from './insecureHttpClient';

export interface FetchHttpClient extends HttpClient {
  /**
   * Makes fetch load and compile its HTTP machinery (undici, its llhttp parser)
   * against a throwaway loopback server, so the first smoke test's response time
   * is the server's and not fetch's one-time start-up (about 25 ms). Call it once
   * before a run; it never fails.
   */
  warmUp(): Promise<void>;
}

export function createFetchHttpClient(): FetchHttpClient {
  let warming: Promise<void> | undefined;
  return {
    send,
    warmUp: () => (warming ??= warmUp().catch(() => undefined)),
  };
}

async function warmUp(): Promise<void> {
  const server = createServer((req, res) => {
    req.resume();
    res.end('{}');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    for (const method of ['GET', 'POST']) {
      const body = method === 'POST' ? new Uint8Array(1) : undefined;
      await send(
        { method, url, headers: [['accept', '*/*']], body, insecure: false, maxBodyBytes: 1024 },
        AbortSignal.timeout(5_000),
      );
    }
  } finally {
    server.closeAllConnections();
    server.close();
  }
}

async function send(request: HttpRequest, signal: AbortSignal): Promise<HttpResponse> {
  // fetch takes no TLS options without importing undici itself (not a dependency), so `-k` goes through node:https.
  if (request.insecure && request.url.startsWith('https:')) return sendInsecure(request, signal);
  try {
    const init: RequestInit = {
      method: request.method,
      headers: request.headers.map(([name, value]) => [name, value]),
      redirect: 'manual',
      signal,
    };
    if (request.body !== undefined) init.body = request.body;
    const response = await fetch(request.url, init);
    const { body, truncated } = await readBody(response, request.maxBodyBytes);
    return {
      status: response.status,
      statusText: response.statusText,
      headers: [...response.headers],
      body,
      truncated,
    };
  } catch (error) {
    throw toHttpFailure(error);
  }
}

async function readBody(response: Response, maxBytes: number): Promise<{ body: Uint8Array; truncated: boolean }> {
  if (!response.body) return { body: new Uint8Array(0), truncated: false };
  const reader: ReadableStreamDefaultReader<Uint8Array> = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.length;
    if (size > maxBytes) {
      await reader.cancel();
      return { body: concat(chunks).subarray(0, maxBytes), truncated: true };
    }
  }
  return { body: concat(chunks), truncated: false };
}
