// code-server is VS Code (server + web workbench) packaged on npm, so it installs where only
// the npm registry and Debian are reachable. Pinned: 4.100.3 is VS Code 1.100.3, the last
// release that runs on node 20. It is installed once into .vscode-test/ (git-ignored) and
// never becomes a dependency of the project.
import { spawn } from 'node:child_process';
import { copyFileSync, createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import process from 'node:process';
import { setTimeout as delay } from 'node:timers/promises';
import { URLSearchParams } from 'node:url';
import { INSTALL_PACKAGES, ensurePackages } from './system.mjs';

export const CODE_SERVER_VERSION = '4.100.3';
// @vscode/ripgrep (inside code-server's VS Code) downloads rg from GitHub in its postinstall
// unless this archive is already in its cache folder under TMPDIR.
const RIPGREP_CACHE = {
  folder: 'vscode-ripgrep-cache-1.15.11',
  archive: 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz',
};
const INSTALL_TIMEOUT_MS = 20 * 60_000;
const START_TIMEOUT_MS = 60_000;

/**
 * Our environment without what the `npm run` that started us adds about this package (its
 * local prefix would point a nested npm at the repository; the user's npm config, such as a
 * registry or cache, is kept) and without VS Code's own variables (in a VS Code terminal,
 * VSCODE_IPC_HOOK_CLI makes code-server hand the folder to that editor instead of starting).
 */
export function cleanEnv(extra = {}) {
  const dropped = /^(npm_package_|npm_lifecycle_|npm_config_local_prefix$|npm_command$|VSCODE_|ELECTRON_RUN_AS_NODE$)/i;
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !dropped.test(key)));
  return { ...env, ...extra };
}

export function codeServerHome(repoRoot) {
  return join(repoRoot, '.vscode-test', `code-server-${CODE_SERVER_VERSION}`);
}

/** Install steps still running, so that an interrupted run can end them (see stopInstalls). */
const running = new Set();

/** Ends the install steps still running, with everything they started (their process groups). */
export function stopInstalls() {
  for (const child of running) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/** Runs a command with its output going to a log file; rejects with the log's tail on failure or timeout. */
function runLogged(command, args, { cwd, env, logFile, timeoutMs }) {
  return new Promise((resolve, reject) => {
    const out = createWriteStream(logFile, { flags: 'a' });
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    running.add(child);
    child.stdout.pipe(out, { end: false });
    child.stderr.pipe(out, { end: false });
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
      reject(
        new Error(`${command} ${args.join(' ')} did not finish within ${timeoutMs / 60_000} minutes (log: ${logFile})`),
      );
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      running.delete(child);
      clearTimeout(timer);
      out.end(() => {
        if (code === 0) return resolve();
        const tail = readFileSync(logFile, 'utf8').trim().split('\n').slice(-25).join('\n');
        reject(
          new Error(`${command} ${args.join(' ')} failed (exit ${code ?? signal}); last lines of ${logFile}:\n${tail}`),
        );
      });
    });
  });
}

/**
 * Installs code-server into .vscode-test/ unless a complete install is already there.
 * Returns the path of its node entry point.
 */
export async function ensureCodeServer({ repoRoot, log }) {
  const home = codeServerHome(repoRoot);
  const entry = join(home, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  const marker = join(home, '.installed');
  if (existsSync(marker) && existsSync(entry)) return entry;

  ensurePackages(INSTALL_PACKAGES, log);
  // A half-finished install (interrupted, failed) is thrown away rather than repaired.
  rmSync(home, { recursive: true, force: true });
  const tmp = join(home, 'tmp');
  mkdirSync(join(tmp, RIPGREP_CACHE.folder), { recursive: true });
  // Without a package.json here npm would walk up and install into the repository itself.
  writeFileSync(
    join(home, 'package.json'),
    `${JSON.stringify({ name: 'readiness-e2e-code-server', private: true, description: 'Cache for npm run test:e2e and npm start' }, null, 2)}\n`,
  );

  // Debian's rg, packed the way @vscode/ripgrep's cache expects it.
  const staging = join(tmp, 'rg-staging');
  mkdirSync(staging, { recursive: true });
  copyFileSync('/usr/bin/rg', join(staging, 'rg'));
  const logFile = join(home, 'install.log');
  await runLogged('tar', ['-czf', join(tmp, RIPGREP_CACHE.folder, RIPGREP_CACHE.archive), '-C', staging, 'rg'], {
    cwd: home,
    env: process.env,
    logFile,
    timeoutMs: 60_000,
  });

  log(
    `installing code-server ${CODE_SERVER_VERSION} (VS Code 1.100.3) into ${home} — about a minute, once; log: ${logFile}`,
  );
  const started = Date.now();
  const npmCli = process.env.npm_execpath;
  const [command, prefixArgs] = npmCli && npmCli.endsWith('.js') ? [process.execPath, [npmCli]] : ['npm', []];
  await runLogged(
    command,
    // --unsafe-perm: code-server's own postinstall refuses to run as root without it.
    [
      ...prefixArgs,
      'install',
      '--prefix',
      home,
      '--no-audit',
      '--no-fund',
      '--unsafe-perm',
      `code-server@${CODE_SERVER_VERSION}`,
    ],
    // npm_config_yes: node-pty's postinstall runs `npx node-gyp`, which would otherwise ask.
    { cwd: home, env: cleanEnv({ TMPDIR: tmp, npm_config_yes: 'true' }), logFile, timeoutMs: INSTALL_TIMEOUT_MS },
  );
  if (!existsSync(entry)) throw new Error(`code-server installed but ${entry} is missing (log: ${logFile})`);
  rmSync(tmp, { recursive: true, force: true });
  writeFileSync(marker, `${CODE_SERVER_VERSION}\n`);
  log(`code-server installed in ${Math.round((Date.now() - started) / 1000)} s`);
  return entry;
}

/** A fresh profile: no welcome page, no prompts or notifications that would cover screenshots. */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  // Tests edit the sample checklist and revert; the browser workbench would otherwise save the edits to disk.
  'files.autoSave': 'off',
  // The sample workspace sits inside this repository; Git's "found a repository in a parent folder" prompt is noise.
  'git.enabled': false,
  // Restricted Mode shows its banner instead of a modal dialog over the workbench.
  'security.workspace.trust.startupPrompt': 'never',
};

/** Writes the profile's settings.json unless the profile has one (npm start keeps the user's). */
export function writeUserSettings(userDataDir) {
  const file = join(userDataDir, 'User', 'settings.json');
  if (existsSync(file)) return;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(USER_SETTINGS, null, 2)}\n`);
}

/**
 * Starts code-server on 127.0.0.1:`port` (0: a free port the system picks) and resolves once it listens.
 * Everything it writes (config, state, logs) stays under `runDir`.
 */
export async function startCodeServer({
  entry,
  runDir,
  folder,
  extensionsDir,
  userDataDir,
  trustWorkspace,
  locale,
  env = {},
  port = 0,
  logFile = join(runDir, 'code-server.log'),
}) {
  const configFile = join(runDir, 'code-server.yaml');
  // With no config file code-server writes one with a random password to ~/.config.
  writeFileSync(configFile, 'auth: none\n');
  const args = [
    entry,
    '--config',
    configFile,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--extensions-dir',
    extensionsDir,
    '--user-data-dir',
    userDataDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    ...(trustWorkspace ? ['--disable-workspace-trust'] : []),
    ...(locale ? ['--locale', locale] : []),
    folder,
  ];
  const xdg = {
    XDG_CONFIG_HOME: join(runDir, 'xdg-config'),
    XDG_DATA_HOME: join(runDir, 'xdg-data'),
    XDG_CACHE_HOME: join(runDir, 'xdg-cache'),
  };
  // Its own process group, so stop() also ends the extension host and the language servers it started.
  const child = spawn(process.execPath, args, {
    env: cleanEnv({ ...xdg, ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const out = createWriteStream(logFile);
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  let exited = false;
  const exit = new Promise((resolve) =>
    child.on('exit', (code, signal) => {
      exited = true;
      resolve(code ?? signal);
    }),
  );

  const stop = async () => {
    if (exited) return;
    const signalGroup = (signal) => {
      try {
        process.kill(-child.pid, signal);
      } catch {
        // the group is gone already
      }
    };
    signalGroup('SIGTERM');
    const result = await Promise.race([exit.then(() => 'exited'), delay(5000, 'timeout')]);
    if (result === 'timeout') signalGroup('SIGKILL');
    await exit;
    // Children that outlived the server (an extension host shutting down) go too.
    signalGroup('SIGKILL');
  };

  const tail = () =>
    existsSync(logFile) ? readFileSync(logFile, 'utf8').trim().split('\n').slice(-20).join('\n') : '';
  const url = await new Promise((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(
      () =>
        reject(
          new Error(
            `code-server did not start listening within ${START_TIMEOUT_MS / 1000} s; last lines of ${logFile}:\n${tail()}`,
          ),
        ),
      START_TIMEOUT_MS,
    );
    child.stdout.on('data', (chunk) => {
      buffered += chunk.toString();
      const match = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)\/?/.exec(buffered);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    void exit.then((code) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited (${code}) before listening; last lines of ${logFile}:\n${tail()}`));
    });
  }).catch(async (error) => {
    await stop();
    throw error;
  });
  const workbenchUrl = `${url}/?${new URLSearchParams({ folder })}`;
  return { url, workbenchUrl, logFile, child, exit, stop };
}
