import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { cliBundle, repoRoot } from '../support/paths';

function run(args: string[], cwd = repoRoot) {
  const result = spawnSync(process.execPath, [cliBundle, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'C' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const SAMPLE = 'test/fixtures/workspace/ENTREGABLES.md';
const COMPLETED = 'test/fixtures/gate/ENTREGABLES.completo.md';
const scratch = () => mkdtempSync(join(tmpdir(), 'readiness-report-'));

describe('readiness report', () => {
  test('markdown to stdout, for a job summary', () => {
    const { code, stdout } = run(['report', SAMPLE, '--format', 'md', '--today', '2025-12-10']);
    assert.equal(code, 0);
    assert.match(stdout, /^## ⛔ NO-GO · 📦 ENTREGABLES PARA SUPERVISOR DE PRODUCCIÓN\n/);
    assert.match(stdout, /<details><summary>Smoke tests \(7\)<\/summary>/);
  });

  test('HTML (the default) written atomically to --out, the verdict on stderr', () => {
    const dir = scratch();
    const out = join(dir, 'readiness.html');
    const { code, stdout, stderr } = run(['report', SAMPLE, '--out', out, '--today', '2025-12-10']);
    assert.equal(code, 0);
    assert.equal(stdout, '');
    assert.equal(stderr.trim(), `readiness: NO-GO: 6 of 6 blockers pending — report written to ${out}`);
    const html = readFileSync(out, 'utf8');
    assert.match(html, /^<!DOCTYPE html>/);
    // The file references were checked on disk: the sample workspace has no runbook.
    assert.match(html, /<code>docs\/runbook\.md<\/code><\/td><td>17<\/td><td><span class="ref missing">/);
    assert.deepEqual(readdirSync(dir), ['readiness.html']);
  });

  test('JSON is the report model', () => {
    const { code, stdout } = run(['report', COMPLETED, '--format', 'json', '--today', '2025-12-10']);
    assert.equal(code, 0);
    const model = JSON.parse(stdout) as { schema: string; verdict: { decision: string }; items: unknown[] };
    assert.equal(model.schema, 'readiness-report/1');
    assert.equal(model.verdict.decision, 'go');
    assert.equal(model.items.length, 21);
  });

  test('--gate: the exit code follows the verdict', () => {
    assert.equal(run(['report', SAMPLE, '--format', 'md', '--gate', '--today', '2025-12-10']).code, 1);
    assert.equal(run(['report', COMPLETED, '--format', 'md', '--gate', '--today', '2025-12-10']).code, 0);
  });

  test('exit 2 and nothing written on bad input', () => {
    const dir = scratch();
    const out = join(dir, 'r.html');
    for (const args of [
      ['report', 'node_modules/unified/readme.md', '--out', out],
      ['report', 'test/fixtures', '--out', out],
      ['report', 'no/such.md', '--out', out],
      ['report', SAMPLE, '--format', 'pdf', '--out', out],
      ['report', SAMPLE, COMPLETED, '--out', out],
    ]) {
      const result = run(args);
      assert.equal(result.code, 2, args.join(' '));
      assert.match(result.stderr, /^readiness: /);
    }
    assert.equal(existsSync(out), false);
    const unwritable = run(['report', SAMPLE, '--out', join(dir, 'missing-folder', 'r.html')]);
    assert.equal(unwritable.code, 2);
    assert.match(unwritable.stderr, /cannot be written \(ENOENT\)/);
  });
});
