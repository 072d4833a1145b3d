// `readiness smoke` as a user runs it: dist/cli.js in a child process against the
// staging stand-in running in this process (so the child is spawned
// asynchronously, never with spawnSync, which would block the server).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DEFAULT_LOG_TOKEN, startStagingServer, type StagingServer } from '../staging-server/server';
import { cliBundle, sampleText, sampleWorkspace } from '../support/paths';

interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function runCli(
  args: readonly string[],
  options: { cwd: string; env?: Record<string, string | undefined> },
): Promise<CliResult> {
  const env: Record<string, string | undefined> = {
    ...process.env,
    LANG: 'C',
    LOG_TOKEN: DEFAULT_LOG_TOKEN,
    ...options.env,
  };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
  const child = spawn(process.execPath, [cliBundle, ...args], { cwd: options.cwd, env });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A copy of the sample workspace (the checklist and its upload fixture) in a temporary folder. */
function workspaceCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'readiness-smoke-'));
  mkdirSync(join(dir, 'test'));
  copyFileSync(join(sampleWorkspace, 'test', 'fixture.jpg'), join(dir, 'test', 'fixture.jpg'));
  writeFileSync(join(dir, 'ENTREGABLES.md'), sampleText());
  return dir;
}

/** The text outside item 3's shell block and the evidence stamps after it, which --write must leave alone. */
function outsideEvidence(text: string): string {
  const start = text.indexOf('```bash\n# ====');
  const rest = text
    .slice(text.indexOf('```', start + 10))
    .replace(/\n<!-- readiness:evidence v1 [^\n]* -->(?=\n)/g, '');
  return text.slice(0, start) + rest;
}

const LOGGED_KEY = 'sk-proj-0a1b2c3d4e5f6a7b8c9d0e1f';

describe('readiness smoke', () => {
  let server: StagingServer;
  before(async () => (server = await startStagingServer({ loggedSecret: LOGGED_KEY })));
  after(() => server.close());

  test('--write on a copy of the sample: one line per test, exit 0, evidence written and nothing else changed', async () => {
    const dir = workspaceCopy();
    const file = join(dir, 'ENTREGABLES.md');
    const before = readFileSync(file, 'utf8');
    const result = await runCli(['smoke', 'ENTREGABLES.md', '--base-url', server.url, '--write'], { cwd: dir });
    assert.equal(result.stderr, '');
    assert.equal(result.code, 0);
    const lines = result.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 8);
    assert.match(lines[0] ?? '', /^ 1 {2}GET {5}\/api\/health {15}200 +[\d.]+ ms {2}PASSED$/);
    assert.match(lines[4] ?? '', /^ 5 {2}POST {4}\/api\/upload-image {9}200 +[\d.]+ ms {2}PASSED$/);
    assert.equal(lines[7], '7 passed, 0 failed, 0 not run · evidence written to ENTREGABLES.md');

    const after = readFileSync(file, 'utf8');
    assert.notEqual(after, before);
    assert.equal(outsideEvidence(after), outsideEvidence(before));
    assert.ok(!after.includes('[PEGAR SALIDA AQUÍ]'));
    assert.equal(after.split('\n').filter((l) => l === 'Estado: ✅ PASSED').length, 7);
    assert.match(
      after,
      /\$ curl -sS -X GET "http:\/\/staging-host\/api\/health" \| jq\n\{\n {2}"status": "ok",\n {2}"service": "staging-stand-in",\n {2}"version": "1.0.0"\n\}\nEstado: ✅ PASSED\nTiempo de respuesta: [\d.]+ms\n/,
    );
    assert.match(after, /\nSessionId obtenido: sess_\d+\n/);
    assert.match(after, /\nLOG_TOKEN usado: Sí, se usó LOG_TOKEN \(valor no incluido\)\n/);
    // The token and the logged key reached neither the file nor the terminal.
    for (const secret of [DEFAULT_LOG_TOKEN, LOGGED_KEY]) {
      assert.ok(!after.includes(secret));
      assert.ok(!result.stdout.includes(secret) && !result.stderr.includes(secret));
    }
    assert.match(after, /OPENAI_API_KEY=\*\*\*/);
    // Written atomically: no temporary file left behind.
    assert.deepEqual(readdirSync(dir).sort(), ['ENTREGABLES.md', 'test']);

    // A second --write replaces the evidence in place.
    const again = await runCli(['smoke', 'ENTREGABLES.md', '--base-url', server.url, '--write'], { cwd: dir });
    assert.equal(again.code, 0);
    const twice = readFileSync(file, 'utf8');
    assert.equal(twice.split('\n').length, after.split('\n').length);
    assert.equal(twice.split('\n').filter((l) => l.startsWith('Estado: ')).length, 7);
  });

  test('--format json: the same results as data, secrets masked', async () => {
    const dir = workspaceCopy();
    const result = await runCli(
      ['smoke', 'ENTREGABLES.md', '--base-url', server.url, '--format', 'json', '--only', '1,2,7'],
      { cwd: dir },
    );
    assert.equal(result.code, 0);
    const report = JSON.parse(result.stdout) as {
      results: { number: string; outcome: string; status: number; request: { url: string }; output: string[] }[];
      summary: unknown;
      written: boolean;
    };
    assert.deepEqual(
      report.results.map((r) => [r.number, r.outcome, r.status]),
      [
        ['1', 'passed', 200],
        ['2', 'passed', 200],
        ['7', 'passed', 200],
      ],
    );
    assert.equal(report.results[2]?.request.url, `${server.url}/api/logs?token=***`);
    assert.deepEqual(report.summary, { passed: 3, failed: 0, notRun: 0, cancelled: 0 });
    assert.equal(report.written, false);
    for (const secret of [DEFAULT_LOG_TOKEN, LOGGED_KEY]) assert.ok(!result.stdout.includes(secret));
    assert.equal(readFileSync(join(dir, 'ENTREGABLES.md'), 'utf8'), sampleText());
  });

  test('the base URL and the captures come from .readiness.json', async () => {
    const dir = workspaceCopy();
    writeFileSync(join(dir, '.readiness.json'), JSON.stringify({ smoke: { baseUrl: server.url } }));
    const passed = await runCli(['smoke', 'ENTREGABLES.md', '--only', '2,3'], { cwd: dir });
    assert.equal(passed.code, 0, passed.stdout + passed.stderr);
    // <sid> bound to a path test 2's response does not have: test 3 cannot run.
    writeFileSync(
      join(dir, '.readiness.json'),
      JSON.stringify({ smoke: { baseUrl: server.url, captures: { sid: 'data.session' } } }),
    );
    const unbound = await runCli(['smoke', 'ENTREGABLES.md', '--only', '2,3'], { cwd: dir });
    assert.equal(unbound.code, 1, unbound.stdout + unbound.stderr);
    assert.match(unbound.stdout, /1 passed, 0 failed, 1 not run|1 passed, 1 failed/);
  });

  test('exit 1 when a test fails, with its reason on its line', async () => {
    const failing = await startStagingServer({ failing: ['/api/whatsapp-ticket'] });
    try {
      const result = await runCli(['smoke', 'ENTREGABLES.md', '--base-url', failing.url], { cwd: workspaceCopy() });
      assert.equal(result.code, 1);
      assert.match(
        result.stdout,
        /\n 6 {2}POST {4}\/api\/whatsapp-ticket {6}500 +[\d.]+ ms {2}FAILED {2}HTTP 500 Internal Server Error\n/,
      );
      assert.match(result.stdout, /6 passed, 1 failed, 0 not run\n$/);
    } finally {
      await failing.close();
    }
  });

  test('--timeout fails a request that takes longer', async () => {
    const held = server.hold('/api/health');
    const result = await runCli(
      ['smoke', 'ENTREGABLES.md', '--base-url', server.url, '--only', '1', '--timeout', '200'],
      { cwd: workspaceCopy() },
    );
    await held.arrived;
    held.release();
    assert.equal(result.code, 1);
    assert.match(result.stdout, /FAILED {2}no response within 0\.2 s \(timed out\)/);
  });

  test('a secret missing from the environment: the test is not run, exit 1, a hint on stderr', async () => {
    const result = await runCli(['smoke', 'ENTREGABLES.md', '--base-url', server.url, '--only', '7'], {
      cwd: workspaceCopy(),
      env: { LOG_TOKEN: undefined },
    });
    assert.equal(result.code, 1);
    assert.match(result.stdout, /NOT RUN {2}secret LOG_TOKEN was not provided/);
    assert.match(result.stderr, /readiness: set the environment variable LOG_TOKEN to run smoke test 7/);
  });

  test('a read-only file is left untouched with --write: exit 2', async () => {
    const dir = workspaceCopy();
    const file = join(dir, 'ENTREGABLES.md');
    chmodSync(file, 0o444);
    const result = await runCli(['smoke', 'ENTREGABLES.md', '--base-url', server.url, '--only', '1', '--write'], {
      cwd: dir,
    });
    assert.equal(result.code, 2);
    assert.match(
      result.stderr,
      /ENTREGABLES\.md: evidence not written \(the file is read-only\); the file is unchanged/,
    );
    assert.equal(readFileSync(file, 'utf8'), sampleText());
    assert.deepEqual(readdirSync(dir).sort(), ['ENTREGABLES.md', 'test']);
  });

  describe('usage errors exit 2 with a clear message', () => {
    const cases: [string, string[], RegExp][] = [
      ['no --base-url', ['smoke', 'ENTREGABLES.md'], /--base-url is required/],
      [
        'a base URL that is not http(s)',
        ['smoke', 'ENTREGABLES.md', '--base-url', 'staging'],
        /--base-url must be an http\(s\) URL/,
      ],
      ['no file', ['smoke', '--base-url', 'http://127.0.0.1:9'], /smoke needs the checklist FILE/],
      [
        'a missing file',
        ['smoke', 'missing.md', '--base-url', 'http://127.0.0.1:9'],
        /missing\.md: no such file or directory/,
      ],
      [
        'a bad --format',
        ['smoke', 'ENTREGABLES.md', '--base-url', 'http://127.0.0.1:9', '--format', 'xml'],
        /--format must be text or json/,
      ],
      [
        'a bad --timeout',
        ['smoke', 'ENTREGABLES.md', '--base-url', 'http://127.0.0.1:9', '--timeout', 'soon'],
        /--timeout must be a positive number/,
      ],
      [
        'an unknown test in --only',
        ['smoke', 'ENTREGABLES.md', '--base-url', 'http://127.0.0.1:9', '--only', '2,9'],
        /no smoke test 9 \(its tests are 1, 2, 3, 4, 5, 6, 7\)/,
      ],
      [
        'a file without smoke tests',
        ['smoke', 'README.md', '--base-url', 'http://127.0.0.1:9'],
        /README\.md: no smoke tests/,
      ],
      [
        'an unknown option',
        ['smoke', 'ENTREGABLES.md', '--base-url', 'http://127.0.0.1:9', '--frobnicate'],
        /Unknown option '--frobnicate'/,
      ],
    ];
    for (const [name, args, message] of cases) {
      test(name, async () => {
        const dir = workspaceCopy();
        writeFileSync(join(dir, 'README.md'), '# Readme\n\n```bash\n$ curl http://h\n```\n');
        const result = await runCli(args, { cwd: dir });
        assert.equal(result.code, 2);
        assert.equal(result.stdout, '');
        assert.match(result.stderr, message);
      });
    }
  });
});
