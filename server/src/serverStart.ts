// dist/server.js: starts the language server. Three things make its first diagnostics
// come sooner, all measured by `npm run bench` (spawn → first diagnostics):
// - V8 compiles each regular expression straight to machine code on its first use
//   instead of first to bytecode and then again to machine code: the checklist rules
//   use a few hundred, many with large Unicode classes, and the first analysis spent
//   about a quarter of its time compiling them twice. Matching is the same either way.
// - No optimizing compiler (TurboFan) until the first analysis is out: optimizing the
//   analysis's functions while they run for the first time cost more than it gained.
//   It is switched on again right after (or half a second after the start, for a large
//   first checklist), unless the user's own Node flags turned it off.
// - The bundle is loaded with the V8 code cache a previous start wrote
//   (`node/codeCache.ts`), in the folder given by `--code-cache-dir=PATH` (the
//   extension passes its global storage), else the user's cache folder;
//   `--no-code-cache` turns it off.
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import type * as Bundle from './main';
import { loadBundle, userCacheFolder } from './node/codeCache';

/** Set before anything is compiled (V8 takes a code cache only under the flags it was made with). */
const START_FLAGS = ['--no-regexp-tier-up', '--no-turbofan'];
/**
 * TurboFan comes back this long after the start if the first analysis is not out by then: a large checklist
 * (or none opened) gets the optimizing compiler for the rest of its first analysis, and its edits after it.
 */
const OPTIMIZE_AFTER_MS = 500;

function cacheFolder(argv: readonly string[]): string | undefined {
  if (argv.includes('--no-code-cache')) return undefined;
  const given = argv.find((arg) => arg.startsWith('--code-cache-dir='))?.slice('--code-cache-dir='.length);
  return given || userCacheFolder();
}

const nodeFlags = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)];
const userTurnedOffTurbofan = nodeFlags.some((flag) => /^--(?:no-opt|no-turbofan)$/.test(flag));
const optimizeAgain = () => {
  if (!userTurnedOffTurbofan) setFlagsFromString('--turbofan');
};

const bundle = loadBundle<typeof Bundle>(join(__dirname, 'readiness.js'), cacheFolder(process.argv), START_FLAGS);
const fallback = setTimeout(optimizeAgain, OPTIMIZE_AFTER_MS);
fallback.unref();
void bundle.exports.server({
  afterFirstAnalysis: () => {
    clearTimeout(fallback);
    bundle.save();
    optimizeAgain();
  },
});
