// `readiness check` keeps to its fence, --root (default: the checklist's folder): an outside
// path (`../..`, absolute, `~/`, a symbolic link out) gets no finding, so the output says
// nothing of whether it exists or what it holds.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fencedWorkspace, OUTSIDE_SPANS } from '../support/fencedWorkspace';
import { cliBundle } from '../support/paths';

interface JsonReport {
  files: { diagnostics: { code: string; message: string }[] }[];
}

function check(args: string[], cwd: string): { code: number | null; report: JsonReport; stdout: string } {
  const result = spawnSync(
    process.execPath,
    [cliBundle, 'check', ...args, '--format', 'json', '--today', '2025-12-08'],
    { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'C' } },
  );
  return { code: result.status, report: JSON.parse(result.stdout) as JsonReport, stdout: result.stdout };
}

describe('readiness check: the fence', () => {
  const fixture = fencedWorkspace();
  after(() => rmSync(fixture.root, { recursive: true, force: true }));

  for (const [name, args] of [
    ['without --root (the checklist folder)', ['ENTREGABLES.md']],
    ['with --root .', ['ENTREGABLES.md', '--root', '.']],
  ] as const) {
    test(`${name}: no finding about an outside path, nothing from an outside file`, () => {
      const { report, stdout } = check([...args], fixture.workspace);
      const diagnostics = report.files.flatMap((f) => f.diagnostics);
      const references = diagnostics.filter(
        (d) => d.code === 'missing-file' || (d.code === 'status-mismatch' && d.message.includes('Not in that file')),
      );
      assert.deepEqual(references, []);
      for (const span of OUTSIDE_SPANS) assert.ok(!stdout.includes(span.replace(/\/$/, '')), span);
      assert.ok(!stdout.includes(fixture.outside));
    });
  }

  test('inside the fence the checks still run', () => {
    writeFileSync(join(fixture.workspace, 'ENTREGABLES.md'), `${fixture.checklist}\nAlso \`docs/absent.md\`.\n`);
    const { report } = check(['ENTREGABLES.md'], fixture.workspace);
    const missing = report.files.flatMap((f) => f.diagnostics).filter((d) => d.code === 'missing-file');
    assert.deepEqual(
      missing.map((d) => d.message),
      ['Item 3 · Otro más: the file docs/absent.md does not exist'],
    );
  });
});
