// One configuration for editor and CLI: `.readiness.json` read by a spawned
// language server and by `readiness check` over the same folder.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, test } from 'node:test';
import {
  DidChangeWatchedFilesNotification,
  FileChangeType,
  type Diagnostic,
} from 'vscode-languageserver-protocol/node';
import { startServer } from '../support/lspClient';
import { cliBundle } from '../support/paths';

const TODAY = '2025-12-20';

// A checklist the default globs do not name and whose content alone does not make a checklist (one state field).
const PLAN = `# Release plan

## 🚨 Go-live

### 1. Database migration

**Owner**: Ana
**Deadline**: 2025-12-10
**Status**: Hecho y firmado

Migration log: [paste the migration output]
Approved by: [María González]

### 2. Feature flags

**Owner**: [Name]
**Deadline**: 2025-12-12
**Status**: Pendiente

Flag state: [on / off]
`;

const CONFIG = {
  files: ['plans/**/*.md'],
  ignore: ['plans/drafts/**'],
  severity: { overdue: 'error', placeholder: 'warning', 'bracketed-value': 'off' },
  stateWords: { done: ['Hecho y firmado'] },
  blockerMarks: ['🚨'],
};

function folder(config: unknown = CONFIG): string {
  const dir = mkdtempSync(join(tmpdir(), 'readiness-config-'));
  mkdirSync(join(dir, '.git'));
  mkdirSync(join(dir, 'plans', 'drafts'), { recursive: true });
  writeFileSync(join(dir, '.readiness.json'), typeof config === 'string' ? config : JSON.stringify(config, null, 2));
  writeFileSync(join(dir, 'plans', 'go-live.md'), PLAN);
  writeFileSync(join(dir, 'plans', 'drafts', 'old.md'), PLAN);
  return dir;
}

interface Seen {
  readonly code: unknown;
  readonly severity: string;
  readonly range: string;
  readonly message: string;
}

const SEVERITY = ['', 'error', 'warning', 'information', 'hint'];
const fromLsp = (d: Diagnostic): Seen => ({
  code: d.code,
  severity: SEVERITY[d.severity ?? 0] ?? '',
  range: JSON.stringify(d.range),
  message: typeof d.message === 'string' ? d.message : d.message.value,
});

interface CliDiagnostic {
  readonly code: string;
  readonly severity: string;
  readonly message: string;
  readonly range: unknown;
}

function cli(dir: string, ...args: string[]) {
  const result = spawnSync(
    process.execPath,
    [cliBundle, 'check', '.', '--format', 'json', '--today', TODAY, '--locale', 'en', ...args],
    { cwd: dir, encoding: 'utf8' },
  );
  return {
    code: result.status,
    stderr: result.stderr,
    files:
      result.stdout === ''
        ? []
        : (
            JSON.parse(result.stdout) as {
              files: { path: string; isChecklist: boolean; diagnostics: CliDiagnostic[] }[];
            }
          ).files,
  };
}

describe('one configuration for the editor and the CLI', () => {
  test('the CLI with a .readiness.json gives the same findings as the editor', async () => {
    const dir = folder();
    const fromCli = cli(dir);
    assert.equal(fromCli.stderr, '');
    const report = fromCli.files.find((f) => f.path === 'plans/go-live.md');
    assert.equal(report?.isChecklist, true, 'recognised through the configured globs');
    assert.equal(
      fromCli.files.find((f) => f.path === 'plans/drafts/old.md')?.isChecklist,
      false,
      'ignored through the configuration',
    );
    const cliSeen = (report?.diagnostics ?? []).map((d) => ({
      code: d.code,
      severity: d.severity,
      range: JSON.stringify(d.range),
      message: d.message,
    }));
    assert.ok(
      cliSeen.some((d) => d.code === 'overdue' && d.severity === 'error'),
      JSON.stringify(cliSeen),
    );
    assert.ok(cliSeen.every((d) => d.code !== 'bracketed-value'));
    assert.ok(cliSeen.filter((d) => d.code === 'unfilled-placeholder').every((d) => d.severity === 'warning'));

    const server = await startServer({ workspaceFolder: dir, today: TODAY, locale: 'en' });
    try {
      const published = await server.open(join(dir, 'plans', 'go-live.md'), PLAN);
      assert.deepEqual(published.diagnostics.map(fromLsp), cliSeen);
      const ignored = await server.open(join(dir, 'plans', 'drafts', 'old.md'), PLAN);
      assert.deepEqual(ignored.diagnostics, []);
    } finally {
      await server.stop();
    }
  });

  test('editor settings the user set override the file', async () => {
    const dir = folder();
    const server = await startServer({
      workspaceFolder: dir,
      today: TODAY,
      locale: 'en',
      settings: { severity: { overdue: 'hint' } },
    });
    try {
      const published = await server.open(join(dir, 'plans', 'go-live.md'), PLAN);
      const overdue = published.diagnostics.filter((d) => d.code === 'overdue');
      assert.ok(overdue.length > 0 && overdue.every((d) => d.severity === 4));
      assert.ok(
        published.diagnostics.filter((d) => d.code === 'unfilled-placeholder').every((d) => d.severity === 2),
        'the rest of the file still applies',
      );
    } finally {
      await server.stop();
    }
  });

  test('an invalid configuration is a diagnostic on the file and a message from the CLI, never a crash', async () => {
    const dir = folder('{\n  "files": ["plans/**/*.md"],\n  "severity": { "overdue": "loud" }\n}');
    const fromCli = cli(dir);
    assert.equal(fromCli.code, 2);
    assert.match(
      fromCli.stderr,
      /\.readiness\.json:3:28: "severity\.overdue" must be one of error, warning, information, hint, off/,
    );
    assert.equal(
      fromCli.files.find((f) => f.path === 'plans/go-live.md')?.isChecklist,
      true,
      'the valid settings still apply',
    );

    const server = await startServer({ workspaceFolder: dir, today: TODAY, locale: 'en' });
    try {
      const configUri = pathToFileURL(join(dir, '.readiness.json')).href;
      const problems = server.nextDiagnostics(configUri);
      const published = await server.open(join(dir, 'plans', 'go-live.md'), PLAN);
      assert.ok(published.diagnostics.length > 0);
      const onConfig = await problems;
      assert.deepEqual(
        onConfig.diagnostics.map((d) => [d.code, d.range.start.line, d.message]),
        [['config', 2, '"severity.overdue" must be one of error, warning, information, hint, off']],
      );
    } finally {
      await server.stop();
    }
  });

  test('the server reads the configuration again when it changes', async () => {
    const dir = folder();
    const server = await startServer({ workspaceFolder: dir, today: TODAY, locale: 'en' });
    try {
      const uri = pathToFileURL(join(dir, 'plans', 'go-live.md')).href;
      const first = await server.open(join(dir, 'plans', 'go-live.md'), PLAN);
      assert.ok(first.diagnostics.some((d) => d.code === 'overdue' && d.severity === 1));
      writeFileSync(join(dir, '.readiness.json'), JSON.stringify({ ...CONFIG, severity: { overdue: 'off' } }));
      const next = server.nextDiagnostics(uri);
      await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
        changes: [{ uri: pathToFileURL(join(dir, '.readiness.json')).href, type: FileChangeType.Changed }],
      });
      const again = await next;
      assert.deepEqual(
        again.diagnostics.filter((d) => d.code === 'overdue'),
        [],
      );
    } finally {
      await server.stop();
    }
  });
});
