// The Readiness sidebar in a real VS Code, on the sample workspace: blocker counts, badge,
// verdict and status bar; setting a state; going to an open field; filters; several checklists;
// the welcome view; and the screenshots for the README.
import * as assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { extension, readinessApi, sampleUri, someReadinessDiagnostics } from '../support/readiness';
import { screenshot } from '../support/screenshot';
import {
  SIDEBAR_ROWS,
  VIEW_CONTAINER_COMMAND,
  allNodes,
  click,
  itemNode,
  rootLines,
  sidebarWhen,
} from '../support/sidebar';

const isSample = (uri: vscode.Uri | undefined) => uri?.toString() === sampleUri().toString();

async function showSample(): Promise<vscode.TextEditor> {
  const editor = await vscode.window.showTextDocument(sampleUri(), { preview: false });
  await someReadinessDiagnostics(sampleUri());
  return editor;
}

/** Puts the sample back as it is on disk (the fixture is never saved). */
async function revertSample(): Promise<void> {
  const document = vscode.workspace.textDocuments.find((d) => isSample(d.uri));
  if (!document?.isDirty) return;
  await vscode.window.showTextDocument(document);
  await vscode.commands.executeCommand('workbench.action.files.revert');
  await sidebarWhen((s) => s.badge === 6 && s.roots[1]?.description === '0/6', 'the sample as on disk again');
}

suite('sidebar', () => {
  let sampleOnDisk = '';

  suiteSetup(async () => {
    sampleOnDisk = readFileSync(sampleUri().fsPath, 'utf8');
    // VS Code in the browser saves after a delay by default; these tests edit the fixture and must never save it.
    await vscode.workspace.getConfiguration('files').update('autoSave', 'off', vscode.ConfigurationTarget.Global);
    await readinessApi();
    await vscode.commands.executeCommand(VIEW_CONTAINER_COMMAND);
    // A wider sidebar, so the screenshots show whole titles and descriptions: the resize commands
    // act on the focused part, and the headless workbench keeps the editor focused, so the editor shrinks.
    await showSample();
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    for (let step = 0; step < 3; step++) await vscode.commands.executeCommand('workbench.action.decreaseViewWidth');
  });
  teardown(revertSample);
  suiteTeardown(() => {
    assert.equal(readFileSync(sampleUri().fsPath, 'utf8'), sampleOnDisk, 'the sample on disk is unchanged');
  });

  test('shows the sample: the verdict row, 6 blockers pending, the badge, the NO-GO message and "NO-GO · Blockers 0/6" in the status bar', async () => {
    await showSample();
    const snapshot = await sidebarWhen((s) => s.roots.length > 0 && s.statusBar !== undefined, 'the sample checklist');
    // The core's verdict first (a click opens the report), then the groups.
    assert.deepEqual(rootLines(snapshot).slice(0, 3), [
      'NO-GO: 6 of 6 blockers pending Open report',
      '🔴 BLOQUERS 0/6',
      '🟡 INFRAESTRUCTURA Y OBSERVABILIDAD 0/4',
    ]);
    assert.equal(snapshot.roots.length, 9);
    assert.equal(snapshot.roots[1]?.children.length, 6);
    assert.equal(snapshot.badge, 6);
    assert.equal(snapshot.message, 'NO-GO: 6 of 6 blockers pending');
    assert.equal(snapshot.statusBar, 'NO-GO · Blockers 0/6');
    assert.equal(snapshot.welcome, false);

    const { sidebar } = await readinessApi();
    const first = itemNode(snapshot, '1');
    await sidebar.reveal(first, { expand: true, select: true });
    await screenshot('sidebar-pending', { waitForSelector: SIDEBAR_ROWS });
  });

  test('setting an Estado to done from the menu, or by typing, changes the counts and the status bar; the verdict waits for the evidence', async () => {
    const editor = await showSample();
    const before = await sidebarWhen((s) => s.badge === 6, '6 blockers pending');

    await vscode.commands.executeCommand('readiness.sidebar.setState.done', itemNode(before, '1'));
    const afterMenu = await sidebarWhen(
      (s) => itemNode(s, '1').state === 'done' && s.statusBar === 'NO-GO · Blockers 1/6',
      'item 1 done',
    );
    assert.equal(afterMenu.roots[1]?.description, '1/6');
    // Done, but its blanks are still open: the blocker is not ready, so the verdict and the badge stay.
    assert.equal(afterMenu.message, 'NO-GO: 6 of 6 blockers pending');
    assert.equal(afterMenu.badge, 6);
    assert.equal(itemNode(afterMenu, '1').state, 'done');
    assert.match(editor.document.getText(), /- \[x\] PR Final Aprobado/, 'the summary box follows');

    // By hand: the Estado line of item 2.
    const text = editor.document.getText();
    const offset = text.indexOf('**Estado**: ⏳ Pendiente', text.indexOf('### 2. CI Verde'));
    const range = new vscode.Range(
      editor.document.positionAt(offset),
      editor.document.positionAt(offset + '**Estado**: ⏳ Pendiente'.length),
    );
    assert.ok(await editor.edit((edit) => edit.replace(range, '**Estado**: ✅ Completado')));
    const afterTyping = await sidebarWhen(
      (s) => itemNode(s, '2').state === 'done' && s.statusBar === 'NO-GO · Blockers 2/6',
      'item 2 done',
    );
    assert.equal(afterTyping.roots[1]?.description, '2/6');

    await vscode.commands.executeCommand('readiness.sidebar.setState.inProgress', itemNode(afterTyping, '3'));
    await vscode.commands.executeCommand('readiness.sidebar.setState.blocked', itemNode(afterTyping, '4'));
    // (contextValue holds the Estado; the state shown may be "overdue" on a clock past the sample's dates.)
    const partly = await sidebarWhen(
      (s) =>
        itemNode(s, '4').state === 'blocked' &&
        itemNode(s, '3').contextValue === 'readiness.item.in-progress.smokeTests',
      'items 3 and 4 in progress and blocked',
    );
    assert.equal(partly.message, 'NO-GO: 6 of 6 blockers pending');
    const { sidebar } = await readinessApi();
    await sidebar.reveal(itemNode(partly, '4'), { expand: true, select: true });
    await screenshot('sidebar-partly-done', { waitForSelector: SIDEBAR_ROWS });
  });

  test('clicking an open placeholder opens the checklist with the placeholder selected', async () => {
    await showSample();
    // Start elsewhere, so the click has to bring the editor back.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const snapshot = await sidebarWhen((s) => s.roots.length > 0, 'the sample checklist');
    const placeholder = itemNode(snapshot, '2').children.find(
      (child) => child.kind === 'placeholder' && child.description?.startsWith('[PEGAR URL DEL JOB CI]'),
    );
    assert.ok(placeholder, 'item 2 has its CI job placeholder');
    await click(placeholder);
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && isSample(editor.document.uri), 'the sample is the active editor');
    assert.equal(editor.document.getText(editor.selection), '[PEGAR URL DEL JOB CI]');
    assert.ok(
      editor.visibleRanges.some((visible) => visible.contains(editor.selection)),
      'the placeholder is scrolled into view',
    );
  });

  test("a pasted key becomes a child of its item that shows the finding's message, never the key, and goes to it", async () => {
    const editor = await showSample();
    // Synthetic: the shape of an OpenAI project key and nothing more.
    const key = `sk-proj-${'aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5bC7dE9fG1hJ3kL5m'}`;
    const placeholder = '[PEGAR LOG DE BUILD DOCKER]';
    const offset = editor.document.getText().indexOf(placeholder);
    assert.ok(offset >= 0, `the sample has ${placeholder}`);
    const range = new vscode.Range(
      editor.document.positionAt(offset),
      editor.document.positionAt(offset + placeholder.length),
    );
    assert.ok(await editor.edit((edit) => edit.replace(range, `ENV OPENAI_API_KEY=${key}`)));
    const flagged = await sidebarWhen(
      (s) => itemNode(s, '6').children.some((child) => child.kind === 'secret'),
      'a secret under item 6',
    );
    const six = itemNode(flagged, '6');
    const secret = six.children[0];
    assert.equal(secret?.kind, 'secret');
    assert.match(six.description ?? '', /1 possible secret/);
    for (const node of allNodes(flagged.roots))
      for (const shown of [node.label, node.description, node.tooltip])
        assert.ok(!shown?.includes(key), `${node.id} shows the key`);
    await click(secret);
    const active = vscode.window.activeTextEditor;
    assert.equal(active?.document.getText(active.selection), key, 'the click selects the key, to replace it');
  });

  test('moving the cursor into an item selects it in the view', async () => {
    const editor = await showSample();
    await vscode.commands.executeCommand(VIEW_CONTAINER_COMMAND);
    const snapshot = await sidebarWhen((s) => s.roots.length > 0, 'the sample checklist');
    const five = itemNode(snapshot, '5');
    const heading = editor.document
      .getText()
      .split('\n')
      .findIndex((line) => line.startsWith('### 5.'));
    editor.selection = new vscode.Selection(heading - 1, 0, heading - 1, 0);
    await vscode.window.showTextDocument(editor.document, { preserveFocus: false });
    const selected = sidebarWhen((s) => s.selection.includes(five.id), 'item 5 selected');
    // A cursor command moves the cursor as the keyboard does (an API selection change is not followed).
    await vscode.commands.executeCommand('cursorDown');
    await vscode.commands.executeCommand('cursorDown');
    await selected;
  });

  test('the owner filter and "show only blockers" narrow the tree, and the message says so', async () => {
    await showSample();
    await sidebarWhen((s) => s.roots.length === 9, 'every group');
    await vscode.commands.executeCommand('readiness.sidebar.filterByOwner', 'QA');
    const qa = await sidebarWhen((s) => s.filters.owner === 'QA', 'the items of QA');
    assert.deepEqual(
      allNodes(qa.roots)
        .filter((n) => n.kind === 'item')
        .map((n) => n.itemId),
      ['3', '12', '13', '14', '16'],
    );
    assert.equal(qa.message, 'NO-GO: 6 of 6 blockers pending · owner: QA');
    assert.ok(qa.owners.includes('SRE') && qa.owners.includes('Security'));

    await vscode.commands.executeCommand('readiness.sidebar.showBlockersOnly');
    const both = await sidebarWhen((s) => s.filters.blockersOnly, 'QA blockers only');
    assert.deepEqual(rootLines(both), ['NO-GO: 6 of 6 blockers pending Open report', '🔴 BLOQUERS 0/1']);
    assert.equal(both.badge, 6, 'the badge counts every blocker whatever the filter');

    await vscode.commands.executeCommand('readiness.sidebar.clearOwnerFilter');
    await vscode.commands.executeCommand('readiness.sidebar.showAllItems');
    const all = await sidebarWhen((s) => !s.filters.blockersOnly && s.filters.owner === undefined, 'no filter');
    assert.equal(all.roots.length, 9);
    assert.equal(all.message, 'NO-GO: 6 of 6 blockers pending');
  });

  test('a second checklist (an untitled one) gives one root per checklist; closing it leaves one', async () => {
    await showSample();
    const content = readFileSync(join(extension().extensionPath, 'templates', 'DELIVERABLES.en.md'), 'utf8');
    const untitled = await vscode.workspace.openTextDocument({ language: 'markdown', content });
    await vscode.window.showTextDocument(untitled);
    const two = await sidebarWhen((s) => s.roots.length === 2, 'two checklists');
    assert.deepEqual(
      two.roots.map((n) => n.kind),
      ['checklist', 'checklist'],
    );
    assert.ok(two.roots.some((n) => n.label === '📦 DELIVERABLES FOR THE PRODUCTION SUPERVISOR'));
    assert.equal(two.badge, 10);
    assert.equal(two.message, 'NO-GO: 10 of 10 blockers pending');
    assert.equal(two.statusBar, 'NO-GO · Blockers 0/4', 'the status bar follows the active editor');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await sidebarWhen((s) => s.roots.length === 9, 'the sample alone again');
  });

  test('"Create checklist from template" writes the template where asked and opens it', async () => {
    const target = vscode.Uri.file(join(tmpdir(), `readiness-e2e-${process.pid}`, 'DELIVERABLES.md'));
    try {
      const created = await vscode.commands.executeCommand<vscode.Uri | undefined>(
        'readiness.createChecklistFromTemplate',
        { language: 'es', target },
      );
      assert.equal(created?.toString(), target.toString());
      assert.equal(
        readFileSync(target.fsPath, 'utf8'),
        readFileSync(join(extension().extensionPath, 'templates', 'ENTREGABLES.es.md'), 'utf8'),
      );
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), target.toString());
      await sidebarWhen(
        (s) => s.roots.length === 2 && s.statusBar === 'NO-GO · Blockers 0/4',
        'the new checklist next to the sample',
      );
      // Outside the workspace, it is listed while an editor shows it.
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await sidebarWhen((s) => s.roots.length === 9, 'the sample alone again');
    } finally {
      rmSync(join(target.fsPath, '..'), { recursive: true, force: true });
    }
  });

  test('the welcome view shows when the workspace has no checklist', async () => {
    await showSample();
    const settings = vscode.workspace.getConfiguration('readiness');
    // User settings of the test profile, so nothing is written into the fixture folder.
    await settings.update('ignore', ['**'], vscode.ConfigurationTarget.Global);
    try {
      const empty = await sidebarWhen((s) => s.welcome, 'the welcome view');
      assert.deepEqual(empty.roots, []);
      assert.equal(empty.badge, undefined);
      assert.equal(empty.statusBar, undefined, 'no checklist in the active editor, no status bar item');
      await vscode.commands.executeCommand(VIEW_CONTAINER_COMMAND);
      await screenshot('sidebar-welcome', {
        waitForSelector: '[id="workbench.view.extension.readiness"] .welcome-view-content',
      });
    } finally {
      await settings.update('ignore', undefined, vscode.ConfigurationTarget.Global);
    }
    const back = await sidebarWhen((s) => !s.welcome && s.roots.length === 9, 'the sample again');
    assert.equal(back.badge, 6);
  });
});
