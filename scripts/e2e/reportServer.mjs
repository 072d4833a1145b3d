// The launcher's end of the harness's loopback channel: the harness (in the extension host)
// POSTs JSON to /started, /output, /screenshot and /finished, one message at a time, with a
// token so nothing else on the machine can speak for it.
import { Buffer } from 'node:buffer';
import { createServer } from 'node:http';

/** @param {{ token: string, handlers: Record<string, (body: any) => unknown> }} options */
export function startReportServer({ token, handlers }) {
  const server = createServer((request, response) => {
    const reply = (status, body) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body ?? null));
    };
    const handler = handlers[(request.url ?? '').replace(/^\//, '')];
    if (request.method !== 'POST' || !handler) return reply(404, { error: 'no such endpoint' });
    if (request.headers['x-harness-token'] !== token) return reply(403, { error: 'bad token' });
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      Promise.resolve()
        .then(() => handler(JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null')))
        .then(
          (result) => reply(200, result),
          (error) => reply(500, { error: error instanceof Error ? error.message : String(error) }),
        );
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}/`, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}
