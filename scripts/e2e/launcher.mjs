#!/usr/bin/env node
// Stands in for the VS Code executable that @vscode/test-electron spawns, where no desktop VS
// Code can be downloaded. It takes the same arguments (--extensionDevelopmentPath=,
// --extensionTestsPath=, the folder, launch flags) and runs the suite in code-server instead:
//   1. installs code-server once into .vscode-test/ (and Debian packages when missing);
//   2. copies the extension under test and the harness (test/e2e/harness) into a fresh
//      extensions dir, with a fresh user-data dir;
//   3. starts code-server on 127.0.0.1 and opens the workbench in headless Chromium;
//   4. the harness runs the suite's run() in the extension host and streams mocha's report
//      back over loopback HTTP, taking screenshots and reading the page's DOM on request; a
//      suite that reloads the window (workbench.action.reloadWindow) says so first, and the
//      harness of the new window runs it again, told it is window 2;
//   5. exits with the suite's status, after stopping code-server and Chromium in every case.
import { randomBytes } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import process from 'node:process';
import { openWorkbench, queryPage, renderPage, takeScreenshot } from './browser.mjs';
import { e2eOut, repoRoot } from './build.mjs';
import { ensureCodeServer, startCodeServer, stopInstalls, writeUserSettings } from './codeServer.mjs';
import { startReportServer } from './reportServer.mjs';
import { RUNTIME_PACKAGES, ensurePackages } from './system.mjs';

const STARTED_TIMEOUT_MS = 120_000;
const SUITE_TIMEOUT_MS = Number(process.env.READINESS_E2E_TIMEOUT_S ?? 600) * 1000;
/** Top-level entries of an extension folder that an installed extension never needs. */
const NOT_COPIED = new Set(['node_modules', '.git', '.vscode-test', 'test-results', 'out']);
const log = (line) => console.log(`[e2e] ${line}`);

/** Reads the arguments @vscode/test-electron passes to a VS Code executable. */
function parseArgs(argv) {
  const options = { developmentPaths: [], testsPath: undefined, paths: [], disableTrust: false, locale: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const value = () => (eq > 0 ? arg.slice(eq + 1) : argv[++i]);
    if (name === '--extensionDevelopmentPath') options.developmentPaths.push(resolve(value()));
    else if (name === '--extensionTestsPath') options.testsPath = resolve(value());
    else if (name === '--locale') options.locale = value();
    else if (name === '--disable-workspace-trust') options.disableTrust = true;
    // Fresh ones are made for every run, so a stale copy of the extension is never loaded.
    else if (name === '--extensions-dir' || name === '--user-data-dir') value();
    else if (!arg.startsWith('-')) options.paths.push(resolve(arg));
    // Other flags (--no-sandbox, --disable-extensions, --skip-welcome, ...) are desktop-only.
  }
  return options;
}

/** Copies an unpacked extension into `extensionsDir` as publisher.name-version, as an install would. */
function installCopy(source, extensionsDir) {
  const manifest = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8'));
  const main = manifest.main ? join(source, manifest.main) : undefined;
  if (main && !existsSync(main) && !existsSync(`${main}.js`))
    throw new Error(`${main} is missing: build the extension first (npm run build)`);
  const target = join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
  // Entry by entry: the target may lie inside the source (.vscode-test/ of the repo), which cpSync refuses.
  for (const name of readdirSync(source)) {
    if (NOT_COPIED.has(name) || name.endsWith('.vsix')) continue;
    cpSync(join(source, name), join(target, name), { recursive: true });
  }
  return target;
}

function deferred() {
  let resolveIt;
  const promise = new Promise((resolve) => (resolveIt = resolve));
  return { promise, resolve: resolveIt };
}

function withTimeout(promise, ms, message) {
  let timer;
  const timeout = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Cleanup steps run last-in first-out, once, whatever ends the run (success, failure, timeout, Ctrl-C). */
const cleanupSteps = [];
let cleaning;
function cleanup() {
  cleaning ??= (async () => {
    for (const step of cleanupSteps.reverse()) {
      try {
        await step();
      } catch (error) {
        log(`cleanup: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  })();
  return cleaning;
}

async function runSuite(options) {
  if (!options.testsPath) throw new Error('no --extensionTestsPath given');
  const label = process.env.READINESS_E2E_LABEL ?? basename(dirname(options.testsPath));
  const folderArg = options.paths[0];
  if (!folderArg) throw new Error('no folder to open was given');
  const folder = statSync(folderArg).isDirectory() ? folderArg : dirname(folderArg);
  const trusted = options.disableTrust && process.env.READINESS_E2E_WORKSPACE_TRUST !== 'restricted';
  const resultsDir = join(repoRoot, 'test-results', 'e2e', label);
  const screenshotsDir = join(repoRoot, 'test-results', 'screenshots');
  rmSync(resultsDir, { recursive: true, force: true });
  mkdirSync(resultsDir, { recursive: true });
  mkdirSync(screenshotsDir, { recursive: true });
  // result.json is what run.mjs sums up; until the suite reports, it says the run did not finish.
  let output = '';
  const writeResult = (ok, error) => {
    const plain = output.replace(/\x1b\[[0-9;]*m/g, ''); // eslint-disable-line no-control-regex
    // One mocha report per window: a suite that reloaded the window has two.
    const sum = (pattern) => [...plain.matchAll(pattern)].reduce((total, match) => total + Number(match[1]), 0);
    const passed = sum(/(\d+) passing/g);
    const failed = sum(/(\d+) failing/g);
    writeFileSync(
      join(resultsDir, 'result.json'),
      `${JSON.stringify({ ok, passed, failed, ...(error ? { error } : {}) }, null, 2)}\n`,
    );
    return { passed, failed };
  };
  writeResult(false, 'the run did not finish');

  ensurePackages(RUNTIME_PACKAGES, log);
  cleanupSteps.push(stopInstalls);
  const entry = await ensureCodeServer({ repoRoot, log });

  mkdirSync(join(repoRoot, '.vscode-test', 'runs'), { recursive: true });
  const runDir = mkdtempSync(join(repoRoot, '.vscode-test', 'runs', `${label}-`));
  cleanupSteps.push(() => rmSync(runDir, { recursive: true, force: true }));
  const extensionsDir = join(runDir, 'extensions');
  const userDataDir = join(runDir, 'user-data');
  writeUserSettings(userDataDir);
  for (const path of options.developmentPaths) installCopy(path, extensionsDir);

  const harnessSource = join(e2eOut, 'harness');
  if (!existsSync(join(harnessSource, 'extension.js')))
    throw new Error(`${harnessSource} is not built: run npm run test:e2e, which builds it`);
  const harness = installCopy(harnessSource, extensionsDir);

  const started = deferred();
  const finished = deferred();
  let page;
  /** How many windows the harness has started in (more than one after a reload). */
  let windows = 0;
  /** While a reload is under way: fails the run if the new window's harness never starts. */
  let reloadTimer;
  cleanupSteps.push(() => clearTimeout(reloadTimer));
  const token = randomBytes(16).toString('hex');
  const report = await startReportServer({
    token,
    handlers: {
      started: ({ vscodeVersion, isTrusted }) => {
        windows++;
        clearTimeout(reloadTimer);
        log(
          `VS Code ${vscodeVersion} (code-server) is running ${relative(repoRoot, options.testsPath)} in a ${isTrusted ? 'trusted' : 'Restricted Mode'} workspace${windows > 1 ? ` (window ${windows}, after a reload)` : ''}`,
        );
        started.resolve();
        return { window: windows };
      },
      reload: () => {
        log(`the suite reloads window ${windows}`);
        reloadTimer = setTimeout(
          () =>
            finished.resolve({
              passed: false,
              error: `the harness did not start again within ${STARTED_TIMEOUT_MS / 1000} s of the window reload`,
            }),
          STARTED_TIMEOUT_MS,
        );
      },
      query: ({ selector, containing, holding }) => queryPage(page, { selector, containing, holding }),
      output: ({ stream, text }) => {
        output += text;
        (stream === 'stderr' ? process.stderr : process.stdout).write(text);
      },
      screenshot: async ({ name, waitForSelector, pressAfter }) => {
        if (!/^[\w.-]+$/.test(String(name))) throw new Error(`bad screenshot name ${JSON.stringify(name)}`);
        const shot = await takeScreenshot(page, join(screenshotsDir, `${name}.png`), { waitForSelector, pressAfter });
        log(`screenshot ${relative(repoRoot, shot.path)}${shot.warning ? ` (warning: ${shot.warning})` : ''}`);
        return shot.path;
      },
      render: async ({ name, html, colorScheme, width, height }) => {
        if (!/^[\w.-]+$/.test(String(name))) throw new Error(`bad screenshot name ${JSON.stringify(name)}`);
        const shot = await renderPage(page.context().browser(), String(html), join(screenshotsDir, `${name}.png`), {
          colorScheme,
          width,
          height,
        });
        log(`rendered ${relative(repoRoot, shot.path)} (${colorScheme})`);
        return shot;
      },
      finished: (outcome) => finished.resolve(outcome),
    },
  });
  cleanupSteps.push(() => report.close());
  writeFileSync(
    join(harness, 'harness.json'),
    JSON.stringify({ testsPath: options.testsPath, reportUrl: report.url, token }),
  );

  const server = await startCodeServer({
    entry,
    runDir,
    folder,
    extensionsDir,
    userDataDir,
    trustWorkspace: trusted,
    locale: options.locale,
    env: { READINESS_E2E_LABEL: label },
    logFile: join(resultsDir, 'code-server.log'),
  });
  cleanupSteps.push(() => server.stop());
  const crashed = server.exit.then((code) => {
    throw new Error(`code-server exited (${code}) during the run; see ${relative(repoRoot, server.logFile)}`);
  });
  crashed.catch(() => undefined); // raced below; it must not count as unhandled before that
  const browserLog = join(resultsDir, 'browser.log');
  const workbench = await openWorkbench(server.workbenchUrl, browserLog);
  page = workbench.page;
  cleanupSteps.push(() => workbench.browser.close());
  log(`workbench open at ${server.workbenchUrl}`);

  try {
    await withTimeout(
      Promise.race([started.promise, crashed]),
      STARTED_TIMEOUT_MS,
      `the harness did not start within ${STARTED_TIMEOUT_MS / 1000} s of opening the workbench; see ${relative(repoRoot, server.logFile)} and ${relative(repoRoot, browserLog)}`,
    );
    const outcome = await withTimeout(
      Promise.race([finished.promise, crashed]),
      SUITE_TIMEOUT_MS,
      `the suite did not finish within ${SUITE_TIMEOUT_MS / 1000} s (READINESS_E2E_TIMEOUT_S changes this); see ${relative(repoRoot, resultsDir)}`,
    );
    const { failed } = writeResult(outcome.passed, outcome.error);
    if (!outcome.passed) {
      if (failed === 0 && outcome.error) process.stderr.write(`${outcome.error}\n`);
      await saveFailureScreenshot(page, resultsDir);
    }
    return outcome.passed ? 0 : 1;
  } catch (error) {
    writeResult(false, error instanceof Error ? error.message : String(error));
    await saveFailureScreenshot(page, resultsDir);
    throw error;
  }
}

async function saveFailureScreenshot(page, resultsDir) {
  const path = join(resultsDir, 'failure.png');
  await page.screenshot({ path }).then(
    () => log(`the workbench at the failure: ${relative(repoRoot, path)}`),
    () => undefined,
  );
}

async function main() {
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ]) {
    process.on(signal, () => {
      log(`${signal}: stopping code-server and Chromium`);
      void cleanup().then(() => process.exit(code));
    });
  }
  let code;
  try {
    code = await runSuite(parseArgs(process.argv.slice(2)));
  } catch (error) {
    console.error(`[e2e] error: ${error instanceof Error ? error.message : String(error)}`);
    code = 1;
  }
  // Should a browser or server refuse to die, the run still ends.
  setTimeout(() => process.exit(code), 20_000).unref();
  await cleanup();
  process.exit(code);
}

await main();
