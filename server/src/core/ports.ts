// Every port of the core in one place: what the front ends (the language server, the CLI) plug in
// so that the core itself does no I/O. Node adapters live in server/src/node.
export type { FileFact, FileFacts, FileProbe, FileStat } from './model/references/types';
export { FileReadFailure, HttpFailure } from './smoke/ports';
export type {
  Clock,
  ConfirmForeignHost,
  FileReader,
  ForeignHostRequest,
  HttpClient,
  HttpRequest,
  HttpResponse,
  SecretDetector,
  SecretProvider,
  TcpClient,
  TcpSocket,
} from './smoke/ports';
export type { ConfigFilePort } from './settings';
import type { FileProbe } from './model/references/types';
import type { ConfigFilePort } from './settings';
import type { Clock, HttpClient, SecretProvider, TcpClient } from './smoke/ports';

/** Where the core reports what it did (the output channel, standard error). */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** What the front end decides for the whole service: the display language and the date. */
export interface ServiceSettings {
  /** The display locale (`es-AR`); anything but Spanish is English. */
  locale(): string | undefined;
  /** Today (`YYYY-MM-DD`) as the user's calendar says, for overdue items and inserted dates. */
  today(): string;
}

export interface ReadinessPorts {
  /** Facts about the files a checklist points at. */
  readonly files: FileProbe;
  /** Sends the smoke tests' requests. */
  readonly http: HttpClient;
  /** Opens the TCP connections of redis-cli, nc and telnet checks; without it those tests are not run. */
  readonly tcp?: TcpClient;
  /** Monotonic milliseconds, for response times. */
  readonly clock: Clock;
  /** Values of secret variables (`<LOG_TOKEN>`) for smoke tests. */
  readonly secrets: SecretProvider;
  readonly logger: Logger;
  readonly settings: ServiceSettings;
  /** Reads `.readiness.json` and package.json files for `config.find` (none: no configuration file applies). */
  readonly configFiles?: ConfigFilePort;
}
