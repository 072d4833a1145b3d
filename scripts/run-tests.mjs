// Runs the tests with node's own test runner; TypeScript and the ESM-only markdown libraries load
// through tsx. Arguments: folders to run (`test/unit`, `test/lsp`, ...; all of them by default) and
// substrings a test file's path must contain (`node scripts/run-tests.mjs test/unit verdict`).
//
// test/unit, the pure core on in-memory inputs, runs in ONE process (every file imported into it, shared
// out between two worker threads: no process per file; no loopback, no disk, as
// test/checks/unit-purity.test.ts keeps it) and prints its wall time. The other folders run a process per file, as `node --test` does.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const UNIT = 'test/unit';
const ALL = [UNIT, 'test/checks', 'test/integration', 'test/stress', 'test/lsp', 'test/cli'];

const args = process.argv.slice(2);
const isFolder = (arg) =>
  ALL.includes(arg.replace(/\/$/, '')) || (arg.startsWith('test/') && existsSync(arg) && !arg.endsWith('.ts'));
const chosen = args.filter(isFolder).map((arg) => arg.replace(/\/$/, ''));
const only = args.filter((arg) => !isFolder(arg));
const folders = chosen.length > 0 ? chosen : ALL;

const testFiles = (folder) =>
  readdirSync(folder, { recursive: true })
    .map(String)
    .filter((name) => name.endsWith('.test.ts'))
    .map((name) => join(folder, name))
    .filter((file) => only.length === 0 || only.some((part) => file.includes(part)))
    .sort();

let failed = false;
const unitFiles = folders.includes(UNIT) ? testFiles(UNIT) : [];
if (unitFiles.length > 0) {
  const started = performance.now();
  // One process, two worker threads; a larger young generation, since the analyses allocate briskly.
  const result = spawnSync(
    process.execPath,
    ['--max-semi-space-size=64', 'scripts/import-tests.mjs', '--workers', '2', ...unitFiles],
    { stdio: 'inherit' },
  );
  console.log(
    `# ${UNIT}: ${unitFiles.length} files in one process (two worker threads), ${((performance.now() - started) / 1000).toFixed(1)} s wall`,
  );
  failed ||= result.status !== 0;
}
const otherFiles = folders.filter((folder) => folder !== UNIT).flatMap(testFiles);
if (otherFiles.length > 0) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', ...otherFiles], { stdio: 'inherit' });
  failed ||= result.status !== 0;
}
if (unitFiles.length + otherFiles.length === 0) {
  console.error(`no test file matches ${args.join(' ')}`);
  failed = true;
}
process.exit(failed ? 1 : 0);
