// A loopback HTTP server that records every request it gets (method, URL, headers, body) and
// answers `/redirect/<status>?to=<url>` with that redirect, anything else with 200 `{"ok":true}`.
// Bound to any loopback address (127.0.0.2 is another host than 127.0.0.1 to a client), it stands
// for a host that must never receive a value: the tests look at what arrived.
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedCall {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export interface RecordingServer {
  /** `http://127.0.0.2:PORT` */
  readonly url: string;
  /** `127.0.0.2:PORT` */
  readonly host: string;
  readonly requests: RecordedCall[];
  /** Every request, method, URL, headers and body, as one string to search for planted values. */
  everything(): string;
  close(): Promise<void>;
}

export async function startRecordingServer(address = '127.0.0.1'): Promise<RecordingServer> {
  const requests: RecordedCall[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      requests.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      const url = new URL(req.url ?? '/', 'http://recording');
      const redirect = /^\/redirect\/(\d{3})$/.exec(url.pathname);
      if (redirect) {
        res.writeHead(Number(redirect[1]), {
          location: url.searchParams.get('to') ?? '/',
          'content-type': 'text/plain',
        });
        res.end('redirecting');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":true}');
    });
  });
  server.listen(0, address);
  await once(server, 'listening');
  const host = `${address}:${(server.address() as AddressInfo).port}`;
  return {
    url: `http://${host}`,
    host,
    requests,
    everything: () => JSON.stringify(requests),
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
