// Sends one test's request: the timeout and cancellation rules (the same for
// the editor and the CLI), redirects followed here rather than by the client so
// every hop passes the host policy, and failures turned into reasons.
import { HttpFailure, type HttpClient, type HttpRequest, type HttpResponse } from './ports';
import type { SmokeReason } from './reasons';

export type SendOutcome =
  | { readonly ok: true; readonly response: HttpResponse }
  | { readonly ok: false; readonly reason: SmokeReason; readonly cancelled: boolean };

export interface SendOptions {
  readonly timeoutMs: number;
  readonly followRedirects: boolean;
  readonly maxRedirects: number;
  readonly signal: AbortSignal | undefined;
  /** Whether a redirect may go to this URL; a reason to stop there otherwise. */
  readonly checkHop: (url: URL) => Promise<SmokeReason | undefined>;
  readonly insecureIgnored: boolean;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export async function sendRequest(http: HttpClient, request: HttpRequest, options: SendOptions): Promise<SendOutcome> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  const cancel = () => controller.abort();
  options.signal?.addEventListener('abort', cancel, { once: true });
  try {
    if (options.signal?.aborted) return { ok: false, reason: { code: 'cancelled' }, cancelled: true };
    let current = request;
    for (let hops = 0; ; hops++) {
      const response = await http.send(current, controller.signal);
      if (!options.followRedirects || !REDIRECTS.has(response.status)) return { ok: true, response };
      const location = response.headers.find(([name]) => name === 'location')?.[1];
      if (location === undefined) return { ok: true, response };
      if (hops >= options.maxRedirects) return { ok: false, reason: { code: 'too-many-redirects', max: options.maxRedirects }, cancelled: false };
      const next = new URL(location, current.url);
      const refused = await options.checkHop(next);
      if (refused) return { ok: false, reason: refused, cancelled: false };
      current = redirected(current, response.status, next.href);
    }
  } catch (error) {
    if (timedOut) return { ok: false, reason: { code: 'timeout', timeoutMs: options.timeoutMs }, cancelled: false };
    if (options.signal?.aborted) return { ok: false, reason: { code: 'cancelled' }, cancelled: true };
    return { ok: false, reason: failureReason(error, request.url, options.insecureIgnored), cancelled: false };
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', cancel);
  }
}

/** The next hop as curl makes it: 303, and 301/302 after a POST, become a GET without a body. */
function redirected(request: HttpRequest, status: number, url: string): HttpRequest {
  const toGet = status === 303 ? request.method !== 'HEAD' : (status === 301 || status === 302) && request.method === 'POST';
  if (!toGet) return { ...request, url };
  const headers = request.headers.filter(([name]) => !['content-type', 'content-length'].includes(name.toLowerCase()));
  return { ...request, url, method: 'GET', body: undefined, headers };
}

function failureReason(error: unknown, url: string, insecureIgnored: boolean): SmokeReason {
  let host = url;
  try {
    host = new URL(url).host;
  } catch {
    // keep the URL as written
  }
  if (!(error instanceof HttpFailure)) return { code: 'network', detail: error instanceof Error ? error.message : String(error) };
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
