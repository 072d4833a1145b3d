// Pull diagnostics (LSP 3.17 `textDocument/diagnostic`) with result ids, against a
// spawned server whose client declares pull support, as VS Code's does.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  FileChangeType,
  type DocumentDiagnosticReport,
  type FullDocumentDiagnosticReport,
} from 'vscode-languageserver-protocol/node';
import { startServer, type TestServer } from '../support/lspClient';
import { cliBundle, repoRoot, samplePath, sampleText, sampleWorkspace } from '../support/paths';

const TODAY = '2025-12-08';

const messageOf = (d: FullDocumentDiagnosticReport['items'][number]): string =>
  typeof d.message === 'string' ? d.message : d.message.value;

function full(report: DocumentDiagnosticReport): FullDocumentDiagnosticReport {
  assert.equal(report.kind, 'full', `expected a full report, got ${JSON.stringify(report).slice(0, 200)}`);
  return report as FullDocumentDiagnosticReport;
}

describe('language server: pull diagnostics with result ids', () => {
  let server: TestServer;
  const pull = (uri: string, previousResultId?: string): Promise<DocumentDiagnosticReport> =>
    server.connection.sendRequest(DocumentDiagnosticRequest.method, { textDocument: { uri }, previousResultId });
  const open = (path: string, text: string) =>
    server.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: pathToFileURL(path).href, languageId: 'markdown', version: 1, text },
    });
  const change = (uri: string, version: number, text: string) =>
    server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ text }],
    });

  before(async () => {
    server = await startServer({ workspaceFolder: sampleWorkspace, today: TODAY, pullDiagnostics: true });
  });
  after(() => server.stop());

  test('the server declares a diagnostic provider to a client that pulls', () => {
    assert.deepEqual(server.initializeResult.capabilities.diagnosticProvider, {
      identifier: 'readiness',
      interFileDependencies: false,
      workspaceDiagnostics: false,
    });
  });

  test('a pull gives what the CLI reports, then "unchanged" while nothing changes; nothing is pushed', async () => {
    const uri = pathToFileURL(samplePath).href;
    await open(samplePath, sampleText());
    const first = full(await pull(uri));
    assert.ok(first.resultId);
    const cliArgs = [cliBundle, 'check', samplePath, '--format', 'json', '--fail-on', 'none', '--today', TODAY];
    const cli = JSON.parse(execFileSync(process.execPath, cliArgs, { cwd: repoRoot, encoding: 'utf8' })) as {
      files: { diagnostics: { range: unknown; message: string; code: string }[] }[];
    };
    assert.deepEqual(
      first.items.map((d) => [d.range, d.message, d.code]),
      cli.files[0]?.diagnostics.map((d) => [d.range, d.message, d.code]),
    );
    assert.deepEqual(await pull(uri, first.resultId), { kind: 'unchanged', resultId: first.resultId });
    // A stale id (or none) gets the full list again, under the current id.
    assert.equal(full(await pull(uri, 'no-such-id')).resultId, first.resultId);
    assert.equal(full(await pull(uri)).items.length, first.items.length);
    assert.equal(server.pushed.filter((p) => p.uri === uri).length, 0);
  });

  test('an edit that fills a placeholder gives a new result id and one diagnostic fewer', async () => {
    const path = samplePath.replace('ENTREGABLES', 'pull-ENTREGABLES');
    const uri = pathToFileURL(path).href;
    await open(path, sampleText());
    const before = full(await pull(uri));
    await change(uri, 2, sampleText().replace('[PEGAR ENLACE AL PR]', 'https://example.com/pr/42'));
    const after = full(await pull(uri, before.resultId));
    assert.notEqual(after.resultId, before.resultId);
    assert.equal(after.items.length, before.items.length - 1);
    assert.ok(!after.items.some((d) => messageOf(d).includes('PEGAR ENLACE AL PR')));
  });

  test('an edit that changes no diagnostic is answered "unchanged"', async () => {
    const path = samplePath.replace('ENTREGABLES', 'prose-ENTREGABLES');
    const uri = pathToFileURL(path).href;
    await open(path, sampleText());
    const before = full(await pull(uri));
    // A word added to the end of the document: no finding moves or changes.
    await change(uri, 2, `${sampleText()}\nNotes written later.\n`);
    assert.deepEqual(await pull(uri, before.resultId), { kind: 'unchanged', resultId: before.resultId });
    // Typing inside a placeholder changes its message: a full report.
    await change(
      uri,
      3,
      `${sampleText().replace('[PEGAR ENLACE AL PR]', '[PEGAR ENLACE AL PRx]')}\nNotes written later.\n`,
    );
    const typed = full(await pull(uri, before.resultId));
    assert.ok(typed.items.some((d) => messageOf(d).includes('PEGAR ENLACE AL PRx')));
  });

  test('a markdown file that is not a checklist, and a closed one, get an empty list', async () => {
    const path = join(sampleWorkspace, 'NOTES.md');
    const uri = pathToFileURL(path).href;
    await open(path, '# Notes\n\n- [ ] todo [x]\n');
    assert.deepEqual(full(await pull(uri)).items, []);
    await server.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    assert.deepEqual(full(await pull(uri)).items, []);
  });
});

describe('language server: pull diagnostics refresh when files on disk change', () => {
  let folder: string;
  let server: TestServer;
  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'readiness-pull-'));
    cpSync(samplePath, join(folder, 'ENTREGABLES.md'));
    server = await startServer({ workspaceFolder: folder, today: TODAY, pullDiagnostics: true });
  });
  after(async () => {
    await server.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  test('a created runbook asks the client to pull again, and the next pull no longer reports it missing', async () => {
    const path = join(folder, 'ENTREGABLES.md');
    const uri = pathToFileURL(path).href;
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'markdown', version: 1, text: sampleText() },
    });
    const before = full(
      await server.connection.sendRequest(DocumentDiagnosticRequest.method, { textDocument: { uri } }),
    );
    const missingRunbook = (items: FullDocumentDiagnosticReport['items']) =>
      items.filter((d) => d.code === 'missing-file' && messageOf(d).includes('docs/runbook.md')).length;
    assert.ok(missingRunbook(before.items) > 0);
    const refreshed = server.nextRefresh();
    mkdirSync(join(folder, 'docs'), { recursive: true });
    writeFileSync(join(folder, 'docs', 'runbook.md'), '# Runbook\n');
    await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: pathToFileURL(join(folder, 'docs', 'runbook.md')).href, type: FileChangeType.Created }],
    });
    await refreshed;
    const after = full(
      await server.connection.sendRequest(DocumentDiagnosticRequest.method, {
        textDocument: { uri },
        previousResultId: before.resultId,
      }),
    );
    assert.notEqual(after.resultId, before.resultId);
    assert.equal(missingRunbook(after.items), 0);
  });
});
