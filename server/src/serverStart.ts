// dist/server.js: starts the language server. Two things make its first diagnostics
// come sooner, both measured by `npm run bench` (spawn → first diagnostics):
// - V8 compiles each regular expression straight to machine code on its first use
//   instead of first to bytecode and then again to machine code: the checklist rules
//   use a few hundred, many with large Unicode classes, and the first analysis spent
//   about a third of its time compiling them twice. Matching is the same either way.
// - The bundle is loaded with the V8 code cache a previous start wrote
//   (`node/codeCache.ts`), in the folder given by `--code-cache-dir=PATH` (the
//   extension passes its global storage), else the user's cache folder;
//   `--no-code-cache` turns it off.
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import type * as Bundle from './main';
import { loadBundle, userCacheFolder } from './node/codeCache';

// Before anything is compiled: V8 keys code caches by its flags.
setFlagsFromString('--no-regexp-tier-up');

function cacheFolder(argv: readonly string[]): string | undefined {
  if (argv.includes('--no-code-cache')) return undefined;
  const given = argv.find((arg) => arg.startsWith('--code-cache-dir='))?.slice('--code-cache-dir='.length);
  return given || userCacheFolder();
}

const bundle = loadBundle<typeof Bundle>(join(__dirname, 'readiness.js'), cacheFolder(process.argv));
void bundle.exports.server({ afterFirstAnalysis: () => bundle.save() });
