// Bundles the four entry points into CommonJS files under dist/.
// unified and remark are ESM-only; esbuild inlines them, so the bundles load in
// VS Code's extension host and in plain `node` alike.
import { readFileSync, rmSync } from 'node:fs';
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
  { entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // A thread of `readiness check`'s pool; dist/cli.js starts it from its own folder.
  { entryPoints: ['server/src/cli/worker.ts'], outfile: 'dist/worker.js' },
];

// Start from an empty dist/ so a production build never ships a stale source map.
if (!watch) rmSync('dist', { recursive: true, force: true });

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
