// `npm start` (after `npm run build`): the sample workspace in a real VS Code with this
// extension loaded. By default code-server (VS Code 1.100.3 in the browser, installed once into
// .vscode-test/) on 127.0.0.1; `npm start -- --desktop` uses a desktop `code` from the PATH.
//   npm start                 http://127.0.0.1:8080/, Ctrl-C stops it
//   npm start -- --port 0     any free port
//   npm start -- --desktop    code --extensionDevelopmentPath=. test/fixtures/workspace
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';
import { repoRoot } from './e2e/build.mjs';
import { ensureCodeServer, startCodeServer, stopInstalls, writeUserSettings } from './e2e/codeServer.mjs';
import { startStagingStandIn } from './e2e/stagingStandIn.mjs';

const sampleWorkspace = join(repoRoot, 'test', 'fixtures', 'workspace');
const args = process.argv.slice(2);
const log = (line) => console.log(`[start] ${line}`);

function desktop() {
  if (spawnSync('code', ['--version'], { stdio: 'ignore' }).error) {
    console.error(
      "[start] --desktop needs VS Code's `code` command on the PATH; without it, `npm start` serves VS Code in the browser.",
    );
    process.exit(2);
  }
  const child = spawn('code', [`--extensionDevelopmentPath=${repoRoot}`, sampleWorkspace], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}

/**
 * Stand-in services that the sample workspace talks to start here, before the editor: the staging
 * stand-in that the sample's smoke tests call, on a free loopback port, with the profile's
 * `readiness.smoke.baseUrl` pointing at it. Resolves with their stop functions.
 */
async function startServices({ userDataDir }) {
  const staging = await startStagingStandIn({ repoRoot });
  if (pointSmokeTestsAt(userDataDir, staging.url)) {
    log(`staging stand-in for the smoke tests at ${staging.url} (readiness.smoke.baseUrl of this profile)`);
  } else {
    log(
      `staging stand-in for the smoke tests at ${staging.url}; set readiness.smoke.baseUrl to it (the profile's settings.json is not plain JSON, so it was left alone)`,
    );
  }
  return [staging.stop];
}

/** Sets readiness.smoke.baseUrl in the profile's user settings (the port changes with every start). */
function pointSmokeTestsAt(userDataDir, url) {
  const file = join(userDataDir, 'User', 'settings.json');
  let settings;
  try {
    settings = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return false;
  }
  settings['readiness.smoke.baseUrl'] = url;
  writeFileSync(file, `${JSON.stringify(settings, null, 2)}\n`);
  return true;
}

async function browser() {
  const portArg = args.indexOf('--port');
  const port = portArg >= 0 ? Number(args[portArg + 1]) : 8080;
  // Ctrl-C at any point stops what has started so far, last first (the first install included).
  const stops = [stopInstalls];
  let stopping = false;
  const stop = async (code) => {
    if (stopping) return;
    stopping = true;
    log('stopping');
    for (const stopOne of stops.reverse()) await stopOne();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  const entry = await ensureCodeServer({ repoRoot, log });
  // The profile (settings, state) persists between starts; the extensions folder is made anew.
  const home = join(repoRoot, '.vscode-test', 'start');
  const extensionsDir = join(home, 'extensions');
  const userDataDir = join(home, 'user-data');
  rmSync(extensionsDir, { recursive: true, force: true });
  mkdirSync(extensionsDir, { recursive: true });
  writeUserSettings(userDataDir);
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  // A link, not a copy: after `npm run watch` rebuilds dist/, "Developer: Reload Window" picks it up.
  symlinkSync(repoRoot, join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`), 'dir');

  try {
    stops.push(...(await startServices({ userDataDir })));
  } catch (error) {
    console.error(`[start] ${error.message}`);
    return stop(1);
  }
  let server;
  try {
    server = await startCodeServer({
      entry,
      runDir: home,
      folder: sampleWorkspace,
      extensionsDir,
      userDataDir,
      trustWorkspace: true,
      port,
    });
  } catch (error) {
    console.error(
      `[start] ${error.message}${/EADDRINUSE/.test(error.message) ? '\n[start] the port is taken: try npm start -- --port 0' : ''}`,
    );
    return stop(1);
  }
  stops.push(server.stop);
  log(`Readiness in VS Code 1.100.3 (code-server), with the sample workspace: open\n\n    ${server.workbenchUrl}\n`);
  log(`code-server's log: ${server.logFile}. Ctrl-C stops it.`);
  void server.exit.then((code) => {
    if (stopping) return;
    console.error(`[start] code-server exited (${code}); see ${server.logFile}`);
    process.exit(1);
  });
}

if (args.includes('--desktop')) desktop();
else await browser();
