// Quick fixes on a choice placeholder offer each choice by name.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  readinessApi,
  readinessDiagnostics,
  sampleUri,
  someReadinessDiagnostics,
  codeActionsAt,
} from '../support/readiness';
import { waitFor } from '../support/waitFor';

/** Line 92 (1-based) of the sample: smoke test 1's "Estado: [✅ PASSED / ❌ FAILED]". */
const SMOKE_TEST_1_LINE = 91;
const CHOICE = '[✅ PASSED / ❌ FAILED]';

suite('code actions', () => {
  test('the [✅ PASSED / ❌ FAILED] placeholder of smoke test 1 offers Choose "✅ PASSED" and Choose "❌ FAILED"', async () => {
    const document = await vscode.workspace.openTextDocument(sampleUri());
    await vscode.window.showTextDocument(document);
    const line = document.lineAt(SMOKE_TEST_1_LINE).text;
    const start = line.indexOf(CHOICE);
    assert.ok(
      start >= 0,
      `line ${SMOKE_TEST_1_LINE + 1} of the sample should hold ${CHOICE}, not ${JSON.stringify(line)}`,
    );
    const range = new vscode.Range(SMOKE_TEST_1_LINE, start, SMOKE_TEST_1_LINE, start + CHOICE.length);
    // Code actions are computed from the diagnostics; make sure they are in.
    const diagnostics = await someReadinessDiagnostics(sampleUri());
    assert.ok(
      diagnostics.some((d) => d.range.intersection(range)),
      'the placeholder has a diagnostic',
    );

    const actions = await codeActionsAt<vscode.CodeAction | vscode.Command>(
      sampleUri(),
      range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const titles = actions
      .filter(
        (action): action is vscode.CodeAction =>
          'kind' in action && vscode.CodeActionKind.QuickFix.contains(action.kind ?? vscode.CodeActionKind.Empty),
      )
      .map((action) => action.title);
    assert.ok(titles.includes('Choose "✅ PASSED"'), `quick fixes offered: ${JSON.stringify(titles)}`);
    assert.ok(titles.includes('Choose "❌ FAILED"'), `quick fixes offered: ${JSON.stringify(titles)}`);
  });

  test('applying Choose "✅ PASSED" writes the option and clears the diagnostic', async () => {
    const editor = await vscode.window.showTextDocument(sampleUri());
    const before = await someReadinessDiagnostics(sampleUri());
    const api = await readinessApi();
    const start = editor.document.lineAt(SMOKE_TEST_1_LINE).text.indexOf(CHOICE);
    const range = new vscode.Range(SMOKE_TEST_1_LINE, start, SMOKE_TEST_1_LINE, start + CHOICE.length);
    const actions = await codeActionsAt<vscode.CodeAction>(sampleUri(), range, vscode.CodeActionKind.QuickFix.value);
    const choose = actions.find((action) => action.title === 'Choose "✅ PASSED"');
    assert.ok(choose?.edit, 'the quick fix carries an edit');
    const isSample = (uri: vscode.Uri) => uri.toString() === sampleUri().toString();

    const published = waitFor(
      api.onDidPublishDiagnostics,
      (uri) => isSample(uri) && readinessDiagnostics(uri).length === before.length - 1,
      'one diagnostic fewer after the quick fix',
    );
    assert.ok(await vscode.workspace.applyEdit(choose.edit));
    await published;
    assert.equal(editor.document.lineAt(SMOKE_TEST_1_LINE).text, 'Estado: ✅ PASSED');

    // The fixture is read-only on disk: revert and see the diagnostics of the original text again.
    const reverted = waitFor(
      api.onDidPublishDiagnostics,
      (uri) => isSample(uri) && readinessDiagnostics(uri).length === before.length,
      'the diagnostics of the original text',
    );
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await reverted;
  });
});
