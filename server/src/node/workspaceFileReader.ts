// The FileReader of the language server and the CLI: files a command uploads,
// relative to the workspace folder and never outside it (a checklist must not
// be able to send ~/.ssh/id_rsa to a server just by naming it).
import { readFile, realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { FileReadFailure, type FileReader } from '../core/smoke/ports';

export function createWorkspaceFileReader(workspaceFolder: string): FileReader {
  const root = resolve(workspaceFolder);
  return {
    async read(path: string): Promise<Uint8Array> {
      const absolute = resolve(root, path);
      if (!inside(root, absolute)) throw new FileReadFailure('outside-workspace', path);
      let real: string;
      try {
        real = await realpath(absolute);
      } catch (error) {
        throw new FileReadFailure(isMissing(error) ? 'missing' : 'unreadable', path);
      }
      // A symbolic link may point out of the folder.
      if (!inside(await realpath(root).catch(() => root), real)) throw new FileReadFailure('outside-workspace', path);
      try {
        return new Uint8Array(await readFile(real));
      } catch (error) {
        throw new FileReadFailure(isMissing(error) ? 'missing' : 'unreadable', path);
      }
    },
  };
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
