// `readiness smoke --env NAME`: a run in an environment of .readiness.json goes to that environment's
// host only and stamps its evidence env=NAME; an unknown name is a usage error.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DEFAULT_LOG_TOKEN, startStagingServer, type StagingServer } from '../staging-server/server';
import { cliBundle, sampleText, sampleWorkspace } from '../support/paths';

function runCli(
  args: readonly string[],
  cwd: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [cliBundle, ...args], {
    cwd,
    env: { ...process.env, LANG: 'C', LOG_TOKEN: DEFAULT_LOG_TOKEN },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('readiness smoke --env', () => {
  let staging: StagingServer;
  let canary: StagingServer;
  let dir: string;
  before(async () => {
    staging = await startStagingServer();
    canary = await startStagingServer();
    dir = mkdtempSync(join(tmpdir(), 'readiness-env-'));
    mkdirSync(join(dir, 'test'));
    copyFileSync(join(sampleWorkspace, 'test', 'fixture.jpg'), join(dir, 'test', 'fixture.jpg'));
    writeFileSync(join(dir, 'ENTREGABLES.md'), sampleText());
    writeFileSync(
      join(dir, '.readiness.json'),
      JSON.stringify({
        environments: { staging: { baseUrl: staging.url }, canary: { baseUrl: canary.url } },
        environment: 'staging',
      }),
    );
  });
  after(async () => {
    await staging.close();
    await canary.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('a canary run sends only to the canary host and stamps env=canary', async () => {
    const result = await runCli(['smoke', 'ENTREGABLES.md', '--env', 'canary', '--only', '1,2', '--write'], dir);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(canary.requests.length, 2);
    assert.equal(staging.requests.length, 0);
    const stamps = readFileSync(join(dir, 'ENTREGABLES.md'), 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('<!-- readiness:evidence v1 '));
    assert.equal(stamps.length, 2);
    for (const stamp of stamps) {
      assert.match(stamp, / env=canary /);
      assert.ok(stamp.includes(`host=${new URL(canary.url).host}`), stamp);
    }
  });

  test("without --env, the file's current environment; an unknown one is a usage error", async () => {
    const current = await runCli(['smoke', 'ENTREGABLES.md', '--only', '1'], dir);
    assert.equal(current.code, 0, current.stderr);
    assert.equal(staging.requests.length, 1);
    const unknown = await runCli(['smoke', 'ENTREGABLES.md', '--env', 'prod'], dir);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /no environment "prod" .*configured: staging, canary/);
  });
});
