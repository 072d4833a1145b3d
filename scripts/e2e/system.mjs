// Debian packages the offline VS Code needs. A fresh CI machine has none of them,
// so instead of failing with "command not found" the launcher installs what is
// missing with apt-get when it runs as root (and READINESS_E2E_APT is not "0").
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import process from 'node:process';

/** Needed every run: the headless browser, and the emoji font the checklist's ✅/❌/🔴 need in screenshots. */
export const RUNTIME_PACKAGES = ['chromium', 'fonts-noto-color-emoji'];
/** Needed only while code-server installs: kerberos headers for a native module, and rg for @vscode/ripgrep. */
export const INSTALL_PACKAGES = ['libkrb5-dev', 'ripgrep'];

export const CHROMIUM = '/usr/bin/chromium';

function isInstalled(name) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${db:Status-Status}', name], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.trim() === 'installed';
}

/**
 * Installs the missing packages among `names`, or throws with the command a person should run.
 * @param {string[]} names
 * @param {(line: string) => void} log
 */
export function ensurePackages(names, log) {
  if (!existsSync('/usr/bin/dpkg-query')) {
    // Not Debian: trust the machine and let the step that needs a package say what is missing.
    log(`not a Debian system; assuming ${names.join(', ')} are present`);
    return;
  }
  const missing = names.filter((name) => !isInstalled(name));
  if (missing.length === 0) return;
  const command = `apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || process.env.READINESS_E2E_APT === '0') {
    throw new Error(`missing Debian packages: ${missing.join(', ')}. Install them with: sudo sh -c '${command}'`);
  }
  log(`installing Debian packages: ${missing.join(', ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', ...missing]]) {
    const result = spawnSync('apt-get', args, { env, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
    if (result.status !== 0) {
      throw new Error(
        `apt-get ${args[0]} failed (exit ${result.status ?? result.signal}):\n${(result.stderr || result.stdout).trim().split('\n').slice(-15).join('\n')}`,
      );
    }
  }
  const still = missing.filter((name) => !isInstalled(name));
  if (still.length > 0) throw new Error(`apt-get did not install: ${still.join(', ')}`);
}
