// Bundles the integration suites and the offline harness from test/e2e into out/e2e (git-ignored)
// with esbuild, as scripts/build.mjs does for the extension. `vscode` comes from the extension
// host; mocha stays external and loads from node_modules, since it require()s the test files.
import { copyFileSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const e2eSource = join(repoRoot, 'test', 'e2e');
export const e2eOut = join(repoRoot, 'out', 'e2e');

/** Each suite folder's index.ts and *.test.ts, plus the harness: one bundle each. */
function entryPoints() {
  const suiteFiles = (folder) =>
    readdirSync(join(e2eSource, folder))
      .filter((name) => name === 'index.ts' || name.endsWith('.test.ts'))
      .map((name) => join(e2eSource, folder, name));
  return [
    ...suiteFiles('suite'),
    ...suiteFiles('restricted'),
    ...suiteFiles('emptyWorkspace'),
    ...suiteFiles('reload'),
    join(e2eSource, 'harness', 'extension.ts'),
  ];
}

export async function buildE2E() {
  rmSync(e2eOut, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: entryPoints(),
    outbase: e2eSource,
    outdir: e2eOut,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'linked',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  copyFileSync(join(e2eSource, 'harness', 'package.json'), join(e2eOut, 'harness', 'package.json'));
  return e2eOut;
}

if (process.argv[1] && relative(process.argv[1], fileURLToPath(import.meta.url)) === '') {
  await buildE2E();
  console.log(`built ${e2eOut}`);
}
