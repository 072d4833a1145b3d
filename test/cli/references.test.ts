import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { cliBundle, sampleText } from '../support/paths';

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [cliBundle, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'C' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A folder holding the sample checklist (at `checklistPath`) and the given files. */
function workspace(files: Record<string, string> = {}, checklistPath = 'ENTREGABLES.md', text = sampleText()): string {
  const dir = mkdtempSync(join(tmpdir(), 'readiness-cli-refs-'));
  for (const [path, content] of Object.entries({ [checklistPath]: text, ...files })) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

const missingLines = (stdout: string) => stdout.split('\n').filter((l) => l.includes(' missing-file '));
const runbookLine =
  sampleText()
    .split('\n')
    .findIndex((l) => l.includes('- File: docs/runbook.md')) + 1;

interface JsonReport {
  files: {
    path: string;
    diagnostics: {
      code: string;
      severity: string;
      message: string;
      range: { start: { line: number; character: number } };
    }[];
  }[];
}

describe('readiness check: files the checklist points at', () => {
  test('text output: a line per missing file, a warning for the runbook, information for a mentioned file', () => {
    const { code, stdout } = run(['check', 'ENTREGABLES.md', '--today', '2025-12-01'], workspace());
    assert.equal(code, 1);
    const lines = missingLines(stdout);
    // The prose folders (data/transcripts/, the bracketed tests/e2e/ suggestion) have no parent folder in the workspace: not paths.
    assert.equal(lines.length, 9);
    assert.ok(
      lines.includes(
        `ENTREGABLES.md:${runbookLine}:9 warning missing-file Item 17 · Runbook: the file docs/runbook.md does not exist`,
      ),
      lines.join('\n'),
    );
    assert.ok(
      lines.some((l) =>
        /^ENTREGABLES\.md:\d+:12 information missing-file Item 11 · .*: the file services\/openaiService\.js does not exist$/.test(
          l,
        ),
      ),
    );
    assert.ok(
      lines.some((l) =>
        l.endsWith('warning missing-file Item 18 · Playbooks: the folder docs/playbooks/ does not exist'),
      ),
    );
  });

  test('files that exist are not reported; --locale es words the rest in Spanish', () => {
    const dir = workspace({
      'docs/runbook.md': '# Runbook\n',
      'test/fixture.jpg': 'jpg',
      'services/openaiService.js': '',
    });
    const { stdout } = run(['check', 'ENTREGABLES.md', '--locale', 'es', '--today', '2025-12-01'], dir);
    const lines = missingLines(stdout);
    assert.equal(lines.length, 6);
    assert.ok(!lines.some((l) => /docs\/runbook\.md|fixture\.jpg|openaiService/.test(l)));
    assert.ok(
      lines.includes(
        `ENTREGABLES.md:${runbookLine + 24}:14 warning missing-file Ítem 18 · Playbooks: no existe la carpeta docs/playbooks/`,
      ),
      lines.join('\n'),
    );
  });

  test('json output: missing-file diagnostics with 0-based ranges', () => {
    const { stdout } = run(['check', 'ENTREGABLES.md', '--format', 'json', '--today', '2025-12-01'], workspace());
    const report = JSON.parse(stdout) as JsonReport;
    const runbook = report.files[0]?.diagnostics.find(
      (d) => d.code === 'missing-file' && d.message.includes('docs/runbook.md'),
    );
    assert.deepEqual([runbook?.severity, runbook?.range.start], ['warning', { line: runbookLine - 1, character: 8 }]);
  });

  test('sarif output: the missing-file rule, with warning and note levels', () => {
    const { stdout } = run(['check', 'ENTREGABLES.md', '--format', 'sarif', '--today', '2025-12-01'], workspace());
    const log = JSON.parse(stdout) as {
      runs: {
        tool: { driver: { rules: { id: string; shortDescription: { text: string } }[] } };
        results: { ruleId: string; level: string; message: { text: string } }[];
      }[];
    };
    const rule = log.runs[0]?.tool.driver.rules.find((r) => r.id === 'missing-file');
    assert.match(rule?.shortDescription.text ?? '', /does not exist/);
    const levels = new Set(log.runs[0]?.results.filter((r) => r.ruleId === 'missing-file').map((r) => r.level));
    assert.deepEqual([...levels].sort(), ['note', 'warning']);
  });

  test('a ticked "Contenido confirmado" box without its runbook section is a status mismatch', () => {
    const text = sampleText()
      .replace('- [ ] Rollback steps', '- [x] Rollback steps')
      .replace('- [ ] Contact list', '- [x] Contact list');
    const dir = workspace({ 'docs/runbook.md': '# Runbook\n\n## Pasos de rollback\n' }, 'ENTREGABLES.md', text);
    const { stdout } = run(['check', 'ENTREGABLES.md', '--today', '2025-12-01'], dir);
    const mismatches = stdout.split('\n').filter((l) => l.includes(' status-mismatch '));
    assert.deepEqual(mismatches, [
      `ENTREGABLES.md:${runbookLine + 10}:3 warning status-mismatch Item 17 · Runbook: "Contact list" is ticked, but docs/runbook.md has no section for it`,
    ]);
  });

  test("references resolve against --root, else the checklist's folder", () => {
    const dir = workspace({ 'docs/runbook.md': '# Runbook\n' }, 'release/ENTREGABLES.md');
    const without = missingLines(run(['check', 'release/ENTREGABLES.md', '--today', '2025-12-01'], dir).stdout);
    assert.ok(without.some((l) => l.includes('the file docs/runbook.md does not exist')));
    const withRoot = missingLines(
      run(['check', 'release/ENTREGABLES.md', '--root', '.', '--today', '2025-12-01'], dir).stdout,
    );
    assert.ok(!withRoot.some((l) => l.includes('docs/runbook.md')));
    assert.equal(withRoot.length, without.length - 1);
  });

  test('--root must be a folder', () => {
    const dir = workspace();
    const { code, stderr, stdout } = run(['check', 'ENTREGABLES.md', '--root', 'nowhere'], dir);
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.match(stderr, /--root must be a folder, and nowhere is not one/);
  });
});
