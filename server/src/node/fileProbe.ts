// node's fs behind the core's FileProbe: what the language server and the CLI
// know of the files a checklist points at.
import { readFile, stat } from 'node:fs/promises';
import type { FileProbe } from '../core/references';

/**
 * @param toFsPath maps a core path (`/`-separated) to a file-system path; the language
 *   server converts URI paths (`/c:/repo`), the CLI's paths are usable as they are.
 */
export function createFileProbe(toFsPath: (path: string) => string = (path) => path): FileProbe {
  return {
    async stat(path) {
      const info = await stat(toFsPath(path)).catch(() => undefined);
      if (!info || (!info.isFile() && !info.isDirectory())) return undefined;
      return { kind: info.isDirectory() ? 'folder' : 'file', size: info.isDirectory() ? 0 : info.size, modified: info.mtimeMs };
    },
    async readText(path) {
      const bytes = await readFile(toFsPath(path)).catch(() => undefined);
      // A binary file has no headings to read.
      if (!bytes || bytes.subarray(0, 8192).includes(0)) return undefined;
      return new TextDecoder('utf-8').decode(bytes);
    },
  };
}
