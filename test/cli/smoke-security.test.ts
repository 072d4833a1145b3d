// `readiness smoke` as CI runs it, against loopback servers that record every request:
// the environment is read only for the names the checklist's secrets list declares or
// --secret-env names, and a redirect to another host carries no credentials or body.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startRecordingServer, type RecordingServer } from '../support/recordingServer';
import { cliBundle } from '../support/paths';

interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function runCli(args: readonly string[], cwd: string, env: Record<string, string>): Promise<CliResult> {
  const child = spawn(process.execPath, [cliBundle, ...args], { cwd, env: { ...process.env, LANG: 'C', ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function checklistIn(commands: readonly string[], secretsList: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'readiness-smoke-sec-'));
  const tests = commands
    .map((c, i) => `# SMOKE TEST ${i + 1}: test ${i + 1}\n$ ${c}\nEstado: [✅ PASSED / ❌ FAILED]\n`)
    .join('\n');
  writeFileSync(join(dir, 'payload.json'), '{"file":"payload-Yt6uI9oP"}');
  writeFileSync(
    join(dir, 'ENTREGABLES.md'),
    `# Entregables\n\n## 🔴 BLOQUERS\n\n### 1. Smoke tests\n\n**Estado**: ⏳ Pendiente\n\n\`\`\`bash\n${tests}\`\`\`\n\n### 2. Secrets\n\n**Estado**: ⏳ Pendiente\n\n${secretsList}\n`,
  );
  return dir;
}

// Values planted in the environment of the CLI; only the declared ones may arrive anywhere.
const PLANTED = {
  LOG_TOKEN: 'declared-log-Hq2wE4rT',
  DEPLOY_TOKEN: 'flagged-deploy-Zx8cV6bN',
  AWS_SECRET_ACCESS_KEY: 'aws-undeclared-Pl0oK9iJ',
  GITHUB_TOKEN: 'gh-undeclared-Mn3bV5cX',
  HOME: '/home/undeclared-Qa1sD2fG',
  PATH: `/usr/bin:/undeclared-Wz7xE3dC:${process.env['PATH'] ?? ''}`,
};

describe('readiness smoke: environment variables by declaration only', () => {
  let staging: RecordingServer;
  before(async () => (staging = await startRecordingServer()));
  after(() => staging.close());

  test('undeclared names are unresolved and never read; declared and --secret-env names are sent', async () => {
    const dir = checklistIn(
      [
        'curl -sS "http://staging-host/declared?token=<LOG_TOKEN>"',
        'curl -sS -H "Authorization: Bearer <DEPLOY_TOKEN>" "http://staging-host/flagged"',
        'curl -sS "http://staging-host/aws?key=<AWS_SECRET_ACCESS_KEY>"',
        'curl -sS -d "home=<HOME>&path=<PATH>" "http://staging-host/env"',
        'curl -sS -H "X-Token: $GITHUB_TOKEN" "http://staging-host/shell"',
      ],
      'Secrets confirmados:\n- [ ] LOG_TOKEN (existe, policy configurada)',
    );
    const result = await runCli(
      ['smoke', 'ENTREGABLES.md', '--base-url', staging.url, '--secret-env', 'DEPLOY_TOKEN'],
      dir,
      PLANTED,
    );
    assert.equal(result.code, 1);
    const lines = result.stdout.split('\n');
    assert.match(lines[0] ?? '', /^ 1 .*PASSED$/);
    assert.match(lines[1] ?? '', /^ 2 .*PASSED$/);
    assert.match(
      lines[2] ?? '',
      /NOT RUN {2}<AWS_SECRET_ACCESS_KEY> is not a secret the checklist's secrets list declares: its value was not read$/,
    );
    assert.match(lines[3] ?? '', /NOT RUN {2}<HOME> is not a secret/);
    assert.match(lines[4] ?? '', /NOT RUN {2}<GITHUB_TOKEN> is not a secret/);
    assert.match(
      result.stderr,
      /smoke test 3 uses <AWS_SECRET_ACCESS_KEY>, which the checklist's secrets list does not declare: the environment variable was not read \(list it under the checklist's "Secrets:" or pass --secret-env AWS_SECRET_ACCESS_KEY\)/,
    );

    const arrived = staging.everything();
    assert.ok(arrived.includes(PLANTED.LOG_TOKEN), 'the declared LOG_TOKEN was sent');
    assert.ok(arrived.includes(PLANTED.DEPLOY_TOKEN), 'the --secret-env DEPLOY_TOKEN was sent');
    for (const name of ['AWS_SECRET_ACCESS_KEY', 'GITHUB_TOKEN', 'HOME', 'PATH'] as const) {
      const value = name === 'PATH' ? '/undeclared-Wz7xE3dC' : PLANTED[name];
      assert.ok(!arrived.includes(value), `${name} reached the server`);
      assert.ok(!result.stdout.includes(value) && !result.stderr.includes(value), `${name} was printed`);
    }
    assert.deepEqual(
      staging.requests.map((r) => r.url.split('?')[0]),
      ['/declared', '/flagged'],
    );
    // Nothing secret in what the CLI printed either.
    assert.ok(!result.stdout.includes(PLANTED.LOG_TOKEN) && !result.stdout.includes(PLANTED.DEPLOY_TOKEN));
  });

  test('a secrets section under a heading declares names too; --secret-env rejects what is not a variable name', async () => {
    const before = staging.requests.length;
    const dir = checklistIn(
      ['curl -sS "http://staging-host/h?token=<LOG_TOKEN>&k=<API_KEY>"'],
      '### Secrets\n- `LOG_TOKEN`\n- API_KEY: the partner API key',
    );
    const result = await runCli(['smoke', 'ENTREGABLES.md', '--base-url', staging.url], dir, {
      LOG_TOKEN: PLANTED.LOG_TOKEN,
      API_KEY: 'api-key-Rf4tG6yH',
    });
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.equal(staging.requests.length, before + 1);
    const bad = await runCli(
      ['smoke', 'ENTREGABLES.md', '--base-url', staging.url, '--secret-env', 'lower-case'],
      dir,
      {},
    );
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--secret-env takes an environment variable name such as LOG_TOKEN/);
  });
});

describe('readiness smoke: redirects to another host', () => {
  let staging: RecordingServer;
  let other: RecordingServer;
  before(async () => {
    staging = await startRecordingServer('127.0.0.1');
    other = await startRecordingServer('127.0.0.2');
  });
  after(async () => {
    await staging.close();
    await other.close();
  });

  test('refused without --allow-host; allowed, it gets no Authorization, Cookie or body', async () => {
    const to = (status: number) =>
      `http://staging-host/redirect/${status}?to=${encodeURIComponent(`${other.url}/landed`)}`;
    const dir = checklistIn(
      [
        `curl -sS -L -u admin:pw-Bg5nH7jK -H "Cookie: sid=ck-Uy6tR4eW" "${to(302)}"`,
        `curl -sS -L -X POST -d @payload.json "${to(303)}"`,
        `curl -sS -L -d @payload.json "${to(307)}"`,
      ],
      'Secrets:\n- LOG_TOKEN',
    );
    const refused = await runCli(['smoke', 'ENTREGABLES.md', '--base-url', staging.url, '--only', '1'], dir, {});
    assert.equal(refused.code, 1);
    assert.match(
      refused.stdout,
      new RegExp(`FAILED {2}${other.host.replace(/\./g, '\\.')} is neither the staging host nor an allowed host`),
    );
    assert.equal(other.requests.length, 0);

    const allowed = await runCli(
      ['smoke', 'ENTREGABLES.md', '--base-url', staging.url, '--allow-host', other.host],
      dir,
      {},
    );
    assert.equal(allowed.code, 1);
    const lines = allowed.stdout.split('\n');
    assert.match(lines[0] ?? '', /PASSED$/);
    assert.match(lines[1] ?? '', /PASSED$/);
    assert.match(
      lines[2] ?? '',
      /FAILED {2}HTTP 307: redirect to another host \(127\.0\.0\.2:\d+\); the POST body is not sent there again$/,
    );
    assert.deepEqual(
      other.requests.map((r) => [r.method, r.headers.authorization, r.headers.cookie, r.body]),
      [
        ['GET', undefined, undefined, ''],
        ['GET', undefined, undefined, ''],
      ],
    );
    for (const value of ['pw-Bg5nH7jK', btoa('admin:pw-Bg5nH7jK'), 'ck-Uy6tR4eW', 'payload-Yt6uI9oP'])
      assert.ok(!other.everything().includes(value), `${value} reached the other host`);
    assert.ok(staging.everything().includes('payload-Yt6uI9oP'));
  });
});
