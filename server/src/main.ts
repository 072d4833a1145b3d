// The one bundle of the server side, dist/readiness.js: the language server, the
// CLI and the CLI's checking threads share the core and its libraries, so they
// ship once. dist/server.js and dist/cli.js are two-line files that call `server()`
// or `cli()`; each part is loaded on first use, so the CLI never evaluates the
// language server's libraries, nor the server the CLI's.
import { isMainThread } from 'node:worker_threads';

/** dist/server.js: the language server. */
export async function server(): Promise<void> {
  (await import('./lsp/main')).serve();
}

/** dist/cli.js: `readiness <command>`, or, started as a worker thread by `readiness check`'s pool, a checking thread. */
export async function cli(): Promise<void> {
  if (isMainThread) (await import('./cli/main')).runCli();
  else (await import('./cli/worker')).serveChecks();
}
