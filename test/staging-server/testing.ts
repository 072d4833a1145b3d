// Helpers for the smoke-test tests and bench: the node adapters wired the way
// the CLI wires them, in-memory stand-ins, and a port nobody listens on.
import { once } from 'node:events';
import { createServer } from 'node:net';
import type { Clock, FileReader, SmokeEnvironment } from '../../server/src/core/smoke';
import { createFetchHttpClient } from '../../server/src/node/fetchHttpClient';
import { systemClock } from '../../server/src/node/systemClock';
import { createWorkspaceFileReader } from '../../server/src/node/workspaceFileReader';
import { sampleWorkspace } from '../support/paths';
import { DEFAULT_LOG_TOKEN } from './server';
export { memoryFiles } from '../support/memoryFiles';

export const http = createFetchHttpClient();

export interface EnvironmentOptions {
  readonly workspace?: string;
  readonly files?: FileReader;
  readonly secrets?: Readonly<Record<string, string>>;
  readonly clock?: Clock;
  readonly confirmForeignHost?: SmokeEnvironment['confirmForeignHost'];
  readonly observer?: SmokeEnvironment['observer'];
  readonly wallClock?: SmokeEnvironment['wallClock'];
}

/** The CLI's wiring: fetch, the workspace's files, the system clock; LOG_TOKEN set to the stand-in's token. */
export function nodeEnvironment(options: EnvironmentOptions = {}): SmokeEnvironment {
  const secrets = options.secrets ?? { LOG_TOKEN: DEFAULT_LOG_TOKEN };
  return {
    http,
    files: options.files ?? createWorkspaceFileReader(options.workspace ?? sampleWorkspace),
    clock: options.clock ?? systemClock,
    secrets: { get: (name) => Promise.resolve(secrets[name]) },
    confirmForeignHost: options.confirmForeignHost,
    observer: options.observer,
    wallClock: options.wallClock,
  };
}

/** A clock whose every reading is `stepMs` after the previous one: each request "takes" stepMs. */
export function steppingClock(stepMs: number): Clock {
  let now = 0;
  // Timeouts still run on real time: only the readings step.
  return { now: () => (now += stepMs), setTimer: (ms, callback) => systemClock.setTimer(ms, callback) };
}

/** A loopback port that was free a moment ago: connecting to it is refused. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  server.close();
  await once(server, 'close');
  return port;
}
