// Smoke tests from the Readiness sidebar in a real VS Code: item 3 of the sample lists its seven
// curl tests; "Run Smoke Test" on test 2's row (the context-menu command, given the row as VS Code
// gives it) runs it against the staging stand-in that scripts/e2e/run.mjs starts, and the row then
// shows ✅ PASSED with the response time. The base URL is a user setting of the throwaway profile;
// the fixture is reverted afterwards and never saved.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { SidebarNode } from '../../../client/src/sidebar/model/nodes';
import type { SidebarSnapshot } from '../../../client/src/sidebar/sidebar';
import type { RunSmokeTestsResult } from '../../../server/src/protocol';
import { readinessApi, sampleUri, someReadinessDiagnostics } from '../support/readiness';
import { screenshot } from '../support/screenshot';
import { SIDEBAR_ROWS, VIEW_CONTAINER_COMMAND, allNodes, click, sidebarWhen } from '../support/sidebar';
import { waitFor } from '../support/waitFor';

const TEST_2 = '2. POST /api/greeting';

function stagingUrl(): string {
  const url = process.env['READINESS_E2E_STAGING_URL'];
  assert.ok(
    url,
    'READINESS_E2E_STAGING_URL is not set: run the suite with npm run test:e2e, which starts the staging stand-in',
  );
  return url;
}

/** The smoke-test row of item 3 with this label, if the sidebar shows it. */
function smokeRow(snapshot: SidebarSnapshot, label: string): SidebarNode | undefined {
  const three = allNodes(snapshot.roots).find((node) => node.kind === 'item' && node.itemId === '3');
  return three?.children.find((child) => child.kind === 'smokeTest' && child.label === label);
}

suite('sidebar smoke tests', () => {
  const settings = () => vscode.workspace.getConfiguration('readiness.smoke');
  let sampleOnDisk = '';

  suiteSetup(async () => {
    sampleOnDisk = readFileSync(sampleUri().fsPath, 'utf8');
    // The run edits the fixture; it must never be saved.
    await vscode.workspace.getConfiguration('files').update('autoSave', 'off', vscode.ConfigurationTarget.Global);
    await settings().update('baseUrl', stagingUrl(), vscode.ConfigurationTarget.Global);
  });
  suiteTeardown(async () => {
    await settings().update('baseUrl', undefined, vscode.ConfigurationTarget.Global);
    assert.equal(readFileSync(sampleUri().fsPath, 'utf8'), sampleOnDisk, 'the sample on disk is unchanged');
  });

  test('"Run Smoke Test" on item 3\'s test 2 runs it against staging; its row shows ✅ PASSED with the time', async () => {
    const editor = await vscode.window.showTextDocument(sampleUri(), { preview: false });
    await someReadinessDiagnostics(sampleUri());
    const before = editor.document.getText();
    await vscode.commands.executeCommand(VIEW_CONTAINER_COMMAND);

    const listed = await sidebarWhen((s) => smokeRow(s, TEST_2) !== undefined, 'the smoke tests of item 3');
    const three = allNodes(listed.roots).find((node) => node.kind === 'item' && node.itemId === '3');
    assert.equal(three?.children.filter((child) => child.kind === 'smokeTest').length, 7);
    assert.match(
      three?.contextValue ?? '',
      /^readiness\.item\.[a-z-]+\.smokeTests$/,
      '"Run Its Smoke Tests" is offered on item 3',
    );
    const row = smokeRow(listed, TEST_2);
    assert.ok(row);
    assert.equal(row.contextValue, 'readiness.smokeTest');

    // A click selects the test's command.
    await click(row);
    const active = vscode.window.activeTextEditor;
    assert.match(
      active?.document.getText(active.selection) ?? '',
      /^\$ curl -sS -X POST "http:\/\/staging-host\/api\/greeting" \\\n {2}-H "Content-Type: application\/json" -d '\{\}' \| jq$/,
    );

    const result = await vscode.commands.executeCommand<RunSmokeTestsResult | undefined>(
      'readiness.sidebar.runSmokeTest',
      row,
    );
    assert.ok(result, 'the command ran the test');
    assert.equal(result.error, undefined);
    assert.deepEqual([result.passed, result.failed, result.written], [1, 0, true]);
    assert.match(editor.document.getText(), /SessionId obtenido: sess_\d+\nEstado: ✅ PASSED\n/);

    const passed = await sidebarWhen(
      (s) => /^✅ PASSED [\d.]+ m?s$/.test(smokeRow(s, TEST_2)?.description ?? ''),
      'smoke test 2 passed, with its time',
    );
    const passedRow = smokeRow(passed, TEST_2);
    assert.ok(passedRow);
    assert.match(passedRow.tooltip ?? '', /✅ PASSED · HTTP 200 · [\d.]+ m?s · ran at /);
    assert.equal(smokeRow(passed, '1. GET /api/health')?.description, 'not run yet', 'only test 2 ran');
    const item = allNodes(passed.roots).find((node) => node.kind === 'item' && node.itemId === '3');
    assert.match(item?.tooltip ?? '', /- 2\\\. POST \/api\/greeting: ✅ PASSED [\d\\.]+ m?s/);
    const { sidebar } = await readinessApi();
    await sidebar.reveal(passedRow, { select: true });
    await screenshot('sidebar-smoke-test', { waitForSelector: SIDEBAR_ROWS });

    // The sidebar has the model with the evidence in it (test 3 moved down by the pasted response).
    const TEST_3 = '3. POST /api/session/validate';
    const test3Line = smokeRow(listed, TEST_3)?.reveal?.start.line ?? -1;
    await sidebarWhen(
      (s) => smokeRow(s, TEST_3)?.reveal?.start.line === test3Line + 3,
      'test 3 three lines further down, after the pasted response',
    );

    // The fixture stays as it is on disk: revert, and see the server analyse the original text again.
    const api = await readinessApi();
    const published = waitFor(
      api.onDidPublishDiagnostics,
      (uri) => uri.toString() === sampleUri().toString(),
      'the diagnostics of the reverted sample',
    );
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await published;
    assert.equal(editor.document.getText(), before);
    // The result belongs to the test, not to the text its run pasted: it stays for the session.
    const reverted = await sidebarWhen(
      (s) => smokeRow(s, TEST_3)?.reveal?.start.line === test3Line,
      'the sample as on disk again',
    );
    assert.match(smokeRow(reverted, TEST_2)?.description ?? '', /^✅ PASSED /);
  });
});
