// An in-memory file system behind the core's FileProbe, for tests of the
// reference checks without touching the disk.
import type { FileProbe } from '../../server/src/core/references';
import { FileReadFailure, type FileReader } from '../../server/src/core/smoke';

/**
 * @param files absolute path → text; folders are implied by the files under them.
 * @param modified the modification time every file reports.
 */
export function memoryProbe(
  files: Readonly<Record<string, string>>,
  modified = Date.UTC(2025, 11, 7, 12, 0),
): FileProbe & { readonly asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    stat(path) {
      asked.push(path);
      const text = files[path];
      if (text !== undefined) return Promise.resolve({ kind: 'file', size: Buffer.byteLength(text), modified });
      const isFolder = Object.keys(files).some((f) => f.startsWith(`${path}/`));
      return Promise.resolve(isFolder ? { kind: 'folder', size: 0, modified } : undefined);
    },
    readText(path) {
      return Promise.resolve(files[path]);
    },
  };
}

/** Files from a record, as the FileReader sees them. */
export function memoryFiles(files: Readonly<Record<string, string | Uint8Array>>): FileReader {
  return {
    read(path) {
      const content = files[path.replace(/^\.\//, '')];
      if (content === undefined) return Promise.reject(new FileReadFailure('missing', path));
      return Promise.resolve(typeof content === 'string' ? new TextEncoder().encode(content) : content);
    },
  };
}
