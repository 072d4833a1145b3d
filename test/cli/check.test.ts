import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { cliBundle, repoRoot, sampleText } from '../support/paths';

function run(args: string[], cwd = repoRoot) {
  const result = spawnSync(process.execPath, [cliBundle, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'C' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const scratch = () => mkdtempSync(join(tmpdir(), 'readiness-cli-'));

describe('readiness COMMAND --help', () => {
  test("prints that command's usage on stdout and exits 0, for every command", () => {
    for (const command of ['check', 'gate', 'report', 'smoke', 'verify']) {
      const { code, stdout, stderr } = run([command, 'some-file.md', '--help']);
      assert.equal(code, 0, command);
      assert.ok(stdout.startsWith(`Usage: readiness ${command} `), stdout);
      assert.equal(stderr, '');
    }
    // After `--` it is a file name like any other.
    assert.equal(run(['check', '--', '--help']).code, 2);
  });

  test('a name of an object property is an unknown command, not a crash', () => {
    for (const name of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) {
      const { code, stderr } = run([name]);
      assert.equal(code, 2);
      assert.match(stderr, new RegExp(`unknown command "${name}"`));
    }
  });
});

describe('readiness check', () => {
  test('issue and pull-request templates are left out of a folder by default, and come back when readiness.ignore is set', () => {
    const dir = scratch();
    const template = '# Release checklist\n\n| Task | Owner | Status |\n|---|---|---|\n| Tag | | |\n| Announce | | |\n';
    mkdirSync(join(dir, '.github', 'ISSUE_TEMPLATE'), { recursive: true });
    writeFileSync(join(dir, '.github', 'ISSUE_TEMPLATE', 'release.md'), template);
    writeFileSync(join(dir, '.github', 'pull_request_template.md'), template);
    writeFileSync(join(dir, 'release-checklist.md'), template);
    const checked = (stdout: string) =>
      (JSON.parse(stdout) as { files: { path: string; isChecklist: boolean }[] }).files
        .filter((f) => f.isChecklist)
        .map((f) => f.path.replace(/\\/g, '/'))
        .sort();
    assert.deepEqual(checked(run(['check', '.', '--format', 'json'], dir).stdout), ['release-checklist.md']);
    writeFileSync(join(dir, '.readiness.json'), '{ "ignore": [] }');
    assert.deepEqual(checked(run(['check', '.', '--format', 'json'], dir).stdout), [
      '.github/ISSUE_TEMPLATE/release.md',
      '.github/pull_request_template.md',
      'release-checklist.md',
    ]);
  });

  test('text output: 1-based path:line:col severity code message, exit 1 on warnings', () => {
    const { code, stdout } = run(['check', 'test/fixtures/workspace/ENTREGABLES.md', '--today', '2025-12-01']);
    assert.equal(code, 1);
    const first = stdout.split('\n')[0];
    assert.equal(
      first,
      'test/fixtures/workspace/ENTREGABLES.md:28:10 warning unfilled-placeholder Item 1 · PR Final Aprobado: paste the link ("[PEGAR ENLACE AL PR]")',
    );
  });

  test('json output lists the placeholders with 0-based LSP ranges', () => {
    const { code, stdout } = run([
      'check',
      'test/fixtures/workspace/ENTREGABLES.md',
      '--format',
      'json',
      '--today',
      '2025-12-01',
    ]);
    assert.equal(code, 1);
    const report = JSON.parse(stdout) as {
      files: {
        path: string;
        isChecklist: boolean;
        items: unknown[];
        progress: unknown;
        diagnostics: { code: string; range: unknown }[];
      }[];
    };
    const file = report.files[0];
    assert.equal(file?.isChecklist, true);
    assert.equal(file?.items.length, 21);
    assert.deepEqual(file?.progress, {
      blockers: { done: 0, total: 6 },
      items: { done: 0, total: 21 },
      checks: { done: 0, total: 26 },
    });
    assert.deepEqual(file?.diagnostics[0]?.range, {
      start: { line: 27, character: 9 },
      end: { line: 27, character: 29 },
    });
    // The sample workspace has no docs/runbook.md and no playbooks: missing-file too (test/cli/references.test.ts).
    assert.ok(
      file?.diagnostics.every(
        (d) => d.code === 'unfilled-placeholder' || d.code === 'overdue' || d.code === 'missing-file',
      ),
    );
  });

  test('--today fixes the date deadlines are checked against', () => {
    const codes = (today: string) => {
      const { stdout } = run(['check', 'test/fixtures/workspace/ENTREGABLES.md', '--format', 'json', '--today', today]);
      const report = JSON.parse(stdout) as { files: { diagnostics: { code: string }[] }[] };
      return report.files[0]?.diagnostics.filter((d) => d.code === 'overdue').length;
    };
    assert.equal(codes('2025-12-07'), 0);
    assert.equal(codes('2025-12-08'), 3);
    assert.equal(codes('2026-11-28'), 20);
    assert.equal(run(['check', '.', '--today', 'tomorrow']).code, 2);
  });

  test('sarif output for code-scanning upload', () => {
    const { code, stdout } = run([
      'check',
      'test/fixtures/workspace/ENTREGABLES.md',
      '--format',
      'sarif',
      '--today',
      '2025-12-08',
    ]);
    assert.equal(code, 1);
    const log = JSON.parse(stdout) as {
      version: string;
      runs: {
        tool: { driver: { name: string; rules: { id: string }[] } };
        results: {
          ruleId: string;
          level: string;
          locations: {
            physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } };
          }[];
        }[];
      }[];
    };
    assert.equal(log.version, '2.1.0');
    const run0 = log.runs[0];
    assert.equal(run0?.tool.driver.name, 'readiness');
    assert.deepEqual(
      run0?.tool.driver.rules.map((r) => r.id),
      ['missing-file', 'overdue', 'unfilled-placeholder'],
    );
    const first = run0?.results.find((r) => r.ruleId === 'unfilled-placeholder');
    assert.equal(first?.level, 'warning');
    assert.deepEqual(first?.locations[0]?.physicalLocation.region, {
      startLine: 28,
      startColumn: 10,
      endLine: 28,
      endColumn: 30,
    });
    assert.equal(first?.locations[0]?.physicalLocation.artifactLocation.uri, 'test/fixtures/workspace/ENTREGABLES.md');
    assert.equal(run0?.results.filter((r) => r.ruleId === 'overdue').length, 3);
  });

  test('exit 0 when nothing is at the --fail-on level, and for files that are not checklists', () => {
    assert.equal(run(['check', 'test/fixtures/workspace/ENTREGABLES.md', '--fail-on', 'error']).code, 0);
    assert.equal(run(['check', 'test/fixtures/workspace/ENTREGABLES.md', '--fail-on', 'none']).code, 0);
    const dir = scratch();
    writeFileSync(join(dir, 'README.md'), '# Readme\n- [x] done\n[link]\n');
    const result = run(['check', dir]);
    assert.equal(result.code, 0);
    assert.equal(result.stdout, '');
  });

  test('a folder is searched for markdown files', () => {
    const dir = scratch();
    mkdirSync(join(dir, 'docs'));
    writeFileSync(join(dir, 'docs', 'ENTREGABLES.md'), sampleText());
    writeFileSync(join(dir, 'notes.md'), 'nothing here');
    const { code, stdout } = run(['check', '.', '--today', '2025-12-01'], dir);
    assert.equal(code, 1);
    assert.match(stdout, /^docs\/ENTREGABLES\.md:28:10 warning/);
  });

  test('usage errors exit 2', () => {
    assert.equal(run([]).code, 2);
    assert.equal(run(['frobnicate']).code, 2);
    const badFormat = run(['check', '.', '--format', 'xml']);
    assert.equal(badFormat.code, 2);
    assert.match(badFormat.stderr, /--format must be/);
    assert.equal(run(['check', '--nope']).code, 2);
  });

  describe('bad input exits 2 with a one-line message naming the file', () => {
    const cases: Record<string, (dir: string) => string> = {
      'a missing file': (dir) => join(dir, 'missing.md'),
      'a folder with no markdown': (dir) => {
        writeFileSync(join(dir, 'notes.txt'), 'text');
        return dir;
      },
      'a binary file': (dir) => {
        writeFileSync(join(dir, 'image-checklist.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a, 0x0a]));
        return join(dir, 'image-checklist.md');
      },
      'invalid UTF-8': (dir) => {
        writeFileSync(
          join(dir, 'ENTREGABLES.md'),
          Buffer.concat([Buffer.from('## 🔴 B\n### 1. A\n'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('\n')]),
        );
        return join(dir, 'ENTREGABLES.md');
      },
    };
    for (const [name, make] of Object.entries(cases)) {
      test(name, () => {
        const path = make(scratch());
        const { code, stderr, stdout } = run(['check', path]);
        assert.equal(code, 2);
        assert.equal(stdout, '');
        const lines = stderr.trim().split('\n');
        assert.equal(lines.length, 1);
        assert.ok(lines[0]?.includes(path), `${lines[0]} names ${path}`);
      });
    }

    test('the other files are still checked', () => {
      const dir = scratch();
      writeFileSync(join(dir, 'ENTREGABLES.md'), sampleText());
      const { code, stdout, stderr } = run(['check', join(dir, 'ENTREGABLES.md'), join(dir, 'missing.md')]);
      assert.equal(code, 2);
      assert.match(stdout, /unfilled-placeholder/);
      assert.match(stderr, /missing\.md: no such file/);
    });
  });
});

describe('readiness check on checklists of other shapes', () => {
  interface JsonFile {
    path: string;
    isChecklist: boolean;
    items: { kind: string; checks: { total: number; done: number } }[];
    progress: {
      items: { total: number; done: number };
      checks: { total: number; done: number };
      blockers: { total: number; done: number };
    };
    diagnostics: { code: string }[];
  }
  const report = (args: string[]) =>
    JSON.parse(run(['check', ...args, '--format', 'json', '--fail-on', 'none', '--today', '2026-03-05']).stdout) as {
      files: JsonFile[];
    };

  test('a table with a priority column, under a neutral name: recognised, with items, checks, blockers and overdue rows', () => {
    const folder = scratch();
    writeFileSync(
      join(folder, 'notes.md'),
      readFileSync(join(repoRoot, 'test/fixtures/corpus/en-priority-column.md'), 'utf8'),
    );
    writeFileSync(
      join(folder, 'README.md'),
      '# fastqueue\n\nA queue.\n\n## Roadmap\n- [x] Priorities\n- [ ] Delayed jobs\n',
    );
    const files = report([folder]).files;
    const notes = files.find((f) => f.path.endsWith('notes.md'));
    assert.equal(notes?.isChecklist, true);
    assert.deepEqual(notes?.progress, {
      blockers: { done: 1, total: 3 },
      items: { done: 1, total: 5 },
      checks: { done: 1, total: 5 },
    });
    assert.deepEqual(new Set(notes?.items.map((i) => i.kind)), new Set(['row']));
    assert.deepEqual(
      notes?.diagnostics.map((d) => d.code),
      ['overdue', 'overdue'],
    );
    const readme = files.find((f) => f.path.endsWith('README.md'));
    assert.equal(readme?.isChecklist, false);
    assert.deepEqual(readme?.progress, {
      blockers: { done: 0, total: 0 },
      items: { done: 0, total: 0 },
      checks: { done: 0, total: 0 },
    });
  });

  test('a flat task list: one item per section holding its checks', () => {
    const file = report(['test/fixtures/corpus/en-task-list-flat.md']).files[0];
    assert.equal(file?.isChecklist, true);
    assert.deepEqual(file?.progress.checks, { done: 3, total: 9 });
    assert.deepEqual(
      file?.items.map((i) => [i.kind, i.checks.done, i.checks.total]),
      [
        ['section', 2, 3],
        ['section', 1, 3],
        ['section', 0, 3],
      ],
    );
  });
});
