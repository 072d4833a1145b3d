// The reload suite's second window, after workbench.action.reloadWindow: nothing runs here (the
// stand-in the results came from went with the first window's extension host). The Testing view
// shows the first window's results again (state icons in its tree, the failure message on the
// command's line), and so does the sidebar, with when each test ran.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SidebarNode } from '../../../client/src/sidebar/model/nodes';
import type { SidebarSnapshot } from '../../../client/src/sidebar/sidebar';
import { readinessApi, sampleUri, someReadinessDiagnostics } from '../support/readiness';
import { screenshot } from '../support/screenshot';
import { VIEW_CONTAINER_COMMAND, allNodes, sidebarWhen } from '../support/sidebar';
import { queryWorkbench } from '../support/window';
import { FAILING, PASSING, sampleTests } from './shared';

function smokeRow(snapshot: SidebarSnapshot, label: string): SidebarNode | undefined {
  const three = allNodes(snapshot.roots).find((node) => node.kind === 'item' && node.itemId === '3');
  return three?.children.find((child) => child.kind === 'smokeTest' && child.label === label);
}

suite('after a window reload', () => {
  const config = () => vscode.workspace.getConfiguration('readiness');
  suiteTeardown(async () => {
    await config().update('smoke.baseUrl', undefined, vscode.ConfigurationTarget.Global);
    await config().update('testing.pasteEvidence', undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration('files').update('autoSave', undefined, vscode.ConfigurationTarget.Global);
  });

  test('the Testing view shows the last results again: states in its tree, the failure on the command line', async function () {
    this.timeout(120_000);
    const api = await readinessApi();
    const editor = await vscode.window.showTextDocument(sampleUri(), { preview: false });
    await someReadinessDiagnostics(sampleUri());
    const tests = await sampleTests(api);
    const failing = tests.get(FAILING);
    const passing = tests.get(PASSING);
    assert.ok(failing?.range && passing, `listed: ${[...tests.keys()].join(', ')}`);

    // Published again from workspace state, with the failure's expected and actual values on the command.
    const failed = api.testing.republishedResult(failing.id);
    assert.equal(failed?.result.outcome, 'failed');
    assert.equal(api.testing.republishedResult(passing.id)?.result.outcome, 'passed');
    assert.equal(failed?.messages.length, 1);
    const message = failed?.messages[0];
    assert.deepEqual([message?.expectedOutput, message?.actualOutput], ['2xx', '500 Internal Server Error']);
    assert.equal(message?.location?.uri.toString(), sampleUri().toString());
    assert.match(
      editor.document.lineAt(message?.location?.range.start.line ?? 0).text,
      /^\$ curl -sS -X GET "http:\/\/staging-host\/api\/health"/,
    );

    // What the user sees: the state icons in the Testing view's tree...
    await vscode.commands.executeCommand('workbench.view.testing.focus');
    await vscode.commands.executeCommand('vscode.revealTestInExplorer', passing);
    for (const [label, icon] of [
      [FAILING, 'codicon-testing-failed-icon'],
      [PASSING, 'codicon-testing-passed-icon'],
    ] as const) {
      const rows = await queryWorkbench({
        selector: '.test-explorer .monaco-list-row',
        containing: label,
        holding: `.${icon}`,
      });
      assert.ok(
        rows.some((row) => row.icons.some((name) => name.split(' ').includes(icon))),
        `${label}: ${JSON.stringify(rows)}`,
      );
    }
    // ...and the failure in the editor, on the command's line.
    editor.revealRange(failing.range, vscode.TextEditorRevealType.InCenter);
    const widgets = await queryWorkbench({
      selector: '.monaco-editor .test-error-content-widget',
      containing: '500 Internal Server Error',
    });
    assert.ok(
      widgets.some((widget) => widget.text.includes('500 Internal Server Error')),
      JSON.stringify(widgets),
    );
    await screenshot('testing-view-after-reload', { waitForSelector: '.monaco-editor .test-error-content-widget' });
  });

  test('the sidebar shows the last results again, with when each ran', async function () {
    this.timeout(60_000);
    await vscode.commands.executeCommand(VIEW_CONTAINER_COMMAND);
    const shown = await sidebarWhen(
      (s) =>
        /^❌ FAILED/.test(smokeRow(s, '1. GET /api/health')?.description ?? '') &&
        /^✅ PASSED/.test(smokeRow(s, '2. POST /api/greeting')?.description ?? ''),
      'the restored results of smoke tests 1 and 2',
    );
    const failed = smokeRow(shown, '1. GET /api/health');
    assert.match(failed?.description ?? '', /^❌ FAILED HTTP 500 Internal Server Error/);
    assert.match(failed?.tooltip ?? '', /❌ FAILED · HTTP 500 · [\d.]+ m?s · ran at \d\d:\d\d(:\d\d)?/);
    assert.match(smokeRow(shown, '2. POST /api/greeting')?.tooltip ?? '', /✅ PASSED · HTTP 200 · .* · ran at /);
    assert.equal(smokeRow(shown, '3. POST /api/session/validate')?.description, 'not run yet');
  });
});
