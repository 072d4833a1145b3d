// `curl -k` when the settings allow it: an https request without certificate
// checks. Node's global fetch cannot do that without importing undici, so this
// one path uses node:https, with the same contract as the fetch client.
import { request as httpsRequest } from 'node:https';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';
import type { HttpRequest, HttpResponse } from '../core/smoke/ports';
import { concat } from '../core/smoke/multipart';
import { toHttpFailure } from './httpFailure';

export function sendInsecure(request: HttpRequest, signal: AbortSignal): Promise<HttpResponse> {
  const headers: Record<string, string> = {};
  for (const [name, value] of request.headers) {
    const key = name.toLowerCase();
    headers[key] = headers[key] === undefined ? value : `${headers[key]}, ${value}`;
  }
  return new Promise<HttpResponse>((resolve, reject) => {
    const fail = (error: unknown) => reject(toHttpFailure(error));
    const req = httpsRequest(
      request.url,
      { method: request.method, headers, rejectUnauthorized: false, signal },
      (res) => {
        const encoding = String(res.headers['content-encoding'] ?? '').toLowerCase();
        const decoder =
          encoding === 'gzip'
            ? createGunzip()
            : encoding === 'deflate'
              ? createInflate()
              : encoding === 'br'
                ? createBrotliDecompress()
                : undefined;
        const stream: Readable = decoder ? res.pipe(decoder) : res;
        const chunks: Uint8Array[] = [];
        let size = 0;
        let truncated = false;
        stream.on('data', (chunk: Buffer) => {
          if (truncated) return;
          chunks.push(chunk);
          size += chunk.length;
          if (size > request.maxBodyBytes) {
            truncated = true;
            res.destroy();
            finish();
          }
        });
        stream.on('end', finish);
        stream.on('error', fail);
        let done = false;
        function finish(): void {
          if (done) return;
          done = true;
          const headerList: [string, string][] = [];
          for (let i = 0; i + 1 < res.rawHeaders.length; i += 2)
            headerList.push([(res.rawHeaders[i] ?? '').toLowerCase(), res.rawHeaders[i + 1] ?? '']);
          const body = concat(chunks);
          resolve({
            status: res.statusCode ?? 0,
            statusText: res.statusMessage ?? '',
            headers: headerList,
            body: truncated ? body.subarray(0, request.maxBodyBytes) : body,
            truncated,
          });
        }
      },
    );
    req.on('error', fail);
    req.end(request.body);
  });
}
