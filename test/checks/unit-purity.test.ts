// test/unit is the pure core on in-memory inputs: following every import that loads code, from each
// unit test down through the test support and the sources, no module reached imports the disk, the
// network, DNS or child processes, and none of the test support that reads files or starts servers
// is reached. (ESLint checks the unit tests' own imports; this follows them further.) Also: the
// in-memory fixture texts are those on disk, and every test file is named in one style.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, test } from 'node:test';
import { repoRoot } from '../support/paths';

const IO_MODULES =
  /^(?:node:)?(?:fs|net|http|https|http2|child_process|dns|dgram|tls|cluster|worker_threads)(?:\/.*)?$|^undici(?:\/.*)?$/;
/** Test support that reads files, starts servers or spawns processes, and the Node adapters of the ports. */
const IO_SUPPORT =
  /^test\/(?:staging-server\/|support\/(?:paths|lspClient|recordingServer|corpus|imports|diskEdits|fencedWorkspace)\.ts$|fixtures\/secrets\/corpus\.js$)|^server\/src\/node\//;

// Imports and requires that load code: `import type` / `export type` load nothing and are skipped.
const STATIC = /^\s*(?:import|export)\s+(?!type[\s{])(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm;
const DYNAMIC = /\b(?:require|import)\(\s*['"]([^'"]+)['"]\s*\)/g;

function specifiers(source: string): string[] {
  return [...source.matchAll(STATIC), ...source.matchAll(DYNAMIC)].map((match) => match[1] ?? '');
}

function resolveModule(fromFile: string, specifier: string): string | undefined {
  const base = join(dirname(fromFile), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.js`, join(base, 'index.ts')])
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  return undefined;
}

/** Every repository module reached from the entries, with the bare modules each imports. */
function reachable(entries: readonly string[]): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const queue = [...entries];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    const path = relative(repoRoot, file);
    if (seen.has(path)) continue;
    const bare: string[] = [];
    seen.set(path, bare);
    for (const specifier of specifiers(readFileSync(file, 'utf8'))) {
      if (!specifier.startsWith('.')) bare.push(specifier);
      else {
        const target = resolveModule(file, specifier);
        if (target && !target.endsWith('.json')) queue.push(target);
      }
    }
  }
  return seen;
}

const testFiles = (folder: string) =>
  readdirSync(join(repoRoot, folder), { recursive: true })
    .map(String)
    .filter((name) => name.endsWith('.test.ts'))
    .map((name) => join(folder, name));

describe('unit tests do no I/O', () => {
  const unitTests = testFiles('test/unit');
  const modules = reachable(unitTests.map((file) => join(repoRoot, file)));

  test('the unit tests and what they load were read', () => {
    assert.ok(unitTests.length > 10, `${unitTests.length} unit test files`);
    assert.ok(
      [...modules.keys()].some((path) => path.startsWith('server/src/core/')),
      'the core is reached',
    );
  });

  test('no module they load imports the disk, the network, DNS or child processes', () => {
    const io = [...modules].flatMap(([path, bare]) =>
      bare.filter((name) => IO_MODULES.test(name)).map((name) => `${path} imports ${name}`),
    );
    assert.deepEqual(io, []);
  });

  test('no test support that reads files or starts servers is loaded', () => {
    assert.deepEqual(
      [...modules.keys()].filter((path) => IO_SUPPORT.test(path)),
      [],
    );
  });

  test('the check sees I/O where there is some', () => {
    assert.deepEqual(
      specifiers(
        "import type { A } from 'node:fs';\nimport { B } from 'node:fs/promises';\nconst c = require('node:net');",
      ),
      ['node:fs/promises', 'node:net'],
    );
    const staging = reachable([join(repoRoot, 'test', 'staging-server', 'testing.ts')]);
    assert.ok([...staging.values()].flat().some((name) => IO_MODULES.test(name)));
    assert.ok([...staging.keys()].some((path) => IO_SUPPORT.test(path)));
  });
});

describe('fixture texts in memory', () => {
  test('test/support/fixtureTexts.generated.ts holds the files as they are on disk (npm run fixtures:unit)', () => {
    const result = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'unit-fixtures.mjs'), '--check'], {
      encoding: 'utf8',
    });
    assert.equal(result.status, 0, result.stderr);
  });
});

describe('test file names', () => {
  test('every test file is kebab-case, like the most of them were', () => {
    const folders = readdirSync(join(repoRoot, 'test'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name !== 'fixtures')
      .map((entry) => join('test', entry.name));
    const names = folders.flatMap(testFiles);
    assert.ok(names.length > 40, `${names.length} test files`);
    assert.deepEqual(
      names.filter((name) => !/^[a-z0-9]+(?:-[a-z0-9]+)*\.test\.ts$/.test(name.split('/').pop() ?? '')),
      [],
    );
  });
});
