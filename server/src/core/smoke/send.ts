// Sends one test's request: the timeout and cancellation rules (the same for
// the editor and the CLI), redirects followed here rather than by the client so
// every hop passes the host policy, and failures turned into reasons.
import { startDeadline } from './deadline';
import { HttpFailure, type Clock, type HttpClient, type HttpRequest, type HttpResponse } from './ports';
import { secretNameStrength } from '../secrets/vocabulary';
import type { SmokeReason } from './reasons';

export type SendOutcome =
  | { readonly ok: true; readonly response: HttpResponse }
  | { readonly ok: false; readonly reason: SmokeReason; readonly cancelled: boolean };

export interface SendOptions {
  readonly timeoutMs: number;
  readonly followRedirects: boolean;
  readonly maxRedirects: number;
  readonly signal: AbortSignal | undefined;
  /** Whether a redirect may go on with this request (the next hop, as it would be sent); a reason to stop there otherwise. */
  readonly checkHop: (request: HttpRequest, from: string) => Promise<SmokeReason | undefined>;
  readonly insecureIgnored: boolean;
  /** Times the request out. */
  readonly clock: Clock;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export async function sendRequest(http: HttpClient, request: HttpRequest, options: SendOptions): Promise<SendOutcome> {
  const deadline = startDeadline(options.clock, options.timeoutMs, options.signal);
  try {
    if (options.signal?.aborted) return { ok: false, reason: { code: 'cancelled' }, cancelled: true };
    let current = request;
    for (let hops = 0; ; hops++) {
      const response = await http.send(current, deadline.signal);
      if (!options.followRedirects || !REDIRECTS.has(response.status)) return { ok: true, response };
      const location = response.headers.find(([name]) => name === 'location')?.[1];
      if (location === undefined) return { ok: true, response };
      if (hops >= options.maxRedirects)
        return { ok: false, reason: { code: 'too-many-redirects', max: options.maxRedirects }, cancelled: false };
      const next = redirected(current, response.status, new URL(location, current.url), originOf(request.url));
      if ('code' in next) return { ok: false, reason: next, cancelled: false };
      const refused = await options.checkHop(next, current.url);
      if (refused) return { ok: false, reason: refused, cancelled: false };
      current = next;
    }
  } catch (error) {
    if (deadline.timedOut())
      return { ok: false, reason: { code: 'timeout', timeoutMs: options.timeoutMs }, cancelled: false };
    if (options.signal?.aborted) return { ok: false, reason: { code: 'cancelled' }, cancelled: true };
    return { ok: false, reason: failureReason(error, request.url, options.insecureIgnored), cancelled: false };
  } finally {
    deadline.dispose();
  }
}

/** Headers that carry credentials: never sent on to another origin (curl without --location-trusted). */
const CREDENTIAL_HEADERS = new Set(['authorization', 'cookie', 'proxy-authorization']);

/**
 * The next hop as curl makes it: 303, and 301/302 after a POST, become a GET without a body. To
 * another origin (scheme, host or port differ from the first request's) it carries no credentials:
 * no `Authorization` (hence no `-u`), `Cookie`, nor a header named like a secret (`X-Api-Key`); and
 * a body is never sent there again (a 307/308, or a 301/302 after a PUT): the run stops with a reason.
 */
function redirected(request: HttpRequest, status: number, next: URL, firstOrigin: string): HttpRequest | SmokeReason {
  const toGet =
    status === 303 ? request.method !== 'HEAD' : (status === 301 || status === 302) && request.method === 'POST';
  let hop: HttpRequest = { ...request, url: next.href, uploads: [] };
  if (toGet) {
    const headers = request.headers.filter(
      ([name]) => !['content-type', 'content-length'].includes(name.toLowerCase()),
    );
    hop = { ...hop, method: 'GET', body: undefined, headers };
  }
  if (next.origin === firstOrigin) return hop.body === undefined ? hop : { ...hop, uploads: request.uploads };
  if (hop.body !== undefined) return { code: 'redirect-body-not-resent', status, host: next.host, method: hop.method };
  return { ...hop, headers: hop.headers.filter(([name]) => !carriesCredentials(name)) };
}

function carriesCredentials(header: string): boolean {
  return CREDENTIAL_HEADERS.has(header.toLowerCase()) || secretNameStrength(header, NO_NAMES) !== 'none';
}

const NO_NAMES: ReadonlySet<string> = new Set();

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

function failureReason(error: unknown, url: string, insecureIgnored: boolean): SmokeReason {
  let host = url;
  try {
    host = new URL(url).host;
  } catch {
    // keep the URL as written
  }
  if (!(error instanceof HttpFailure))
    return { code: 'network', detail: error instanceof Error ? error.message : String(error) };
  switch (error.kind) {
    case 'refused':
      return { code: 'refused', host };
    case 'dns':
      return { code: 'dns', host: host.replace(/:\d+$/, '') };
    case 'tls':
      return { code: 'tls', detail: error.detail, insecureIgnored };
    case 'reset':
      return { code: 'reset', host };
    case 'blocked-port':
      return { code: 'blocked-port', host };
    default:
      return { code: 'network', detail: error.detail };
  }
}
