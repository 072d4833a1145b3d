import { type IncomingMessage } from 'node:http';
export interface StagingOptions {
    /** Default 127.0.0.1. */
    readonly host?: string;
    /** Default 0: a free port. */
    readonly port?: number;
    /** The LOG_TOKEN that /api/logs accepts. */
    readonly logToken?: string;
    /** Answer /api/chat only after this many milliseconds (the "slow chat" switch). */
    readonly chatDelayMs?: number;
    /** Paths answered with 500 (the "failing endpoint" switch). */
    readonly failing?: readonly string[];
    /** Answer /api/health in a new shape: `version` a number, an added `uptimeSeconds` (the "changed shape" switch). */
    readonly changedShape?: boolean;
    /** Write `OPENAI_API_KEY=<value>` into the logs output (the "logged secret" switch). */
    readonly loggedSecret?: string;
    /** Serve https with this key and certificate (a self-signed one tests `curl -k`). */
    readonly tls?: {
        readonly key: string;
        readonly cert: string;
    };
}
export interface RecordedRequest {
    readonly method: string;
    readonly url: string;
    readonly headers: IncomingMessage['headers'];
    readonly body: Buffer;
    readonly status: number;
    /** From the request's arrival to the end of the response, as the server measured it. */
    readonly handledMs: number;
}
/** A request held at the server until released, so a test can act while it is in flight. */
export interface HeldRequest {
    /** Resolves when the held request has arrived. */
    readonly arrived: Promise<void>;
    release(): void;
}
export interface StagingServer {
    readonly url: string;
    readonly port: number;
    readonly requests: readonly RecordedRequest[];
    /** Flips the failing-endpoint and changed-shape switches of a running server. */
    configure(switches: {
        readonly failing?: readonly string[];
        readonly changedShape?: boolean;
    }): void;
    /** Holds the next request to `path` until `release()`. */
    hold(path: string): HeldRequest;
    close(): Promise<void>;
}
export declare const DEFAULT_LOG_TOKEN = "staging-log-token-0123456789";
export declare function startStagingServer(options?: StagingOptions): Promise<StagingServer>;
