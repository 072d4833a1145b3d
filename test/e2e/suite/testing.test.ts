// The Testing view in a real VS Code: "Readiness smoke tests" lists the sample's 7 tests under item 3;
// running them against a staging stand-in (started here, in the extension host, so the test can make
// it fail an endpoint) passes them; a failing endpoint shows a failure message on the command's line;
// VS Code's own "Run Failed Tests" re-runs only that one. The results are read through the extension's
// test API (VS Code gives extensions no read access to the Testing view's results). What a window
// reload keeps is the reload suite's (test/e2e/reload), which reloads the window for real.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SmokeTestRunResult } from '../../../server/src/protocol';
import { DEFAULT_LOG_TOKEN, startStagingServer, type StagingServer } from '../../staging-server/server';
import { readinessApi, sampleUri, someReadinessDiagnostics } from '../support/readiness';
import { screenshot } from '../support/screenshot';
import { waitFor } from '../support/waitFor';

const RUN_TIMEOUT_MS = 60_000;

suite('Testing view', () => {
  let staging: StagingServer;
  const config = () => vscode.workspace.getConfiguration('readiness');

  suiteSetup(async () => {
    staging = await startStagingServer();
    await config().update('smoke.baseUrl', staging.url, vscode.ConfigurationTarget.Global);
    // Evidence stays out of the fixture: the Testing view only reports.
    await config().update('testing.pasteEvidence', false, vscode.ConfigurationTarget.Global);
    // LOG_TOKEN into secret storage the way a user puts it there: "Move to secret storage" on a pasted value.
    const scratch = await vscode.workspace.openTextDocument({ language: 'plaintext', content: DEFAULT_LOG_TOKEN });
    await vscode.window.showTextDocument(scratch);
    await vscode.commands.executeCommand(
      'readiness.moveSecretToStorage',
      scratch.uri,
      new vscode.Range(0, 0, 0, DEFAULT_LOG_TOKEN.length),
      'LOG_TOKEN',
    );
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
  suiteTeardown(async () => {
    await config().update('smoke.baseUrl', undefined, vscode.ConfigurationTarget.Global);
    await config().update('testing.pasteEvidence', undefined, vscode.ConfigurationTarget.Global);
    await staging.close();
  });

  test("lists the sample's 7 tests under item 3; Run passes them; a failing endpoint fails on its command line; Run Failed Tests re-runs only it", async function () {
    this.timeout(4 * RUN_TIMEOUT_MS);
    const api = await readinessApi();
    await vscode.window.showTextDocument(sampleUri(), { preview: false });
    await someReadinessDiagnostics(sampleUri());
    await api.testing.refresh();

    const file = api.testing.controller.items.get(sampleUri().toString());
    assert.ok(file, 'the sample is listed');
    const groups: vscode.TestItem[] = [];
    file.children.forEach((item) => groups.push(item));
    assert.deepEqual(
      groups.map((g) => g.label.replace(/ · .*/, '')),
      ['Item 3'],
    );
    const tests: vscode.TestItem[] = [];
    groups[0]?.children.forEach((item) => tests.push(item));
    assert.equal(tests.length, 7);
    assert.equal(tests[0]?.label, 'Smoke test 1 · GET /api/health');
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && tests[0]?.range);
    assert.equal(editor.document.lineAt(tests[0].range.start.line).text, '# SMOKE TEST 1: /api/health');

    const finished = () => waitFor(api.testing.onDidFinishRun, () => true, 'a Testing view run', RUN_TIMEOUT_MS);
    // "Run All" runs every checklist of the workspace (earlier tests may have added some): keep the sample's.
    const ids = new Set(tests.map((t) => t.id));
    const ofSample = (results: readonly SmokeTestRunResult[]) =>
      results.filter((r) => ids.has(`${sampleUri().toString()}#${r.testKey}`));
    let done = finished();
    await vscode.commands.executeCommand('testing.runAll');
    const all = ofSample(await done);
    assert.deepEqual(
      all.map((r: SmokeTestRunResult) => [r.number, r.outcome]),
      ['1', '2', '3', '4', '5', '6', '7'].map((n) => [n, 'passed']),
    );
    await vscode.commands.executeCommand('workbench.view.testing.focus');
    await vscode.commands.executeCommand('vscode.revealTestInExplorer', tests[6]);
    await screenshot('testing-view', { waitForSelector: '.test-explorer .monaco-list-row' });

    // The stand-in fails /api/health: the second run reports it on the command's line.
    staging.configure({ failing: ['/api/health'] });
    done = finished();
    await vscode.commands.executeCommand('testing.runAll');
    const secondAll = await done;
    const second = ofSample(secondAll);
    const health = second.find((r) => r.number === '1');
    assert.equal(health?.outcome, 'failed');
    assert.deepEqual(health?.failures?.[0], {
      kind: 'status',
      message: 'HTTP 500 Internal Server Error',
      expected: '2xx',
      actual: '500 Internal Server Error',
    });
    assert.equal(
      editor.document
        .lineAt(health?.commandRange?.start.line ?? 0)
        .text.startsWith('$ curl -sS -X GET "http://staging-host/api/health"'),
      true,
    );
    const stored = api.testing.lastResult(tests[0].id);
    assert.equal(stored?.outcome, 'failed');
    assert.deepEqual(stored?.commandRange, health?.commandRange);

    // VS Code's "Run Failed Tests" re-runs that one only; fixed, it passes.
    staging.configure({ failing: [] });
    done = finished();
    await vscode.commands.executeCommand('testing.reRunFailTests');
    const rerun = await done;
    assert.deepEqual(
      ofSample(rerun).map((r) => [r.number, r.outcome]),
      [['1', 'passed']],
    );
    // Only what failed ran again (in the sample: test 1; elsewhere in the workspace, whatever failed there).
    assert.deepEqual(
      rerun.map((r) => r.testKey).sort(),
      secondAll
        .filter((r) => r.outcome === 'failed')
        .map((r) => r.testKey)
        .sort(),
    );
    // What a reload brings back: the last result per test, in the workspace state.
    assert.equal(api.testing.lastResult(tests[0].id)?.outcome, 'passed');
    assert.equal(api.testing.lastResult(tests[6]?.id ?? '')?.outcome, 'passed');
  });
});
