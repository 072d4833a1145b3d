// Bundles the extension (dist/extension.js) and the server side (dist/readiness.js:
// language server, CLI and the CLI's checking threads in one bundle, so the core
// ships once) into CommonJS files under dist/, and the two small entry files that
// start the server side: dist/server.js (which loads the bundle with a V8 code cache
// the user's own starts write, server/src/serverStart.ts) and dist/cli.js.
// unified and remark are ESM-only; esbuild inlines them, so the bundles load in
// VS Code's extension host and in plain `node` alike.
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: production ? false : 'linked',
  minify: production,
  legalComments: production ? 'none' : 'inline',
  logLevel: 'warning',
  // The version evidence stamps record (server/src/node/runnerVersion.ts).
  define: { READINESS_VERSION: JSON.stringify(JSON.parse(readFileSync('package.json', 'utf8')).version) },
};

const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { entryPoints: ['server/src/main.ts'], outfile: 'dist/readiness.js' },
  // The language server, started by the extension (and the tests) as `node dist/server.js --stdio`.
  { entryPoints: ['server/src/serverStart.ts'], outfile: 'dist/server.js' },
];

// Start from an empty dist/ so a production build never ships a stale source map.
if (!watch) rmSync('dist', { recursive: true, force: true });
mkdirSync('dist', { recursive: true });
// `readiness`, the package's bin; `readiness check`'s pool starts it as its worker threads too.
writeFileSync('dist/cli.js', "#!/usr/bin/env node\n'use strict';\nvoid require('./readiness.js').cli();\n");
chmodSync('dist/cli.js', 0o755);

const contexts = await Promise.all(entries.map((entry) => esbuild.context({ ...common, ...entry })));
if (watch) {
  await Promise.all(contexts.map((ctx) => ctx.watch()));
  console.log('[watch] build started; watching for changes');
} else {
  try {
    await Promise.all(contexts.map((ctx) => ctx.rebuild()));
  } finally {
    await Promise.all(contexts.map((ctx) => ctx.dispose()));
  }
}
