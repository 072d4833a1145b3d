// Quick fixes on a choice placeholder offer each choice by name.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { sampleUri, someReadinessDiagnostics } from '../support/readiness';

/** Line 92 (1-based) of the sample: smoke test 1's "Estado: [✅ PASSED / ❌ FAILED]". */
const SMOKE_TEST_1_LINE = 91;
const CHOICE = '[✅ PASSED / ❌ FAILED]';

suite('code actions', () => {
  test('the [✅ PASSED / ❌ FAILED] placeholder of smoke test 1 offers Choose "✅ PASSED" and Choose "❌ FAILED"', async () => {
    const document = await vscode.workspace.openTextDocument(sampleUri());
    await vscode.window.showTextDocument(document);
    const line = document.lineAt(SMOKE_TEST_1_LINE).text;
    const start = line.indexOf(CHOICE);
    assert.ok(start >= 0, `line ${SMOKE_TEST_1_LINE + 1} of the sample should hold ${CHOICE}, not ${JSON.stringify(line)}`);
    const range = new vscode.Range(SMOKE_TEST_1_LINE, start, SMOKE_TEST_1_LINE, start + CHOICE.length);
    // Code actions are computed from the diagnostics; make sure they are in.
    const diagnostics = await someReadinessDiagnostics(sampleUri());
    assert.ok(diagnostics.some((d) => d.range.intersection(range)), 'the placeholder has a diagnostic');

    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', sampleUri(), range, vscode.CodeActionKind.QuickFix.value);
    const titles = actions.filter((action): action is vscode.CodeAction => 'kind' in action && vscode.CodeActionKind.QuickFix.contains(action.kind ?? vscode.CodeActionKind.Empty)).map((action) => action.title);
    assert.ok(titles.includes('Choose "✅ PASSED"'), `quick fixes offered: ${JSON.stringify(titles)}`);
    assert.ok(titles.includes('Choose "❌ FAILED"'), `quick fixes offered: ${JSON.stringify(titles)}`);
  });
});
