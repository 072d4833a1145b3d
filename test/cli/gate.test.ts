import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { cliBundle, repoRoot } from '../support/paths';

function run(args: string[], cwd = repoRoot, lang = 'C') {
  const result = spawnSync(process.execPath, [cliBundle, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, LANG: lang },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const SAMPLE = 'test/fixtures/workspace/ENTREGABLES.md';
const COMPLETED = 'test/fixtures/gate/ENTREGABLES.completo.md';
const FAILED_SMOKE = 'test/fixtures/gate/ENTREGABLES.smoke-fallido.md';
const PENDING_NO_BLANKS = 'test/fixtures/gate/release-checklist.md';

interface GateJson {
  decision: string;
  files: {
    path: string;
    verdict: {
      decision: string;
      reasons: { itemId: string; line: number; message: string }[];
      conditions: unknown[];
    } | null;
  }[];
}

interface Sarif {
  runs: {
    properties: { decision: string; checklists: { path: string; decision: string }[] };
    results: {
      ruleId: string;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { region: { startLine: number } } }[];
    }[];
  }[];
}

describe('readiness gate', () => {
  test('the sample: NO-GO, exit 1, its six blockers as path:line reasons', () => {
    const { code, stdout } = run(['gate', SAMPLE, '--today', '2025-12-01']);
    assert.equal(code, 1);
    const lines = stdout.split('\n');
    assert.equal(lines[0], `NO-GO: 6 of 6 blockers pending — ${SAMPLE}`);
    assert.equal(lines[1], 'Reasons (6):');
    assert.equal(lines[2], `  ${SAMPLE}:24: Item 1 · PR Final Aprobado: pending; 2 open blank(s)`);
    assert.ok(lines.includes('Conditions (15):'));
  });

  test('a completed checklist: GO, exit 0, even with conditions (files it names that are not in this repo)', () => {
    const { code, stdout } = run(['gate', COMPLETED, '--today', '2025-12-10']);
    assert.equal(code, 0, stdout);
    assert.match(stdout.split('\n')[0] ?? '', /^GO: all blockers done, with \d+ condition\(s\) — /);
    assert.doesNotMatch(stdout, /Reasons/);
  });

  test('a blocker done but with a failing smoke test: NO-GO naming the test', () => {
    const { code, stdout } = run(['gate', FAILED_SMOKE, '--today', '2025-12-10']);
    assert.equal(code, 1);
    assert.match(
      stdout,
      new RegExp(
        `${FAILED_SMOKE}:137: Item 3 · Smoke Tests: smoke test 4 /api/chat failed: status "❌ FAILED \\(HTTP 500\\)"`,
      ),
    );
  });

  test('blockers pending with no blanks: check passes (a lint gate), gate says NO-GO with exit 1', () => {
    assert.equal(run(['check', PENDING_NO_BLANKS, '--today', '2026-02-03']).code, 0);
    const gate = run(['gate', PENDING_NO_BLANKS, '--today', '2026-02-03']);
    assert.equal(gate.code, 1);
    assert.match(gate.stdout, /NO-GO: 2 of 2 blockers pending/);
    const viaCheck = run(['check', '--gate', PENDING_NO_BLANKS, '--today', '2026-02-03']);
    assert.deepEqual(viaCheck, gate);
  });

  test('several checklists: NO-GO when any is, with a closing line', () => {
    const { code, stdout } = run(['gate', COMPLETED, PENDING_NO_BLANKS, '--today', '2026-02-03']);
    assert.equal(code, 1);
    assert.equal(stdout.trim().split('\n').at(-1), 'NO-GO: 1 of 2 checklists not ready');
  });

  test('in Spanish with LANG=es', () => {
    const { stdout } = run(['gate', SAMPLE, '--today', '2025-12-01'], repoRoot, 'es_AR.UTF-8');
    assert.match(stdout, /^NO-GO: 6 de 6 bloquers pendientes/);
    assert.match(stdout, /Motivos \(6\):/);
  });

  test('--format json carries the verdict of each checklist and the decision', () => {
    const { code, stdout } = run([
      'gate',
      SAMPLE,
      PENDING_NO_BLANKS,
      'node_modules/unified/readme.md',
      '--format',
      'json',
      '--today',
      '2025-12-01',
    ]);
    assert.equal(code, 1);
    const report = JSON.parse(stdout) as GateJson;
    assert.equal(report.decision, 'no-go');
    assert.deepEqual(
      report.files.map((f) => [f.path, f.verdict?.decision ?? null]),
      [
        [SAMPLE, 'no-go'],
        [PENDING_NO_BLANKS, 'no-go'],
        ['node_modules/unified/readme.md', null],
      ],
    );
    assert.deepEqual(
      report.files[0]?.verdict?.reasons.map((r) => r.itemId),
      ['1', '2', '3', '4', '5', '6'],
    );
  });

  test('--format sarif: the verdict in the run properties and an error result per reason', () => {
    const { code, stdout } = run(['gate', SAMPLE, '--format', 'sarif', '--today', '2025-12-01']);
    assert.equal(code, 1);
    const run0 = (JSON.parse(stdout) as Sarif).runs[0];
    assert.equal(run0?.properties.decision, 'no-go');
    assert.equal(run0?.properties.checklists[0]?.decision, 'no-go');
    const reasons = run0?.results.filter((r) => r.ruleId === 'gate/no-go-reason') ?? [];
    assert.equal(reasons.length, 6);
    assert.ok(reasons.every((r) => r.level === 'error'));
    assert.equal(reasons[0]?.locations[0]?.physicalLocation.region.startLine, 24);
    // The check's own findings are still there.
    assert.ok(run0?.results.some((r) => r.ruleId === 'unfilled-placeholder'));
  });

  test('exit 2 on errors: a missing path, no checklist, a bad option', () => {
    const missing = run(['gate', 'no/such/file.md']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no such file or directory/);
    const none = run(['gate', 'node_modules/unified/readme.md']);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /no checklist in node_modules\/unified\/readme\.md: nothing to gate/);
    assert.equal(run(['gate', SAMPLE, '--format', 'xml']).code, 2);
    // A binary file next to a checklist: the error wins, the verdict is still printed.
    const dir = mkdtempSync(join(tmpdir(), 'readiness-gate-'));
    writeFileSync(join(dir, 'checklist.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]));
    const mixed = run(
      ['gate', join(dir, 'checklist.md'), join(repoRoot, PENDING_NO_BLANKS), '--today', '2026-02-03'],
      dir,
    );
    assert.equal(mixed.code, 2);
    assert.match(mixed.stderr, /is a binary file/);
    assert.match(mixed.stdout, /NO-GO: 2 of 2 blockers pending/);
  });
});
