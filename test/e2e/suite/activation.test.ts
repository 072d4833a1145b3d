// Runs first (files run in name order): it proves that opening a checklist activates the
// extension by itself, before any other test calls activate().
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extension, sampleUri, someReadinessDiagnostics, workspaceFolder } from '../support/readiness';

suite('activation', () => {
  test('opens the sample workspace with the extension installed', () => {
    assert.equal(workspaceFolder().name, 'workspace');
    assert.ok(extension().packageJSON, 'package.json of the extension under test');
  });

  test('activates when a checklist of the sample workspace opens, and exports its test API', async () => {
    await vscode.window.showTextDocument(sampleUri());
    // No activate() call here: diagnostics can only come from an extension that activated on its own.
    await someReadinessDiagnostics(sampleUri());
    const readiness = extension();
    assert.equal(readiness.isActive, true);
    assert.equal(typeof readiness.exports.onDidPublishDiagnostics, 'function');
  });
});
