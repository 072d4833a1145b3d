// The signer's name for "Sign off as NAME": git's `user.name` as configured for a
// folder (`git config user.name` run there, so repository, global and system
// settings apply as git applies them). No git, no name, or no answer within two
// seconds: undefined, and the editor asks instead.
import { execFile } from 'node:child_process';

const TIMEOUT_MS = 2000;
/** Names are asked for as code actions are computed; git is run at most once a minute per folder. */
const CACHE_MS = 60_000;

const cache = new Map<string, { readonly at: number; readonly name: Promise<string | undefined> }>();

export function gitUserName(folder: string): Promise<string | undefined> {
  const cached = cache.get(folder);
  if (cached && Date.now() - cached.at < CACHE_MS) return cached.name;
  const name = new Promise<string | undefined>((resolve) => {
    execFile(
      'git',
      ['config', 'user.name'],
      { cwd: folder, timeout: TIMEOUT_MS, windowsHide: true },
      (error, stdout) => {
        const value = error ? '' : String(stdout).trim();
        resolve(value === '' ? undefined : value);
      },
    );
  });
  cache.set(folder, { at: Date.now(), name });
  return name;
}
