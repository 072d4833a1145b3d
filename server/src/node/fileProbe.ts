// node's fs behind the core's FileProbe: what the language server and the CLI
// know of the files a checklist points at, never through a symbolic link that
// leads out of the workspace.
import { readFile, realpath, stat } from 'node:fs/promises';
import { dirname, isAbsolute, relative } from 'node:path';
import type { FileProbe } from '../core/references';

/**
 * @param toFsPath maps a core path (`/`-separated) to a file-system path; the language
 *   server converts URI paths (`/c:/repo`), the CLI's paths are usable as they are.
 */
export function createFileProbe(toFsPath: (path: string) => string = (path) => path): FileProbe {
  return {
    async stat(path, fence) {
      const fsPath = toFsPath(path);
      if (fence !== undefined && !(await staysInside(fsPath, toFsPath(fence)))) return 'outside';
      const info = await stat(fsPath).catch(() => undefined);
      if (!info || (!info.isFile() && !info.isDirectory())) return undefined;
      return {
        kind: info.isDirectory() ? 'folder' : 'file',
        size: info.isDirectory() ? 0 : info.size,
        modified: info.mtimeMs,
      };
    },
    async readText(path) {
      const bytes = await readFile(toFsPath(path)).catch(() => undefined);
      // A binary file has no headings to read.
      if (!bytes || bytes.subarray(0, 8192).includes(0)) return undefined;
      return new TextDecoder('utf-8').decode(bytes);
    },
  };
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
