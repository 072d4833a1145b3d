// Loads the server side's bundle (dist/readiness.js) with a V8 code cache, so that a
// start finds the functions it runs (loading the bundle, the first analysis) already
// compiled. The cache is made by the user's own Node on the user's machine: after its
// first analysis the server writes what V8 compiled so far into a cache folder (the one
// it is given, else the user's cache folder), and later starts of the same bundle on
// the same Node read it. A cache file is named by a digest of the bundle's bytes, the
// Node and V8 versions, the architecture and the process's flags, and holds a digest of
// its own contents: a file from another bundle or Node is never read, a damaged one is
// ignored (V8 checks no checksum in release builds), one V8 refuses is replaced. It is
// written to a temporary file and renamed, so a reader never sees half of one. Every
// failure (no folder, unwritable, corrupt) falls back to compiling the bundle as usual.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire, wrap } from 'node:module';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';

/**
 * warm: V8 took the cache; cold: there was none (the first start of this bundle on this Node, or the file
 * was damaged); rejected: V8 refused it (it is replaced after the first analysis); off: no cache folder.
 */
export type CodeCacheState = 'warm' | 'cold' | 'rejected' | 'off';

export interface LoadedBundle<T> {
  readonly exports: T;
  readonly cache: CodeCacheState;
  /**
   * Writes the cache of what has been compiled so far, unless V8 took this start's; true if written. Never throws.
   * It sets the start's flags again: the caller sets what it changed since afterwards.
   */
  save(): boolean;
}

const MAGIC = Buffer.from('readiness v8 code cache 1\n');
const DIGEST_BYTES = 32;
const PREFIX = 'server-';
const SUFFIX = '.codecache';
/** Cache files kept in the folder (other bundles, other Node versions); older ones are deleted when one is written. */
const KEEP = 4;
const MAX_CACHE_BYTES = 64 * 1024 * 1024;
/** A temporary file this old was left by a start that died while writing it. */
const ABANDONED_MS = 10 * 60_000;

/**
 * @param flags V8 flags the process runs with while it starts (`--no-turbofan`): set here before the bundle is
 *   compiled, and again when the cache is made, since V8 takes a cache only under the flags it was made with.
 */
export function loadBundle<T>(
  bundlePath: string,
  cacheFolder: string | undefined,
  flags: readonly string[] = [],
): LoadedBundle<T> {
  for (const flag of flags) setFlagsFromString(flag);
  const source = readFileSync(bundlePath);
  const file = cacheFolder === undefined ? undefined : join(cacheFolder, `${PREFIX}${cacheKey(source)}${SUFFIX}`);
  const cachedData = file === undefined ? undefined : readCache(file);
  const script = new Script(wrap(source.toString('utf8')), { filename: bundlePath, cachedData });
  const cache: CodeCacheState =
    file === undefined ? 'off' : cachedData === undefined ? 'cold' : script.cachedDataRejected ? 'rejected' : 'warm';
  const module = { exports: {} as T };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(module.exports, module.exports, createRequire(bundlePath), module, bundlePath, dirname(bundlePath));
  let saved = false;
  return {
    exports: module.exports,
    cache,
    save: () => {
      if (file === undefined || cache === 'warm' || saved) return false;
      saved = true;
      let payload: Buffer;
      try {
        for (const flag of flags) setFlagsFromString(flag);
        payload = script.createCachedData();
      } catch {
        return false;
      }
      return writeCache(file, payload);
    },
  };
}

/** The user's cache folder for Readiness, by the platform's convention; undefined when there is no home to put it in. */
export function userCacheFolder(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: () => string = homedir,
): string | undefined {
  try {
    if (platform === 'win32') {
      const local = env.LOCALAPPDATA;
      return local && isAbsolute(local) ? join(local, 'readiness', 'Cache') : undefined;
    }
    if (platform === 'darwin') return join(home(), 'Library', 'Caches', 'readiness');
    const xdg = env.XDG_CACHE_HOME;
    return join(xdg && isAbsolute(xdg) ? xdg : join(home(), '.cache'), 'readiness');
  } catch {
    // os.homedir() throws when the user has no home directory.
    return undefined;
  }
}

function cacheKey(source: Buffer): string {
  return createHash('sha256')
    .update(source)
    .update(
      JSON.stringify([
        process.version,
        process.versions.v8,
        process.arch,
        process.platform,
        process.execArgv,
        process.env.NODE_OPTIONS ?? '',
      ]),
    )
    .digest('hex')
    .slice(0, 32);
}

function readCache(file: string): Buffer | undefined {
  let data: Buffer;
  try {
    // A cache is a few megabytes; whatever else took its name is not read whole.
    if (statSync(file).size > MAX_CACHE_BYTES) return undefined;
    data = readFileSync(file);
  } catch {
    return undefined;
  }
  const payload = data.subarray(MAGIC.length + DIGEST_BYTES);
  const intact =
    data.length > MAGIC.length + DIGEST_BYTES &&
    data.subarray(0, MAGIC.length).equals(MAGIC) &&
    data.subarray(MAGIC.length, MAGIC.length + DIGEST_BYTES).equals(digest(payload));
  return intact ? payload : undefined;
}

function writeCache(file: string, payload: Buffer): boolean {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(temporary, Buffer.concat([MAGIC, digest(payload), payload]), { flag: 'wx', mode: 0o600 });
    renameSync(temporary, file);
  } catch {
    try {
      unlinkSync(temporary);
    } catch {
      // Never created.
    }
    return false;
  }
  pruneOthers(file);
  return true;
}

/**
 * Deletes all but the newest cache files of the folder (a bundle replaced by an update leaves its cache behind),
 * and temporary files a start killed while writing left behind.
 */
function pruneOthers(file: string): void {
  const folder = dirname(file);
  let names: string[];
  try {
    names = readdirSync(folder).filter((name) => name.startsWith(PREFIX) && name !== basename(file));
  } catch {
    return;
  }
  const now = Date.now();
  const others = names.flatMap((name) => {
    try {
      return [{ name, path: join(folder, name), time: statSync(join(folder, name)).mtimeMs }];
    } catch {
      return [];
    }
  });
  const caches = others.filter((o) => o.name.endsWith(SUFFIX)).sort((a, b) => b.time - a.time);
  const abandoned = others.filter((o) => o.name.endsWith('.tmp') && now - o.time > ABANDONED_MS);
  for (const old of [...caches.slice(KEEP - 1), ...abandoned]) {
    try {
      unlinkSync(old.path);
    } catch {
      // Another start pruning at the same time: the file is gone either way.
    }
  }
}

function digest(data: Buffer): Buffer {
  return createHash('sha256').update(data).digest();
}
