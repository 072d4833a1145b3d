// readiness/workspaceChecklists (the checklist files of the workspace folders) and
// readiness/checklist on files that are not open (read from disk), against the real server.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { ChecklistResult, WorkspaceChecklistsResult } from '../../server/src/protocol';
import { startServer, type TestServer } from '../support/lspClient';
import { sampleText } from '../support/paths';

const threeStates =
  '# Plan\n\n## Trabajo\n\n### 1. A\n**Estado**: ⏳ Pendiente\n\n### 2. B\n**Estado**: ✅ Completado\n\n### 3. C\n**Status**: Pending\n';

/** A workspace folder on disk: path → contents. */
function makeWorkspace(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), 'readiness-ws-'));
  for (const [path, contents] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), contents);
  }
  return root;
}

describe('language server: readiness/workspaceChecklists', () => {
  let root: string;
  before(() => {
    root = makeWorkspace({
      'ENTREGABLES.md': sampleText(),
      'README.md': '# Readme\n\n**Estado**: just one field\n',
      'docs/plan.md': threeStates,
      'archive/old-checklist.md': '# Old\n',
      'node_modules/pkg/CHECKLIST.md': threeStates,
      '.git/ENTREGABLES.md': threeStates,
      'dist/DELIVERABLES.md': threeStates,
      'out/readiness.md': threeStates,
      'docs/notes.txt': threeStates,
    });
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  const list = async (settings?: Record<string, unknown>) => {
    const server = await startServer({ workspaceFolder: root, ...(settings ? { settings } : {}) });
    try {
      return await server.connection.sendRequest<WorkspaceChecklistsResult>('readiness/workspaceChecklists', {});
    } finally {
      await server.stop();
    }
  };

  test('lists files matching readiness.files or holding three state fields, skipping dependency and build folders', async () => {
    const result = await list();
    assert.equal(result.complete, true);
    assert.deepEqual(
      result.checklists.map((c) => c.relativePath),
      ['archive/old-checklist.md', 'docs/plan.md', 'ENTREGABLES.md'],
    );
    assert.equal(
      result.checklists.find((c) => c.relativePath === 'docs/plan.md')?.uri,
      pathToFileURL(join(root, 'docs', 'plan.md')).href,
    );
  });

  test('honours readiness.ignore and readiness.files', async () => {
    const result = await list({ ignore: ['archive/**'], files: [] });
    assert.deepEqual(
      result.checklists.map((c) => c.relativePath),
      ['docs/plan.md', 'ENTREGABLES.md'],
    );
    const none = await list({ ignore: ['**'] });
    assert.deepEqual(none.checklists, []);
  });

  test('uses the editor text of an open document, not the file', async () => {
    const server = await startServer({ workspaceFolder: root });
    try {
      await server.open(join(root, 'README.md'), threeStates);
      const result = await server.connection.sendRequest<WorkspaceChecklistsResult>(
        'readiness/workspaceChecklists',
        {},
      );
      assert.ok(result.checklists.some((c) => c.relativePath === 'README.md'));
    } finally {
      await server.stop();
    }
  });

  test('without workspace folders the list is empty', async () => {
    const server = await startServer();
    try {
      const result = await server.connection.sendRequest<WorkspaceChecklistsResult>(
        'readiness/workspaceChecklists',
        {},
      );
      assert.deepEqual(result, { checklists: [], complete: true });
    } finally {
      await server.stop();
    }
  });
});

describe('language server: readiness/checklist on files that are not open', () => {
  let root: string;
  let server: TestServer;
  const uri = (path: string) => pathToFileURL(join(root, path)).href;
  const checklist = (path: string) =>
    server.connection.sendRequest<ChecklistResult>('readiness/checklist', { uri: uri(path) });

  before(async () => {
    const latin1 = new Uint8Array([...Buffer.from('# Lista\n\n### 1. A\n**Estado**: Pendiente\n'), 0xe9, 0x0a]);
    root = makeWorkspace({
      'ENTREGABLES.md': sampleText(),
      'README.md': '# Readme\n',
      'docs/plan.md': threeStates,
      'binary-checklist.md': new Uint8Array([0x23, 0x20, 0x00, 0x01, 0x02]),
      'latin1-checklist.md': latin1,
      'big-checklist.md': `# Big\n\n${'x'.repeat(700)}\n`,
      'checklist.txt': threeStates,
    });
    server = await startServer({ workspaceFolder: root, today: '2025-12-08', settings: { maxFileSize: 200 } });
  });
  after(async () => {
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  });

  test('reads the sample from disk: version -1, the full model and its open placeholders', async () => {
    const bigEnough = await startServer({ workspaceFolder: root, today: '2025-12-08' });
    try {
      const result = await bigEnough.connection.sendRequest<ChecklistResult>('readiness/checklist', {
        uri: uri('ENTREGABLES.md'),
      });
      assert.equal(result.isChecklist, true);
      assert.equal(result.version, -1);
      assert.equal(result.uri, uri('ENTREGABLES.md'));
      assert.deepEqual(result.progress, {
        blockers: { done: 0, total: 6 },
        items: { done: 0, total: 21 },
        checks: { done: 0, total: 26 },
      });
      assert.equal(result.checklist?.items.length, 21);
      // The smoke tests too, so the sidebar can list and run them before the file is opened.
      assert.deepEqual(
        result.smokeTests.map((t) => t.number),
        ['1', '2', '3', '4', '5', '6', '7'],
      );
      assert.equal(result.smokeStagingHost, 'staging-host');
      // The same answer as for the document opened with the same text, but for the version.
      const opened = await bigEnough.open(join(root, 'ENTREGABLES.md'), sampleText());
      assert.ok(opened.diagnostics.length > 0);
      const fromEditor = await bigEnough.connection.sendRequest<ChecklistResult>('readiness/checklist', {
        uri: uri('ENTREGABLES.md'),
      });
      assert.equal(fromEditor.version, 1);
      // The verdict agrees; only the open document has its file references checked (missing files are conditions).
      const { verdict: editorVerdict, ...editorRest } = fromEditor;
      const { verdict: diskVerdict, ...diskRest } = result;
      assert.deepEqual({ ...editorRest, version: -1 }, diskRest);
      const gist = (v: typeof diskVerdict) => [v?.decision, v?.summary, v?.reasons.map((r) => r.itemId)];
      assert.deepEqual(gist(editorVerdict), gist(diskVerdict));
      assert.deepEqual(gist(diskVerdict), ['no-go', 'NO-GO: 6 of 6 blockers pending', ['1', '2', '3', '4', '5', '6']]);
    } finally {
      await bigEnough.stop();
    }
  });

  test('a file detected by its state fields is a checklist too', async () => {
    const result = await checklist('docs/plan.md');
    assert.equal(result.isChecklist, true);
    assert.deepEqual(result.progress?.items, { done: 1, total: 3 });
  });

  test('not a checklist, missing, binary, not UTF-8, too large or not markdown: an empty answer, not an error', async () => {
    for (const path of [
      'README.md',
      'missing-checklist.md',
      'binary-checklist.md',
      'latin1-checklist.md',
      'big-checklist.md',
      'checklist.txt',
    ]) {
      const result = await checklist(path);
      // (JSON drops the undefined checklist, progress and verdict.)
      assert.deepEqual(result, { uri: uri(path), version: -1, isChecklist: false, smokeTests: [] }, path);
    }
  });

  test('an untitled document that is not open gets the empty answer', async () => {
    const result = await server.connection.sendRequest<ChecklistResult>('readiness/checklist', {
      uri: 'untitled:Untitled-1',
    });
    assert.equal(result.isChecklist, false);
  });
});
