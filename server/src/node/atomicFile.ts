// Replaces a file's content all at once: the new content goes to a temporary
// file next to it, is flushed, and is renamed over the original, so a reader
// (or a crash) sees the old file or the new one, never half of it.
import { randomBytes } from 'node:crypto';
import { access, chmod, constants, open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export async function writeFileAtomically(path: string, data: string | Uint8Array): Promise<void> {
  const info = await stat(path).catch(() => undefined);
  // A read-only file stays untouched even where the folder would allow the rename (and even for root).
  if (info && (info.mode & 0o222) === 0)
    throw Object.assign(new Error(`EACCES: ${path} is read-only`), { code: 'EACCES' });
  if (info) await access(path, constants.W_OK);
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', 0o600);
  try {
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (info) await chmod(temp, info.mode & 0o7777);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
