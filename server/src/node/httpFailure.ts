// Node's network errors as the core's HttpFailure kinds, for both HTTP clients (fetch, and
// node:https for `-k`), which import this module and not each other.
import { HttpFailure } from '../core/smoke/ports';

const TLS_CODE = /^(?:ERR_TLS|ERR_SSL|CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|ERR_OSSL)/;

/** fetch reports network errors as `TypeError: fetch failed` with the system error as its cause. */
export function toHttpFailure(error: unknown): HttpFailure {
  if (error instanceof HttpFailure) return error;
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const code =
    typeof cause === 'object' && cause !== null && 'code' in cause ? String((cause as { code: unknown }).code) : '';
  const message = cause instanceof Error ? cause.message : String(cause);
  if (error instanceof Error && error.name === 'AbortError') return new HttpFailure('aborted', message);
  if (code === 'ECONNREFUSED') return new HttpFailure('refused', message);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME') return new HttpFailure('dns', message);
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET') return new HttpFailure('reset', message);
  if (TLS_CODE.test(code)) return new HttpFailure('tls', message);
  if (message === 'bad port') return new HttpFailure('blocked-port', message);
  return new HttpFailure('other', message);
}
