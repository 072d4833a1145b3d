import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { cliBundle, repoRoot, samplePath, sampleText, sampleWorkspace } from '../support/paths';
import { startServer, type TestServer } from '../support/lspClient';

describe('language server: placeholder diagnostics', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({ workspaceFolder: sampleWorkspace, today: '2025-12-08' });
  });
  after(() => server.stop());

  test('publishes the placeholders of the sample, the same as the CLI', async () => {
    const published = await server.open(samplePath, sampleText());
    assert.ok(published.diagnostics.length > 100);
    for (const d of published.diagnostics) {
      assert.equal(d.source, 'readiness');
      // What the user sees, and nothing for the server alone: code actions find the finding again.
      assert.equal('data' in d, false);
    }
    assert.equal(published.diagnostics.filter((d) => d.code === 'overdue').length, 3);
    // Besides the placeholders: the files the sample points at that its workspace lacks (docs/runbook.md, ...).
    const missingFiles = published.diagnostics.filter((d) => d.code === 'missing-file').length;
    assert.ok(missingFiles > 5);
    assert.equal(
      published.diagnostics.filter((d) => d.code === 'unfilled-placeholder').length,
      published.diagnostics.length - 3 - missingFiles,
    );
    const cliArgs = [cliBundle, 'check', samplePath, '--format', 'json', '--fail-on', 'none', '--today', '2025-12-08'];
    const cli = JSON.parse(execFileSync(process.execPath, cliArgs, { cwd: repoRoot, encoding: 'utf8' })) as {
      files: { diagnostics: { range: unknown; message: string }[] }[];
    };
    const fromCli = cli.files[0]?.diagnostics.map((d) => [d.range, d.message]);
    assert.deepEqual(
      published.diagnostics.map((d) => [d.range, d.message]),
      fromCli,
    );
  });

  test('a README with [x] and [link] gets nothing', async () => {
    const published = await server.open(
      join(sampleWorkspace, 'README.md'),
      '# Readme\n\n- [x] done\n- [ ] todo\n\nSee [link] and [docs](https://example.com).\n',
    );
    assert.deepEqual(published.diagnostics, []);
  });

  test('an edit that fills a placeholder removes its diagnostic', async () => {
    const opened = await server.open(samplePath.replace('ENTREGABLES', 'copy-ENTREGABLES'), sampleText());
    const edited = sampleText().replace('[PEGAR ENLACE AL PR]', 'https://example.com/pr/42');
    const changed = await server.change(opened.uri, 2, edited);
    assert.equal(changed.diagnostics.length, opened.diagnostics.length - 1);
    assert.ok(!changed.diagnostics.some((d) => JSON.stringify(d.message).includes('PEGAR ENLACE AL PR')));
  });
});

describe('language server: locale', () => {
  test('messages are in the language the client asked for', async () => {
    const server = await startServer({ workspaceFolder: sampleWorkspace, locale: 'es', today: '2025-12-01' });
    try {
      const published = await server.open(samplePath, sampleText());
      assert.equal(
        published.diagnostics[0]?.message,
        'Ítem 1 · PR Final Aprobado: pega el enlace ("[PEGAR ENLACE AL PR]")',
      );
    } finally {
      await server.stop();
    }
  });
});

describe('language server: settings', () => {
  test('placeholder severities follow readiness.severity.*', async () => {
    const server = await startServer({
      workspaceFolder: sampleWorkspace,
      today: '2025-12-01',
      settings: { severity: { placeholderInBlocker: 'error', placeholder: 'hint' } },
    });
    try {
      const published = await server.open(samplePath, sampleText());
      const severities = new Set(
        published.diagnostics.filter((d) => d.code === 'unfilled-placeholder').map((d) => d.severity),
      );
      assert.deepEqual([...severities].sort(), [1, 4]);
    } finally {
      await server.stop();
    }
  });

  test('files matching readiness.ignore get nothing', async () => {
    const server = await startServer({ workspaceFolder: sampleWorkspace, settings: { ignore: ['**/ENTREGABLES.md'] } });
    try {
      assert.deepEqual((await server.open(samplePath, sampleText())).diagnostics, []);
    } finally {
      await server.stop();
    }
  });

  test('files not matching readiness.files are still checked when they have three state fields', async () => {
    const server = await startServer({
      workspaceFolder: sampleWorkspace,
      today: '2025-12-01',
      settings: { files: [] },
    });
    try {
      const published = await server.open(join(sampleWorkspace, 'release-notes.md'), sampleText());
      assert.ok(published.diagnostics.length > 100);
      const plain = await server.open(join(sampleWorkspace, 'plain.md'), '# Notes\n\n**Estado**: ok\n[LINK]\n');
      assert.deepEqual(plain.diagnostics, []);
    } finally {
      await server.stop();
    }
  });
});
