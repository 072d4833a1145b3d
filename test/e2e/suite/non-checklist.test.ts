// Readiness stays quiet on markdown that is not a checklist, even one with a few checklist-like bits.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openAndAwaitPublish, readinessDiagnostics, workspaceFile } from '../support/readiness';

suite('non-checklist markdown', () => {
  test('README.md of the sample workspace gets no Readiness diagnostics', async () => {
    const readme = workspaceFile('README.md');
    const editor = await openAndAwaitPublish(readme);
    assert.equal(editor.document.languageId, 'markdown');
    assert.match(
      editor.document.getText(),
      /\[PEGAR ENLACE AL PR\]/,
      'the README should hold a placeholder-like text, or the test proves little',
    );
    assert.deepEqual(readinessDiagnostics(readme), []);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
