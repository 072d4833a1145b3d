// `npm run test:e2e`: bundles test/e2e into out/e2e, then runs each suite in a real VS Code
// through @vscode/test-electron's runTests.
//   default                 offline: scripts/e2e/launcher.mjs stands in for the VS Code
//                           executable and runs the suites in code-server (VS Code 1.100.3)
//   VSCODE_EXECUTABLE=path  that desktop VS Code (e.g. /usr/bin/code)
//   -- --desktop            desktop VS Code downloaded by test-electron (needs the internet)
//   -- --grep <text>        only the tests whose full title contains <text>
//   -- --suite <label>      only that suite (suite, restricted, emptyWorkspace, reload)
// Screenshots land in test-results/screenshots/, logs in test-results/e2e/<suite>/.
import { chmodSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';
import { runTests } from '@vscode/test-electron';
import { buildE2E, e2eOut, repoRoot } from './build.mjs';
import { startStagingStandIn } from './stagingStandIn.mjs';

const launcher = join(repoRoot, 'scripts', 'e2e', 'launcher.mjs');
const sampleWorkspace = join(repoRoot, 'test', 'fixtures', 'workspace');
const emptyWorkspace = join(repoRoot, 'test', 'fixtures', 'empty-workspace');
const desktop = process.env.VSCODE_EXECUTABLE || process.argv.includes('--desktop');
const grepAt = process.argv.indexOf('--grep');
const grep = grepAt >= 0 ? { READINESS_E2E_GREP: process.argv[grepAt + 1] ?? '' } : {};
const suiteAt = process.argv.indexOf('--suite');
const onlySuite = suiteAt >= 0 ? process.argv[suiteAt + 1] : undefined;

const suites = [
  { label: 'suite', title: 'trusted workspace' },
  // @vscode/test-electron always adds --disable-workspace-trust, so only our launcher, told by
  // this variable, can open the workspace untrusted.
  {
    label: 'restricted',
    title: 'Restricted Mode',
    env: { READINESS_E2E_WORKSPACE_TRUST: 'restricted' },
    offlineOnly: "desktop VS Code can't be started untrusted by @vscode/test-electron",
  },
  { label: 'emptyWorkspace', title: 'a folder without any checklist', folder: emptyWorkspace },
  // Runs in two windows: the suite reloads the first (workbench.action.reloadWindow), which only our
  // launcher can follow, and checks in the second what the reload kept.
  { label: 'reload', title: 'a window reload', offlineOnly: 'only the offline launcher follows a window reload' },
];

await buildE2E();
for (const folder of ['screenshots', 'e2e'])
  rmSync(join(repoRoot, 'test-results', folder), { recursive: true, force: true });
// Git may lose the executable bit (and test-electron spawns the launcher directly).
if (!desktop) chmodSync(launcher, 0o755);

// The smoke-test integration test runs its curl commands against this stand-in, on loopback.
const staging = await startStagingStandIn({ repoRoot });

let failedSuites = 0;
const chosen = suites.filter((suite) => onlySuite === undefined || suite.label === onlySuite);
if (chosen.length === 0) throw new Error(`no suite labelled ${onlySuite}`);
for (const suite of chosen) {
  if (desktop && suite.offlineOnly) {
    console.log(`\n[e2e] skipping the ${suite.title} suite: ${suite.offlineOnly}`);
    continue;
  }
  console.log(`\n[e2e] ${suite.title} (${suite.label})`);
  try {
    await runTests({
      ...(desktop
        ? process.env.VSCODE_EXECUTABLE
          ? { vscodeExecutablePath: process.env.VSCODE_EXECUTABLE }
          : {}
        : { vscodeExecutablePath: launcher }),
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: join(e2eOut, suite.label, 'index.js'),
      launchArgs: [suite.folder ?? sampleWorkspace, '--disable-extensions'],
      extensionTestsEnv: {
        READINESS_E2E_LABEL: suite.label,
        READINESS_E2E_STAGING_URL: staging.url,
        ...grep,
        ...suite.env,
      },
    });
  } catch (error) {
    failedSuites++;
    console.error(`[e2e] ${suite.title}: ${error instanceof Error ? error.message : String(error)}`);
    // Ctrl-C: test-electron has stopped the launcher; don't start the next suite.
    if (error?.signal === 'SIGINT' || error?.code === 130) {
      await staging.stop();
      process.exit(130);
    }
  }
}

// One closing line over every suite the offline launcher ran (it writes result.json per suite);
// a suite that failed without failing tests (it crashed or timed out) counts as one failure.
if (!desktop) {
  let passed = 0;
  let failed = 0;
  for (const suite of chosen) {
    const file = join(repoRoot, 'test-results', 'e2e', suite.label, 'result.json');
    const result = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : { ok: false, passed: 0, failed: 0 };
    passed += result.passed;
    failed += result.ok ? result.failed : Math.max(result.failed, 1);
  }
  console.log(`\ne2e: ${passed} passed, ${failed} failed`);
}
await staging.stop();
process.exit(failedSuites > 0 ? 1 : 0);
