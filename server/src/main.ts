// The one bundle of the server side, dist/readiness.js: the language server, the
// CLI and the CLI's checking threads share the core and its libraries, so they
// ship once. dist/server.js (`serverStart.ts`, which loads this bundle with a V8
// code cache) calls `server()`, and dist/cli.js, a two-line file, `cli()`; each part
// is loaded on first use, so the CLI never evaluates the language server's
// libraries, nor the server the CLI's.
import type { ServerHooks } from './lsp/main';

/** dist/server.js: the language server. */
export async function server(hooks: ServerHooks = {}): Promise<void> {
  (await import('./lsp/main')).serve(hooks);
}

/** dist/cli.js: `readiness <command>`, or, started as a worker thread by `readiness check`'s pool, a checking thread. */
export async function cli(): Promise<void> {
  const { isMainThread } = await import('node:worker_threads');
  if (isMainThread) (await import('./cli/main')).runCli();
  else (await import('./cli/worker')).serveChecks();
}
