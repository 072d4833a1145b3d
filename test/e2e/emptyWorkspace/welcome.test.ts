// In a folder without any checklist the Readiness view shows its welcome: one line of
// explanation, "Create Checklist from Template" and "Open Settings".
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { readinessApi } from '../support/readiness';
import { screenshot } from '../support/screenshot';
import { VIEW_CONTAINER_COMMAND, sidebarWhen } from '../support/sidebar';

suite('empty folder', () => {
  test('the Readiness view shows its welcome, without badge or status bar item', async () => {
    assert.equal(vscode.workspace.workspaceFolders?.[0]?.name, 'empty-workspace');
    // Nothing here activates the extension by itself (no markdown file is open): opening its view does.
    await vscode.commands.executeCommand(VIEW_CONTAINER_COMMAND);
    await readinessApi();
    const snapshot = await sidebarWhen((s) => s.welcome, 'the welcome view');
    assert.deepEqual(snapshot.roots, []);
    assert.equal(snapshot.badge, undefined);
    assert.equal(snapshot.statusBar, undefined);
    await screenshot('sidebar-welcome-empty-folder', {
      waitForSelector: '[id="workbench.view.extension.readiness"] .welcome-view-content',
    });
  });
});
