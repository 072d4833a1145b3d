// Where requests go. A checklist writes its staging server symbolically
// (`http://staging-host`); the host most of its tests use is that staging host
// and is replaced by the configured base URL. Any other host is foreign: it
// needs the user's confirmation and never receives a secret.

const ORIGIN = /^([A-Za-z][A-Za-z0-9+.-]*:\/\/)([^/?#]*)/;

/** The host (and port) a URL as written names, lower-cased, without user info. */
export function writtenHost(url: string): string {
  const authority = ORIGIN.exec(url)?.[2] ?? '';
  return authority.slice(authority.lastIndexOf('@') + 1).toLowerCase();
}

const SERVER_NAME_ENDS = [
  'baseurl',
  'url',
  'uri',
  'host',
  'hostname',
  'endpoint',
  'base',
  'origin',
  'domain',
  'server',
];

/**
 * A variable written where a URL's host goes, named for the server: `$BASE_URL/health`, `${API_HOST}/v1`,
 * `{{baseUrl}}/orders`. It stands for the staging host, as the document's own staging host does.
 */
export function isServerVariable(host: string): boolean {
  const name = /^<([A-Za-z0-9_]{1,64})>$/.exec(host)?.[1];
  if (name === undefined) return false;
  const words = name.replace(/_/g, '').toLowerCase();
  return SERVER_NAME_ENDS.some((end) => words.endsWith(end));
}

/** Whether a URL's host (`writtenHost`) is the staging host: the document's own, or a variable for it. */
export function isStagingHost(host: string, stagingHost: string | undefined): boolean {
  return host === stagingHost || isServerVariable(host);
}

/** The host most URLs use (the first of those on a tie); a variable for the server is none. */
export function mostCommonHost(urls: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const url of urls) {
    const host = writtenHost(url);
    if (!isServerVariable(host)) counts.set(host, (counts.get(host) ?? 0) + 1);
  }
  let best: string | undefined;
  for (const [host, count] of counts) if (best === undefined || count > (counts.get(best) ?? 0)) best = host;
  return best;
}

export type BaseUrl =
  | { readonly ok: true; readonly origin: string; readonly pathPrefix: string; readonly host: string }
  | { readonly ok: false };

export function parseBaseUrl(value: string | undefined): BaseUrl {
  if (value === undefined || value.trim() === '') return { ok: false };
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return { ok: false };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false };
  return { ok: true, origin: url.origin, pathPrefix: url.pathname.replace(/\/+$/, ''), host: url.host.toLowerCase() };
}

/** `http://staging-host/api/x?y` → `<base origin><base path>/api/x?y`. */
export function onBase(url: string, base: Extract<BaseUrl, { ok: true }>): string {
  const rest = url.replace(ORIGIN, '');
  const path = rest === '' || rest.startsWith('?') || rest.startsWith('#') ? `/${rest}` : rest;
  return base.origin + base.pathPrefix + path;
}

/** Whether a real URL's host may receive requests and secrets without asking. */
export function isAllowedHost(url: URL, base: BaseUrl, allowedHosts: readonly string[]): boolean {
  const host = url.host.toLowerCase();
  const hostname = url.hostname.toLowerCase();
  if (base.ok && base.host === host) return true;
  return allowedHosts.some((entry) => {
    const allowed = entry.trim().toLowerCase();
    return allowed.includes(':') && !allowed.startsWith('[')
      ? allowed === host
      : allowed === hostname || allowed === host;
  });
}
