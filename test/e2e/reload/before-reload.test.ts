// The reload suite's first window: smoke test 1 runs from the Testing view against a staging stand-in
// that fails it, smoke test 2 from its code lens (which pastes evidence; the sample is reverted). The
// next window (after-reload.test.ts) finds both results again without running anything.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RunSmokeTestsResult } from '../../../server/src/protocol';
import { startStagingServer, type StagingServer } from '../../staging-server/server';
import { readinessApi, sampleUri, someReadinessDiagnostics } from '../support/readiness';
import { waitFor } from '../support/waitFor';
import { FAILING, PASSING, sampleTests } from './shared';

suite('before a window reload', () => {
  let staging: StagingServer;
  const config = () => vscode.workspace.getConfiguration('readiness');

  // The settings stay for the next window, which resets them; the stand-in goes with this extension host.
  suiteSetup(async () => {
    staging = await startStagingServer();
    await config().update('smoke.baseUrl', staging.url, vscode.ConfigurationTarget.Global);
    await config().update('testing.pasteEvidence', false, vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration('files').update('autoSave', 'off', vscode.ConfigurationTarget.Global);
  });
  suiteTeardown(() => staging.close());

  test('smoke test 1 fails from the Testing view, smoke test 2 passes from its code lens', async function () {
    this.timeout(120_000);
    const api = await readinessApi();
    const editor = await vscode.window.showTextDocument(sampleUri(), { preview: false });
    await someReadinessDiagnostics(sampleUri());
    const before = editor.document.getText();
    const tests = await sampleTests(api);
    const failing = tests.get(FAILING);
    const passing = tests.get(PASSING);
    assert.ok(failing && passing, `listed: ${[...tests.keys()].join(', ')}`);

    staging.configure({ failing: ['/api/health'] });
    const finished = waitFor(api.testing.onDidFinishRun, () => true, 'the Testing view run', 60_000);
    const cancel = new vscode.CancellationTokenSource();
    await api.testing.run(new vscode.TestRunRequest([failing]), cancel.token, undefined);
    assert.deepEqual(
      (await finished).map((r) => [r.number, r.outcome]),
      [['1', 'failed']],
    );

    // The code lens's command, with the lens's arguments (the test's key is the tail of its id).
    const key = passing.id.slice(passing.id.lastIndexOf('#') + 1);
    const result = await vscode.commands.executeCommand<RunSmokeTestsResult | undefined>('readiness.runSmokeTests', {
      uri: sampleUri().toString(),
      testKeys: [key],
      stagingHost: 'staging-host',
    });
    assert.deepEqual([result?.passed, result?.failed, result?.written], [1, 0, true]);
    assert.equal(api.testing.lastResult(failing.id)?.outcome, 'failed');
    assert.equal(api.testing.lastResult(passing.id)?.outcome, 'passed');

    // The pasted evidence goes: the sample is left as it is on disk (the result belongs to the test).
    const reverted = waitFor(
      api.onDidPublishDiagnostics,
      (uri) => uri.toString() === sampleUri().toString(),
      'the diagnostics of the reverted sample',
    );
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await reverted;
    assert.equal(editor.document.getText(), before);
  });
});
