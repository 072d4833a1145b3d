// Runs test files in this one process: `node scripts/import-tests.mjs [--workers N] FILE...`.
// The files are shared out by size among N worker threads of this process (the analyses the tests
// run are CPU-bound, and two cores finish them in about half the time). Each share is bundled first
// by esbuild into out/unit/ (git-ignored): one module per worker loads in a fraction of the time the
// TypeScript loader takes over hundreds of source files. node:test runs the tests a worker's bundle
// declares once it is loaded, failing the exit code if one fails; each worker's report is printed
// whole when it is done. Used by run-tests.mjs for test/unit.
import { Buffer } from 'node:buffer';
import { rmSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isMainThread, Worker, workerData } from 'node:worker_threads';
import * as esbuild from 'esbuild';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(repoRoot, 'out', 'unit');

/** Files shared out among `count` groups, largest first onto the lightest group. */
function shareOut(files, count) {
  const groups = Array.from({ length: count }, () => ({ files: [], bytes: 0 }));
  const sized = files.map((file) => ({ file, bytes: statSync(file).size })).sort((a, b) => b.bytes - a.bytes);
  for (const { file, bytes } of sized) {
    const lightest = groups.reduce((a, b) => (b.bytes < a.bytes ? b : a));
    lightest.files.push(file);
    lightest.bytes += bytes;
  }
  return groups.map((group) => group.files.sort()).filter((group) => group.length > 0);
}

/** One ES module per group that imports the group's test files, with the sources and libraries inlined. */
async function bundle(groups) {
  rmSync(outDir, { recursive: true, force: true });
  const bundles = groups.map((_, i) => join(outDir, `share-${i + 1}.mjs`));
  await Promise.all(
    groups.map((files, i) =>
      esbuild.build({
        stdin: {
          contents: files
            .map((file) => `import ${JSON.stringify(`./${relative(repoRoot, resolve(file))}`)};`)
            .join('\n'),
          resolveDir: repoRoot,
          sourcefile: `share-${i + 1}.ts`,
          loader: 'ts',
        },
        outfile: bundles[i],
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        mainFields: ['module', 'main'],
        // Libraries that still require() Node built-ins get a require of their own.
        banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
        sourcemap: 'linked',
        logLevel: 'warning',
      }),
    ),
  );
  return bundles;
}

function runWorker(bundlePath) {
  return new Promise((done) => {
    const worker = new Worker(new URL(import.meta.url), {
      workerData: { bundle: bundlePath },
      stdout: true,
      stderr: true,
      execArgv: ['--enable-source-maps'],
    });
    const output = [];
    worker.stdout.on('data', (chunk) => output.push(chunk));
    worker.stderr.on('data', (chunk) => output.push(chunk));
    worker.on('error', (error) => output.push(Buffer.from(`${error.stack ?? error}\n`)));
    worker.on('exit', (code) => done({ code, output: Buffer.concat(output) }));
  });
}

if (!isMainThread) {
  await import(pathToFileURL(workerData.bundle).href);
} else {
  const args = process.argv.slice(2);
  const at = args.indexOf('--workers');
  const requested = at === -1 ? 1 : Number(args.splice(at, 2)[1]);
  const files = args;
  const count = Math.max(1, Math.min(requested || 1, availableParallelism(), files.length));
  const bundles = await bundle(shareOut(files, count));
  const results = await Promise.all(bundles.map(runWorker));
  for (const { output } of results) process.stdout.write(output);
  if (results.some(({ code }) => code !== 0)) process.exitCode = 1;
}
