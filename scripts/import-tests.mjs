// Runs test files in this one process: `node scripts/import-tests.mjs [--workers N] FILE...`.
// Each file is imported (TypeScript through tsx's loader) and node:test runs the tests it declares
// once all are loaded, failing the exit code if one fails. With --workers N the files are shared out
// by size among N worker threads of this process (the analyses the tests run are CPU-bound, and two
// cores finish them in about half the time); each worker's report is printed whole when it is done.
// Used by run-tests.mjs for test/unit.
import { Buffer } from 'node:buffer';
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isMainThread, Worker, workerData } from 'node:worker_threads';

async function importAll(files) {
  const { register } = await import('tsx/esm/api');
  const { register: registerCommonJs } = await import('tsx/cjs/api');
  register();
  registerCommonJs();
  for (const file of files) await import(pathToFileURL(resolve(file)).href);
}

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

function runWorker(files) {
  return new Promise((done) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: { files }, stdout: true, stderr: true });
    const output = [];
    worker.stdout.on('data', (chunk) => output.push(chunk));
    worker.stderr.on('data', (chunk) => output.push(chunk));
    worker.on('error', (error) => output.push(Buffer.from(`${error.stack ?? error}\n`)));
    worker.on('exit', (code) => done({ code, output: Buffer.concat(output) }));
  });
}

if (!isMainThread) {
  await importAll(workerData.files);
} else {
  const args = process.argv.slice(2);
  const at = args.indexOf('--workers');
  const requested = at === -1 ? 1 : Number(args.splice(at, 2)[1]);
  const files = args;
  const count = Math.max(1, Math.min(requested || 1, availableParallelism(), files.length));
  if (count === 1) {
    await importAll(files);
  } else {
    const results = await Promise.all(shareOut(files, count).map(runWorker));
    for (const { output } of results) process.stdout.write(output);
    if (results.some(({ code }) => code !== 0)) process.exitCode = 1;
  }
}
