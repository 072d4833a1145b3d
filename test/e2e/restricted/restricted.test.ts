// Restricted Mode: package.json declares untrustedWorkspaces "limited", so the extension must
// still activate and report placeholders in a workspace the user has not trusted.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extension, sampleUri, someReadinessDiagnostics } from '../support/readiness';
import { screenshot } from '../support/screenshot';

suite('Restricted Mode', () => {
  test('the sample workspace is open untrusted', () => {
    assert.equal(vscode.workspace.isTrusted, false);
  });

  test('the extension activates and reports placeholders without trust', async () => {
    await vscode.window.showTextDocument(sampleUri());
    const diagnostics = await someReadinessDiagnostics(sampleUri());
    assert.ok(diagnostics.length > 100, `got ${diagnostics.length} diagnostics`);
    assert.equal(extension().isActive, true);
    await screenshot('restricted-mode', {
      waitForSelector: '.monaco-editor .squiggly-warning, .monaco-editor .squiggly-info',
    });
  });

  test('the smoke-test lenses say they are disabled, and running one explains instead of sending anything', async () => {
    const editor = await vscode.window.showTextDocument(sampleUri());
    await someReadinessDiagnostics(sampleUri());
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>(
      'vscode.executeCodeLensProvider',
      sampleUri(),
    );
    const lens = lenses.find((l) => l.command?.title === '▶ Run smoke test 2 (Restricted Mode)');
    assert.ok(lens?.command, `code lenses: ${JSON.stringify(lenses.map((l) => l.command?.title))}`);
    const before = editor.document.getText();
    const args: unknown[] = lens.command.arguments ?? [];
    assert.equal(await vscode.commands.executeCommand(lens.command.command, ...args), undefined);
    assert.equal(editor.document.getText(), before);
  });
});
