// The side effects a smoke-test run needs, as small interfaces. The core stays
// pure: the language server and the CLI pass node adapters (server/src/node),
// tests pass in-memory ones.

/** One HTTP exchange, already resolved: no variables, the real host, the body encoded. */
export interface HttpRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: readonly (readonly [name: string, value: string])[];
  readonly body: Uint8Array | undefined;
  /** Skip TLS certificate checks (`curl -k`, only when the settings allow it). */
  readonly insecure: boolean;
  /** Stop reading the body after this many bytes and mark the response truncated. */
  readonly maxBodyBytes: number;
  /** The files the body carries (`-d @file`, `-F name=@path`), as written; for the foreign-host confirmation. */
  readonly uploads?: readonly string[] | undefined;
}

export interface HttpResponse {
  readonly status: number;
  readonly statusText: string;
  /** Header names in lower case, in the order received. */
  readonly headers: readonly (readonly [name: string, value: string])[];
  /** The whole body (decompressed), up to the request's maxBodyBytes. */
  readonly body: Uint8Array;
  readonly truncated: boolean;
}

export type HttpFailureKind = 'refused' | 'dns' | 'tls' | 'reset' | 'blocked-port' | 'aborted' | 'other';

/** What an HttpClient throws when no response arrived. Redirects are never followed by the client. */
export class HttpFailure extends Error {
  constructor(
    readonly kind: HttpFailureKind,
    readonly detail: string,
  ) {
    super(`${kind}: ${detail}`);
  }
}

export interface HttpClient {
  /** Sends one request and resolves once the whole body has arrived; rejects with HttpFailure. */
  send(request: HttpRequest, signal: AbortSignal): Promise<HttpResponse>;
}

export type FileFailureKind = 'missing' | 'outside-workspace' | 'unreadable';

export class FileReadFailure extends Error {
  constructor(
    readonly kind: FileFailureKind,
    readonly path: string,
  ) {
    super(`${kind}: ${path}`);
  }
}

/** Reads files a command uploads (`-d @file`, `-F name=@path`), relative to the workspace folder. */
export interface FileReader {
  /** Rejects with FileReadFailure. */
  read(path: string): Promise<Uint8Array>;
}

/** A monotonic clock in milliseconds, for response times, and the core's only timer. */
export interface Clock {
  now(): number;
  /** Calls `callback` once, `ms` milliseconds from now, unless the returned function is called first. */
  setTimer(ms: number, callback: () => void): () => void;
}

/** A moment of the wall clock: milliseconds since the epoch and the local offset from UTC (minutes east). */
export interface WallTime {
  readonly ms: number;
  readonly offsetMinutes: number;
}

/** The wall clock, for when a test ran (its evidence stamp); the monotonic Clock times the request. */
export interface WallClock {
  now(): WallTime;
}

/** Values of secret variables (`<LOG_TOKEN>`): SecretStorage in the editor, the environment in the CLI. */
export interface SecretProvider {
  /** The value, or undefined when there is none (or the user declined to give one). */
  get(name: string): Promise<string | undefined>;
  /**
   * Whether the provider may be asked for this name at all; absent: every name. The CLI reads from the
   * environment only the names the checklist lists as secrets or `--secret-env` names, so a command's
   * `<AWS_SECRET_ACCESS_KEY>` or `<HOME>` is an unresolved variable there, never a value read.
   */
  mayRead?(name: string): boolean;
}

/** Spans of a text that look like secrets (the secret detector of core/secrets, or a stand-in). */
export type SecretDetector = (text: string) => readonly { readonly start: number; readonly end: number }[];

/** A request about to go to a host that is neither the staging host nor an allowed one: everything it would send but values. */
export interface ForeignHostRequest {
  readonly testNumber: string;
  readonly host: string;
  readonly method: string;
  /** The URL with secrets masked. */
  readonly url: string;
  /** The names of the headers it would carry, without their values. */
  readonly headers: readonly string[];
  /** Whether it would carry a body. */
  readonly body: boolean;
  /** The files the body would upload, as written in the command. */
  readonly files: readonly string[];
  /** The URL (secrets masked) that redirected here, when this is a redirect. */
  readonly redirectedFrom?: string | undefined;
}

/** Asks the user whether to send a request to a foreign host; absent (CLI) means refuse. */
export type ConfirmForeignHost = (request: ForeignHostRequest) => Promise<boolean>;

/** An open TCP connection (redis-cli, nc and telnet checks). */
export interface TcpSocket {
  write(bytes: Uint8Array): void;
  /** The next bytes received; undefined once the peer closed. Rejects with HttpFailure (`reset`, `aborted`). */
  read(signal: AbortSignal): Promise<Uint8Array | undefined>;
  close(): void;
}

/** Opens TCP connections; rejects with HttpFailure (`refused`, `dns`, `aborted`, ...), like the HTTP client. */
export interface TcpClient {
  connect(host: string, port: number, signal: AbortSignal): Promise<TcpSocket>;
}
