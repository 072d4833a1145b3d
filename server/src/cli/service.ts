// The core's front door as the CLI wires it: files on disk, node's fetch, the monotonic clock,
// secrets from environment variables of the same name, messages to standard error.
import type { HttpClient, ReadinessPorts, SecretProvider } from '../core/ports';
import { createReadinessService, type ReadinessService } from '../core/service';
import { nodeConfigFiles } from '../node/configFiles';
import { createTcpClient } from '../node/tcpClient';
import { createFetchHttpClient } from '../node/fetchHttpClient';
import { createSnapshotFileProbe } from '../node/fileProbe';
import { systemClock } from '../node/systemClock';
import type { CommandIo } from './io';

export interface CliServiceOptions {
  readonly locale: string | undefined;
  readonly today: string;
  readonly env?: CommandIo['env'];
  readonly err?: (line: string) => void;
  /** Defaults to a fetch client made on first use. */
  readonly http?: HttpClient;
}

export function cliService(options: CliServiceOptions): ReadinessService {
  let http = options.http;
  const err = options.err ?? (() => undefined);
  const ports: ReadinessPorts = {
    files: createSnapshotFileProbe(),
    http: { send: (request, signal) => (http ??= createFetchHttpClient()).send(request, signal) },
    tcp: createTcpClient(),
    clock: systemClock,
    // A run reads only the names its checklist declares (see environmentSecrets); nothing by default.
    secrets: environmentSecrets(options.env ?? {}, new Set()),
    logger: { info: () => undefined, warn: (m) => err(`readiness: ${m}`), error: (m) => err(`readiness: ${m}`) },
    settings: { locale: () => options.locale, today: () => options.today },
    configFiles: nodeConfigFiles,
  };
  return createReadinessService(ports);
}

/**
 * The CLI's secrets: environment variables of the same name, and only of the declared names, so a
 * checklist cannot make the CLI read (and send) `<AWS_SECRET_ACCESS_KEY>` or `<HOME>` by naming it.
 */
export function environmentSecrets(env: CommandIo['env'], declared: ReadonlySet<string>): SecretProvider {
  return {
    mayRead: (name) => declared.has(name),
    get: (name) => Promise.resolve(!declared.has(name) || env[name] === '' ? undefined : env[name]),
  };
}
