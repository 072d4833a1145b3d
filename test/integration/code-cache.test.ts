// The V8 code cache of dist/server.js (server/src/node/codeCache.ts), each start a fresh
// process: the first start of a bundle writes the cache, later ones use it; a damaged,
// truncated or foreign cache file, another bundle or an unwritable folder cost only the
// cache, never the start; old caches are pruned.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { userCacheFolder } from '../../server/src/node/codeCache';

const child = join(__dirname, '..', 'support', 'loadBundleChild.ts');

interface Start {
  readonly cache: string;
  readonly value: unknown;
  readonly saved: boolean;
}

function start(bundle: string, folder: string | undefined): Start {
  const result = spawnSync(process.execPath, ['--import', 'tsx', child, bundle, folder ?? '-'], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout) as Start;
}

/** A bundle with enough functions that its cache is worth the name, returning `value`. */
function writeBundle(path: string, value: number): string {
  const helpers = Array.from({ length: 40 }, (_, i) => `function f${i}(x) { return x.map((y) => y * ${i + 1}); }`);
  const calls = Array.from({ length: 40 }, (_, i) => `f${i}([1])[0]`).join(' + ');
  writeFileSync(path, `'use strict';\n${helpers.join('\n')}\nexports.value = () => ${value} + 0 * (${calls});\n`);
  return path;
}

const caches = (folder: string) => readdirSync(folder).filter((name) => name.endsWith('.codecache'));

describe('the code cache of dist/server.js', () => {
  const top = mkdtempSync(join(tmpdir(), 'readiness-code-cache-'));
  after(() => rmSync(top, { recursive: true, force: true }));

  test('the first start writes it, the next ones take it', () => {
    const folder = join(top, 'first', 'cache');
    const bundle = writeBundle(join(top, 'first-bundle.js'), 1);
    assert.deepEqual(start(bundle, folder), { cache: 'cold', value: 1, saved: true });
    assert.equal(caches(folder).length, 1);
    assert.deepEqual(start(bundle, folder), { cache: 'warm', value: 1, saved: false });
    assert.deepEqual(start(bundle, folder), { cache: 'warm', value: 1, saved: false });
    assert.deepEqual(readdirSync(folder), caches(folder), 'no temporary file left');
  });

  test('a damaged or truncated cache file is not given to V8: compiled as usual, then written again', () => {
    const folder = join(top, 'damaged');
    const bundle = writeBundle(join(top, 'damaged-bundle.js'), 2);
    start(bundle, folder);
    const [name] = caches(folder);
    assert.ok(name);
    const file = join(folder, name);
    const data = readFileSync(file);
    const flipped = Buffer.from(data);
    const at = data.length - 10;
    flipped[at] = (flipped[at] ?? 0) ^ 0xff;
    for (const damaged of [flipped, data.subarray(0, data.length - 1), data.subarray(0, 20), Buffer.alloc(0)]) {
      writeFileSync(file, damaged);
      assert.deepEqual(start(bundle, folder), { cache: 'cold', value: 2, saved: true });
      assert.deepEqual(start(bundle, folder), { cache: 'warm', value: 2, saved: false });
    }
    // A huge file under its name (sparse: no disk used) is not read.
    writeFileSync(file, data);
    truncateSync(file, 65 * 1024 * 1024);
    assert.deepEqual(start(bundle, folder), { cache: 'cold', value: 2, saved: true });
    assert.deepEqual(start(bundle, folder), { cache: 'warm', value: 2, saved: false });
  });

  test("a cache V8 refuses (another bundle's, under this bundle's name) is replaced", () => {
    const folder = join(top, 'foreign');
    const mine = writeBundle(join(top, 'mine.js'), 3);
    const other = writeBundle(join(top, 'other.js'), 33333);
    start(other, folder);
    const [otherCache] = caches(folder);
    start(mine, folder);
    const myCache = caches(folder).find((name) => name !== otherCache);
    assert.ok(otherCache && myCache);
    writeFileSync(join(folder, myCache), readFileSync(join(folder, otherCache)));
    assert.deepEqual(start(mine, folder), { cache: 'rejected', value: 3, saved: true });
    assert.deepEqual(start(mine, folder), { cache: 'warm', value: 3, saved: false });
  });

  test('a changed bundle does not use the old cache; the folder keeps the newest few', () => {
    const folder = join(top, 'changing');
    const bundle = join(top, 'changing.js');
    for (let version = 1; version <= 7; version++) {
      writeBundle(bundle, version);
      assert.deepEqual(start(bundle, folder), { cache: 'cold', value: version, saved: true });
      assert.deepEqual(start(bundle, folder), { cache: 'warm', value: version, saved: false });
    }
    assert.equal(caches(folder).length, 4);
  });

  test('without a folder, or with one that cannot be written, the bundle starts as usual', () => {
    const bundle = writeBundle(join(top, 'plain.js'), 5);
    assert.deepEqual(start(bundle, undefined), { cache: 'off', value: 5, saved: false });
    const blocked = join(top, 'a-file');
    writeFileSync(blocked, 'not a folder');
    assert.deepEqual(start(bundle, join(blocked, 'cache')), { cache: 'cold', value: 5, saved: false });
    assert.deepEqual(start(bundle, join(blocked, 'cache')), { cache: 'cold', value: 5, saved: false });
  });
});

describe("the user's cache folder", () => {
  const home = () => '/home/ana';
  test('by platform', () => {
    assert.equal(userCacheFolder({}, 'linux', home), '/home/ana/.cache/readiness');
    assert.equal(userCacheFolder({ XDG_CACHE_HOME: '/var/cache/ana' }, 'linux', home), '/var/cache/ana/readiness');
    assert.equal(userCacheFolder({ XDG_CACHE_HOME: 'relative' }, 'linux', home), '/home/ana/.cache/readiness');
    assert.equal(userCacheFolder({}, 'darwin', home), '/home/ana/Library/Caches/readiness');
    assert.equal(userCacheFolder({}, 'win32', home), undefined);
  });
  test('no home, no folder', () => {
    const noHome = () => {
      throw new Error('no home');
    };
    assert.equal(userCacheFolder({}, 'linux', noHome), undefined);
  });
});
