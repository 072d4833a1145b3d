// Evidence you can trust, from the command line: `readiness smoke --write` stamps
// each result, `readiness check` reads the stamps back (edited, stale by command,
// age or host, done with a failing test), and `readiness verify` re-runs the tests
// against the staging stand-in and reports drift, with a JUnit report.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { DEFAULT_LOG_TOKEN, startStagingServer, type StagingServer } from '../staging-server/server';
import { cliBundle, sampleText, sampleWorkspace } from '../support/paths';

interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function runCli(
  args: readonly string[],
  cwd: string,
  extraEnv: Record<string, string | undefined> = {},
): Promise<CliResult> {
  const env: Record<string, string | undefined> = {
    ...process.env,
    LANG: 'C',
    LOG_TOKEN: DEFAULT_LOG_TOKEN,
    ...extraEnv,
  };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
  const child = spawn(process.execPath, [cliBundle, ...args], { cwd, env });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function workspaceCopy(text = sampleText()): string {
  const dir = mkdtempSync(join(tmpdir(), 'readiness-evidence-'));
  mkdirSync(join(dir, 'test'));
  copyFileSync(join(sampleWorkspace, 'test', 'fixture.jpg'), join(dir, 'test', 'fixture.jpg'));
  writeFileSync(join(dir, 'ENTREGABLES.md'), text);
  return dir;
}

interface JsonFinding {
  readonly code: string;
  readonly message: string;
  readonly range: { start: { line: number } };
}

interface JsonEvidence {
  readonly test: string;
  readonly state: string;
  readonly stale: string[];
  readonly failures: string[];
}

/** `readiness check --format json` of the workspace's checklist: its diagnostics of the given codes, and its evidence. */
async function checkJson(
  dir: string,
  extra: readonly string[] = [],
): Promise<{ diagnostics: JsonFinding[]; evidence: JsonEvidence[] }> {
  const result = await runCli(['check', 'ENTREGABLES.md', '--format', 'json', '--fail-on', 'none', ...extra], dir);
  assert.equal(result.code, 0, result.stderr);
  const json = JSON.parse(result.stdout) as { files: { diagnostics: JsonFinding[]; evidence: JsonEvidence[] }[] };
  return json.files[0] ?? assert.fail('one file');
}

async function findings(dir: string, codes: readonly string[], extra: readonly string[] = []): Promise<JsonFinding[]> {
  return (await checkJson(dir, extra)).diagnostics.filter((f) => codes.includes(f.code));
}

const lineOf = (dir: string, needle: string): number =>
  readFileSync(join(dir, 'ENTREGABLES.md'), 'utf8')
    .split('\n')
    .findIndex((l) => l.includes(needle));

const localToday = (offsetDays = 0): string => {
  const d = new Date(Date.now() + offsetDays * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

const markDone = (text: string): string =>
  text.replace(/(### 3\. Smoke Tests[\s\S]*?\*\*Estado\*\*: )⏳ Pendiente/, '$1✅ Completado');

describe('readiness smoke --write, then readiness check: the stamps hold the evidence to account', () => {
  let server: StagingServer;
  let dir: string;
  let stamped: string;
  before(async () => {
    server = await startStagingServer();
    dir = workspaceCopy();
    const run = await runCli(['smoke', 'ENTREGABLES.md', '--base-url', server.url, '--write'], dir);
    assert.equal(run.code, 0, run.stderr);
    stamped = readFileSync(join(dir, 'ENTREGABLES.md'), 'utf8');
  });
  after(() => server.close());

  const rewrite = (text: string) => writeFileSync(join(dir, 'ENTREGABLES.md'), text);
  const rerun = async (...only: string[]) => {
    const result = await runCli(
      [
        'smoke',
        'ENTREGABLES.md',
        '--base-url',
        server.url,
        '--write',
        ...(only.length ? ['--only', only.join(',')] : []),
      ],
      dir,
    );
    assert.ok(result.code === 0 || result.code === 1, result.stderr);
  };

  test('right after the run: seven stamps, nothing stale or edited', async () => {
    assert.equal(
      stamped.match(
        /^<!-- readiness:evidence v1 test=\d ran=\S+ host=127\.0\.0\.1:\d+ runner=0\.1\.0 cmd=sha256:[0-9a-f]{16} status=200 ms=\d+ result=passed out=sha256:[0-9a-f]{16} -->$/gm,
      )?.length,
      7,
    );
    rewrite(stamped);
    assert.deepEqual(
      await findings(dir, ['stale-evidence', 'edited-evidence', 'stale-signoff'], ['--base-url', server.url]),
      [],
    );
    assert.deepEqual(
      (await checkJson(dir)).evidence.map((e) => e.state),
      Array(7).fill('verified'),
    );
  });

  test('(a) a pasted output edited by hand is edited-evidence; re-running clears it', async () => {
    rewrite(stamped.replace('"service": "staging-stand-in"', '"service": "otro"'));
    const found = await findings(dir, ['edited-evidence']);
    assert.deepEqual(
      found.map((f) => f.message),
      ['The evidence of smoke test 1 was edited after it ran: it no longer matches its stamp. Re-run the test.'],
    );
    assert.deepEqual(
      (await checkJson(dir)).evidence.map((e) => e.state),
      ['edited', ...Array<string>(6).fill('verified')],
    );
    await rerun('1');
    assert.deepEqual(await findings(dir, ['edited-evidence']), []);
  });

  test('(b) a changed command is stale-evidence; re-running clears it', async () => {
    rewrite(stamped.replace(`-d '{}' | jq`, `-d '{"canal":"qa"}' | jq`));
    const found = await findings(dir, ['stale-evidence']);
    assert.deepEqual(
      found.map((f) => f.message),
      ['The evidence of smoke test 2 is stale: the command changed since it ran. Re-run the test.'],
    );
    assert.equal(found[0]?.range.start.line, lineOf(dir, '$ curl -sS -X POST "http://staging-host/api/greeting"'));
    await rerun('2');
    assert.deepEqual(await findings(dir, ['stale-evidence']), []);
  });

  test('(c) ten days later the evidence is stale by age; another base URL makes it stale by host', async () => {
    rewrite(stamped);
    const old = await findings(dir, ['stale-evidence'], ['--today', localToday(10)]);
    assert.equal(old.length, 7);
    assert.match(old[0]?.message ?? '', /it ran 10 days ago \(the limit is 7: readiness\.evidence\.maxAgeDays\)/);
    assert.equal(
      (await findings(dir, ['stale-evidence'], ['--today', localToday(10), '--max-age-days', '14'])).length,
      0,
    );
    const elsewhere = await findings(dir, ['stale-evidence'], ['--base-url', 'https://staging.example.com']);
    assert.equal(elsewhere.length, 7);
    assert.match(
      elsewhere[0]?.message ?? '',
      /it ran against 127\.0\.0\.1:\d+, and the base URL is now staging\.example\.com/,
    );
    assert.deepEqual(
      (await checkJson(dir, ['--base-url', 'https://staging.example.com'])).evidence.map((e) => e.stale),
      Array(7).fill(['host']),
    );
  });

  test('(d) item 3 marked done with one test failing is a status-mismatch; a passing re-run clears it', async () => {
    server.configure({ failing: ['/api/whatsapp-ticket'] });
    try {
      rewrite(markDone(stamped));
      await rerun();
    } finally {
      server.configure({ failing: [] });
    }
    const found = (await findings(dir, ['status-mismatch'])).filter((f) => f.message.includes('shows a failure'));
    assert.equal(found.length, 1);
    assert.match(
      found[0]?.message ?? '',
      /^Item 3 · Smoke Tests is marked done, but smoke test 6 shows a failure: its status says "❌ FAILED \(HTTP 500/,
    );
    await rerun('6');
    assert.deepEqual(
      (await findings(dir, ['status-mismatch'])).filter((f) => f.message.includes('shows a failure')),
      [],
    );
  });
});

describe('readiness verify', () => {
  let server: StagingServer;
  let dir: string;
  before(async () => {
    server = await startStagingServer();
    dir = workspaceCopy();
    const run = await runCli(['smoke', 'ENTREGABLES.md', '--base-url', server.url, '--write'], dir);
    assert.equal(run.code, 0, run.stderr);
  });
  after(() => server.close());

  test('passes right after a run, and writes nothing', async () => {
    const before = readFileSync(join(dir, 'ENTREGABLES.md'), 'utf8');
    const result = await runCli(['verify', 'ENTREGABLES.md', '--base-url', server.url], dir);
    assert.equal(result.code, 0, result.stdout + result.stderr);
    const lines = result.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 8);
    assert.match(lines[0] ?? '', /^ 1 {2}GET {5}\/api\/health {15}UNCHANGED$/);
    assert.match(
      lines[7] ?? '',
      /^7 verified against http:\/\/127\.0\.0\.1:\d+: 7 unchanged, 0 drifted, 0 could not run, 0 without evidence · ENTREGABLES\.md not written$/,
    );
    assert.equal(readFileSync(join(dir, 'ENTREGABLES.md'), 'utf8'), before);
  });

  test("reports drift when the stand-in changes a response's shape: exit 1, and a JUnit report with the failure", async () => {
    const before = readFileSync(join(dir, 'ENTREGABLES.md'), 'utf8');
    server.configure({ changedShape: true });
    let result: CliResult;
    try {
      result = await runCli(
        ['verify', 'ENTREGABLES.md', '--base-url', server.url, '--junit', 'reports/verify.xml'],
        dir,
      );
    } finally {
      server.configure({ changedShape: false });
    }
    assert.equal(result.code, 1, result.stderr);
    assert.match(
      result.stdout,
      /^ 1 {2}GET {5}\/api\/health {15}DRIFT {2}shape: \.version: string → number; shape: added \.uptimeSeconds \(number\)$/m,
    );
    assert.match(result.stdout, /: 6 unchanged, 1 drifted, 0 could not run, 0 without evidence/);
    assert.equal(readFileSync(join(dir, 'ENTREGABLES.md'), 'utf8'), before);

    const xml = readFileSync(join(dir, 'reports', 'verify.xml'), 'utf8');
    assert.equal(XMLValidator.validate(xml), true);
    const parsed = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      isArray: (name) => ['testsuite', 'testcase'].includes(name),
    }).parse(xml) as {
      testsuites: {
        tests: string;
        failures: string;
        errors: string;
        skipped: string;
        testsuite: {
          name: string;
          tests: string;
          failures: string;
          errors: string;
          skipped: string;
          time: string;
          timestamp: string;
          testcase: {
            classname: string;
            name: string;
            time: string;
            failure?: { message: string; type: string; '#text': string };
          }[];
        }[];
      };
    };
    const suites = parsed.testsuites;
    assert.deepEqual([suites.tests, suites.failures, suites.errors, suites.skipped], ['7', '1', '0', '0']);
    assert.equal(suites.testsuite.length, 1);
    const suite = suites.testsuite[0] ?? assert.fail('a testsuite');
    assert.equal(suite.name, 'readiness verify ENTREGABLES.md');
    assert.deepEqual([suite.tests, suite.failures, suite.errors, suite.skipped], ['7', '1', '0', '0']);
    assert.match(suite.time, /^\d+\.\d{3}$/);
    assert.match(suite.timestamp, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
    assert.equal(suite.testcase.length, 7);
    assert.ok(suite.testcase.every((c) => c.classname === 'ENTREGABLES.md' && /^\d+\.\d{3}$/.test(c.time)));
    assert.deepEqual(suite.testcase.map((c) => c.name).slice(0, 2), [
      'smoke test 1: GET /api/health',
      'smoke test 2: POST /api/greeting',
    ]);
    const failed = suite.testcase.filter((c) => c.failure);
    assert.equal(failed.length, 1);
    assert.equal(failed[0]?.failure?.type, 'drift');
    assert.equal(failed[0]?.failure?.message, 'shape: .version: string → number');
    assert.equal(
      failed[0]?.failure?.['#text'],
      'shape: .version: string → number\nshape: added .uptimeSeconds (number)',
    );
  });

  test('a status that changed is drift; a test that cannot run is an error (exit 2) and a JUnit <error>', async () => {
    server.configure({ failing: ['/api/whatsapp-ticket'] });
    try {
      const drift = await runCli(['verify', 'ENTREGABLES.md', '--base-url', server.url, '--format', 'json'], dir);
      assert.equal(drift.code, 1);
      const json = JSON.parse(drift.stdout) as {
        tests: { number: string; verdict: string; differences: string[]; evidence: string }[];
      };
      const sixth = json.tests.find((t) => t.number === '6');
      assert.equal(sixth?.verdict, 'drift');
      assert.equal(sixth?.evidence, 'stamped');
      assert.deepEqual(sixth?.differences.slice(0, 2), [
        'status 200 → 500',
        'PASSED → FAILED (HTTP 500 Internal Server Error)',
      ]);
    } finally {
      server.configure({ failing: [] });
    }
    const noToken = await runCli(['verify', 'ENTREGABLES.md', '--base-url', server.url, '--junit', 'errors.xml'], dir, {
      LOG_TOKEN: undefined,
    });
    assert.equal(noToken.code, 2);
    assert.match(noToken.stdout, /^ 7 {2}GET {5}\/api\/logs {17}ERROR {2}secret LOG_TOKEN was not provided/m);
    const xml = readFileSync(join(dir, 'errors.xml'), 'utf8');
    assert.equal(XMLValidator.validate(xml), true);
    assert.match(
      xml,
      /<testsuites name="readiness verify ENTREGABLES\.md" tests="7" failures="0" errors="1" skipped="0"/,
    );
    assert.match(xml, /<error message="secret LOG_TOKEN was not provided[^"]*" type="not-run"\/>/);
  });

  test('evidence pasted by hand is compared too, and said to be unverified; tests without evidence are skipped', async () => {
    const byHand = sampleText()
      .replace('[PEGAR SALIDA AQUÍ]', '{\n  "status": "ok",\n  "service": "staging-stand-in",\n  "version": "1.0.0"\n}')
      .replace('Estado: [✅ PASSED / ❌ FAILED]', 'Estado: ✅ PASSED');
    const handDir = workspaceCopy(byHand);
    const result = await runCli(['verify', 'ENTREGABLES.md', '--base-url', server.url, '--junit', 'v.xml'], handDir);
    assert.equal(result.code, 0, result.stdout);
    assert.match(result.stdout, /^ 1 {2}GET {5}\/api\/health {15}UNCHANGED \(evidence unverified: no stamp\)$/m);
    assert.match(result.stdout, /^ 2 {2}POST {4}\/api\/greeting {13}SKIPPED {2}no evidence pasted in the document$/m);
    assert.match(readFileSync(join(handDir, 'v.xml'), 'utf8'), /tests="7" failures="0" errors="0" skipped="6"/);
  });

  test('reads from the environment only the secrets the checklist declares, and those named with --secret-env', async () => {
    // Test 7 now names a variable the checklist's secrets list does not declare.
    const undeclaredDir = workspaceCopy(
      readFileSync(join(dir, 'ENTREGABLES.md'), 'utf8').replace('token=<LOG_TOKEN>', 'token=<AWS_SECRET_ACCESS_KEY>'),
    );
    const planted = { AWS_SECRET_ACCESS_KEY: DEFAULT_LOG_TOKEN };
    const unread = await runCli(['verify', 'ENTREGABLES.md', '--base-url', server.url], undeclaredDir, planted);
    assert.equal(unread.code, 2, unread.stdout + unread.stderr);
    assert.match(
      unread.stdout,
      /^ 7 {2}GET {5}\/api\/logs {17}ERROR {2}<AWS_SECRET_ACCESS_KEY> is not a secret the checklist's secrets list declares: its value was not read/m,
    );
    const named = await runCli(
      ['verify', 'ENTREGABLES.md', '--base-url', server.url, '--secret-env', 'AWS_SECRET_ACCESS_KEY'],
      undeclaredDir,
      planted,
    );
    assert.equal(named.code, 0, named.stdout + named.stderr);
    assert.match(named.stdout, /^ 7 {2}GET {5}\/api\/logs {17}UNCHANGED$/m);
    const bad = await runCli(
      ['verify', 'ENTREGABLES.md', '--base-url', server.url, '--secret-env', 'lower-case'],
      undeclaredDir,
    );
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--secret-env takes an environment variable name/);
  });

  test('usage errors exit 2', async () => {
    for (const [args, message] of [
      [['verify', 'ENTREGABLES.md'], /--base-url is required/],
      [['verify', '--base-url', server.url], /verify needs the checklist FILE/],
      [['verify', 'missing.md', '--base-url', server.url], /missing\.md: no such file or directory/],
      [['verify', 'ENTREGABLES.md', '--base-url', 'ftp://x'], /--base-url must be an http\(s\) URL/],
    ] as const) {
      const result = await runCli(args, dir);
      assert.equal(result.code, 2);
      assert.match(result.stderr, message);
    }
  });
});
