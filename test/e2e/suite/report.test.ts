// The supervisor's report in a real VS Code: "Readiness: Open Report" shows the server's HTML in a
// webview beside the checklist and follows edits; the sidebar's verdict row opens it; and the HTML
// file rendered on its own in headless Chromium, light and dark, for the README.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { readinessApi, sampleUri, someReadinessDiagnostics } from '../support/readiness';
import { renderInBrowser, screenshot } from '../support/screenshot';
import { allNodes, sidebarWhen, VIEW_CONTAINER_COMMAND } from '../support/sidebar';
import { eventually, waitFor } from '../support/waitFor';

const isSample = (uri: vscode.Uri | undefined) => uri?.toString() === sampleUri().toString();

function reportTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.includes('readiness.report'));
}

/** The report tabs once there are `count` of them: the tab model follows the panel asynchronously. */
function reportTabsWhen(count: number): Promise<vscode.Tab[]> {
  const read = () => (reportTabs().length === count ? reportTabs() : undefined);
  const tabs = () =>
    vscode.window.tabGroups.all
      .flatMap((g) =>
        g.tabs.map(
          (t) =>
            `${t.label} (${t.input?.constructor.name ?? 'none'}: ${t.input instanceof vscode.TabInputWebview ? t.input.viewType : ''})`,
        ),
      )
      .join(', ');
  return eventually(read, vscode.window.tabGroups.onDidChangeTabs, `${count} report tab(s); tabs are ${tabs()}`);
}

async function closeReports(): Promise<void> {
  await vscode.window.tabGroups.close(reportTabs());
  await reportTabsWhen(0);
}

async function revertSample(): Promise<void> {
  const document = vscode.workspace.textDocuments.find((d) => isSample(d.uri));
  if (!document?.isDirty) return;
  await vscode.window.showTextDocument(document);
  await vscode.commands.executeCommand('workbench.action.files.revert');
}

suite('report', () => {
  let sampleOnDisk = '';

  suiteSetup(async () => {
    sampleOnDisk = readFileSync(sampleUri().fsPath, 'utf8');
    await vscode.workspace.getConfiguration('files').update('autoSave', 'off', vscode.ConfigurationTarget.Global);
    await readinessApi();
  });
  teardown(async () => {
    await closeReports();
    await revertSample();
  });
  suiteTeardown(() => {
    assert.equal(readFileSync(sampleUri().fsPath, 'utf8'), sampleOnDisk, 'the sample on disk is unchanged');
  });

  test('Open Report: the HTML report in a webview beside the checklist, under its CSP, following edits', async () => {
    const api = await readinessApi();
    const editor = await vscode.window.showTextDocument(sampleUri(), { preview: false });
    await someReadinessDiagnostics(sampleUri());
    const uri = sampleUri().toString();
    const rendered = waitFor(api.reports.onDidRender, (u) => u === uri, 'the report of the sample');
    await vscode.commands.executeCommand('readiness.openReport');
    await rendered;
    const html = api.reports.html(uri) ?? '';
    assert.match(html, /<span class="badge">NO-GO<\/span> NO-GO: 6 of 6 blockers pending/);
    assert.match(
      html,
      /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-([\w-]+)'; script-src 'nonce-\1'; img-src data:">/,
    );
    const tabs = await reportTabsWhen(1);
    assert.notEqual(tabs[0]?.group.viewColumn, editor.viewColumn, 'the report opens beside the checklist');
    await screenshot('report-webview');

    // An edit of the checklist renders the report again.
    const again = waitFor(
      api.reports.onDidRender,
      (u) =>
        u === uri && /<tr id="item-1"[^>]*>.*?<span class="state done">done<\/span>/.test(api.reports.html(uri) ?? ''),
      'the report after item 1 is set to done',
    );
    const stateLine = editor.document
      .getText()
      .split('\n')
      .findIndex((line) => line.startsWith('**Estado**: ⏳ Pendiente'));
    await editor.edit((edit) =>
      edit.replace(
        new vscode.Range(stateLine, 0, stateLine, '**Estado**: ⏳ Pendiente'.length),
        '**Estado**: ✅ Completado',
      ),
    );
    await again;
  });

  test("the sidebar's verdict row opens the report", async () => {
    const api = await readinessApi();
    await vscode.window.showTextDocument(sampleUri(), { preview: false });
    await vscode.commands.executeCommand(VIEW_CONTAINER_COMMAND);
    const snapshot = await sidebarWhen((s) => s.roots[0]?.kind === 'verdict', 'the verdict row');
    const row = allNodes(snapshot.roots)[0];
    assert.equal(row?.label, 'NO-GO: 6 of 6 blockers pending');
    const command = row && api.sidebar.treeItem(row).command;
    assert.equal(command?.command, 'readiness.openReport');
    const rendered = waitFor(
      api.reports.onDidRender,
      (u) => u === sampleUri().toString(),
      'the report from the verdict row',
    );
    await vscode.commands.executeCommand(command?.command ?? '', ...((command?.arguments ?? []) as unknown[]));
    await rendered;
    await reportTabsWhen(1);
  });

  test('the HTML file rendered on its own in headless Chromium, light and dark: self-contained', async () => {
    const api = await readinessApi();
    // The sample itself: a file opened only for this would stay in the Problems panel of later screenshots.
    await vscode.window.showTextDocument(sampleUri(), { preview: false });
    await someReadinessDiagnostics(sampleUri());
    const report = await api.reports.report(sampleUri().toString(), 'html');
    assert.equal(report?.isChecklist, true);
    assert.doesNotMatch(report?.content ?? '', /<script/);
    const light = await renderInBrowser('report-light', report?.content ?? '', {
      colorScheme: 'light',
      width: 960,
      height: 720,
    });
    const dark = await renderInBrowser('report-dark', report?.content ?? '', {
      colorScheme: 'dark',
      width: 960,
      height: 720,
    });
    if (!light || !dark) return; // a desktop VS Code has no browser of ours to render in
    for (const shot of [light, dark]) {
      assert.deepEqual(shot.requests, [], 'the page loads nothing');
      assert.deepEqual(shot.errors, []);
      assert.equal(shot.badge, 'NO-GO');
      assert.match(shot.title, /^NO-GO · /);
    }
    assert.notEqual(light.background, dark.background, 'dark mode follows prefers-color-scheme');
  });
});
