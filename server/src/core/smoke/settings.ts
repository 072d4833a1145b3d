// What a smoke-test run may be configured with; the editor reads these from
// `readiness.smoke.*`, the CLI from its options.

export interface SmokeSettings {
  /** Where the document's symbolic staging host (`http://staging-host`) really is. */
  readonly baseUrl: string | undefined;
  /** Other hosts (`host` or `host:port`) that may receive requests and secrets. */
  readonly allowedHosts: readonly string[];
  /** Per request, unless the command sets `-m/--max-time`. */
  readonly timeoutMs: number;
  /** Honour `curl -k`; without it the certificate is checked anyway. */
  readonly allowInsecureTls: boolean;
  /** Variable name → path in an earlier JSON response that fills it (`sid` ← `sessionId`). */
  readonly captures: Readonly<Record<string, string>>;
  /** Longest output pasted into the document, in lines; the rest is counted in a note. */
  readonly maxOutputLines: number;
  readonly maxBodyBytes: number;
  readonly maxRedirects: number;
}

export const DEFAULT_SMOKE_TIMEOUT_MS = 10_000;

export const defaultSmokeSettings: SmokeSettings = {
  baseUrl: undefined,
  allowedHosts: [],
  timeoutMs: DEFAULT_SMOKE_TIMEOUT_MS,
  allowInsecureTls: false,
  captures: { sid: 'sessionId', sessionId: 'sessionId', session_id: 'sessionId' },
  maxOutputLines: 200,
  maxBodyBytes: 10_000_000,
  maxRedirects: 10,
};
