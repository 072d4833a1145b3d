// node's fs behind the core's FileProbe: what the language server and the CLI
// know of the files a checklist points at, never through a symbolic link that
// leads out of the workspace.
import { readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { dirname, isAbsolute, relative } from 'node:path';
import type { FileProbe, FileStat } from '../core/references';

/**
 * @param toFsPath maps a core path (`/`-separated) to a file-system path; the language
 *   server converts URI paths (`/c:/repo`), the CLI's paths are usable as they are.
 */
export function createFileProbe(toFsPath: (path: string) => string = (path) => path): FileProbe {
  return {
    async stat(path, fence) {
      const fsPath = toFsPath(path);
      if (fence !== undefined && !(await staysInside(fsPath, toFsPath(fence)))) return 'outside';
      return fileStat(await stat(fsPath).catch(() => undefined));
    },
    async readText(path) {
      return textOf(await readFile(toFsPath(path)).catch(() => undefined));
    },
  };
}

/**
 * The CLI's probe: the files as they are during one command, read synchronously (the
 * thread has nothing else to do meanwhile, and a missing file costs no exception), with
 * each folder's real path resolved once, however many references lead through it.
 */
export function createSnapshotFileProbe(): FileProbe {
  const realPaths = new Map<string, string | undefined>();
  const realPathOf = (path: string): string | undefined => {
    if (!realPaths.has(path))
      realPaths.set(
        path,
        syncOrUndefined(() => statSync(path, { throwIfNoEntry: false }) && realpathSync.native(path)),
      );
    return realPaths.get(path);
  };
  const staysInsideNow = (path: string, fence: string): boolean => {
    const realFence = realPathOf(fence) ?? fence;
    for (let at = path; ; at = dirname(at)) {
      const real = realPathOf(at);
      if (real !== undefined) return inside(realFence, real);
      if (dirname(at) === at) return false;
    }
  };
  return {
    stat: (path, fence) =>
      Promise.resolve(
        fence !== undefined && !staysInsideNow(path, fence)
          ? 'outside'
          : fileStat(syncOrUndefined(() => statSync(path, { throwIfNoEntry: false }))),
      ),
    readText: (path) => Promise.resolve(textOf(syncOrUndefined(() => readFileSync(path)))),
  };
}

function syncOrUndefined<T>(read: () => T | undefined | false): T | undefined {
  try {
    return read() || undefined;
  } catch {
    return undefined;
  }
}

function fileStat(info: Stats | undefined): FileStat | undefined {
  if (!info || (!info.isFile() && !info.isDirectory())) return undefined;
  return {
    kind: info.isDirectory() ? 'folder' : 'file',
    size: info.isDirectory() ? 0 : info.size,
    modified: info.mtimeMs,
  };
}

function textOf(bytes: Buffer | undefined): string | undefined {
  // A binary file has no headings to read.
  if (!bytes || bytes.subarray(0, 8192).includes(0)) return undefined;
  return new TextDecoder('utf-8').decode(bytes);
}

/**
 * Whether `path`, its symbolic links followed, stays in `fence`. A path that does not exist is
 * judged by its nearest existing folder, so that even "missing" says nothing of a place outside.
 */
async function staysInside(path: string, fence: string): Promise<boolean> {
  const realFence = await realpath(fence).catch(() => fence);
  for (let at = path; ; at = dirname(at)) {
    const real = await realpath(at).catch(() => undefined);
    if (real !== undefined) return inside(realFence, real);
    if (dirname(at) === at) return false;
  }
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}
