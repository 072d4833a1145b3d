// The sidebar's smoke-test commands: "Run All Smoke Tests" in the view's title, "Run Its Smoke
// Tests" on an item and "Run Smoke Test" on a smoke-test row. Each hands the tests to the editor's
// own commands (client/src/smoke), so the base URL prompt, secrets, Restricted Mode and the report
// are the same as from a code lens; the result comes back once the evidence is in the document.
import * as vscode from 'vscode';
import { COMMANDS, type RunSmokeTestsArguments, type RunSmokeTestsResult } from '../../../server/src/protocol';
import type { StoredChecklist } from './checklistStore';
import { nodeOf, reveal, type Handler } from './commands';
import type { Sidebar } from './sidebar';

const sameDocument = (a: string, b: string | undefined): boolean =>
  b !== undefined && vscode.Uri.parse(a).toString() === vscode.Uri.parse(b).toString();

/** The checklist shown; with several, the one of the selected row, else the active editor's, else the one the user picks. */
async function checklistToRun(sidebar: Sidebar): Promise<StoredChecklist | undefined> {
  const shown = sidebar.store.checklists();
  if (shown.length <= 1) return shown[0];
  const wanted = sidebar.view.selection[0]?.uri ?? vscode.window.activeTextEditor?.document.uri.toString();
  const chosen = shown.find((checklist) => sameDocument(checklist.result.uri, wanted));
  if (chosen) return chosen;
  const withTests = shown.filter((checklist) => checklist.result.smokeTests.length > 0);
  if (withTests.length <= 1) return withTests[0];
  const t = vscode.l10n.t;
  const picked = await vscode.window.showQuickPick(
    withTests.map((checklist) => ({
      label: checklist.relativePath ?? checklist.result.uri,
      description: t('{0} smoke tests', checklist.result.smokeTests.length),
      checklist,
    })),
    { title: t('Run all smoke tests'), placeHolder: t('Which checklist?') },
  );
  return picked?.checklist;
}

async function runAllSmokeTests(sidebar: Sidebar): Promise<RunSmokeTestsResult | undefined> {
  const checklist = await checklistToRun(sidebar);
  if (!checklist) return undefined;
  const { uri, smokeTests, smokeStagingHost } = checklist.result;
  // Checked here, not by the server, so that no base URL is asked for in vain.
  if (smokeTests.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} has no smoke tests.', checklist.relativePath ?? uri));
    return undefined;
  }
  const args: RunSmokeTestsArguments = {
    uri,
    ...(smokeStagingHost === undefined ? {} : { stagingHost: smokeStagingHost }),
  };
  // The evidence is pasted into the document: show it, so the change is seen (and not left unsaved in a closed file).
  await vscode.window.showTextDocument(vscode.Uri.parse(uri), { preserveFocus: true, preview: false });
  return vscode.commands.executeCommand<RunSmokeTestsResult | undefined>(COMMANDS.runAllSmokeTests, args);
}

/** The tests of the row (an item's, or one), by the keys of the model the row was built from. */
async function runRowSmokeTests(sidebar: Sidebar, argument: unknown): Promise<RunSmokeTestsResult | undefined> {
  const node = nodeOf(sidebar, argument);
  const run = node?.smokeRun;
  if (!run) return undefined;
  // As for "run all": the user sees the test (or the item) whose evidence is pasted.
  await reveal(node, true);
  return vscode.commands.executeCommand<RunSmokeTestsResult | undefined>(COMMANDS.runSmokeTests, run);
}

export const sidebarSmokeCommands: Record<string, (sidebar: Sidebar) => Handler> = {
  [COMMANDS.sidebarRunAllSmokeTests]: (sidebar) => () => runAllSmokeTests(sidebar),
  [COMMANDS.sidebarRunSmokeTests]: (sidebar) => (node) => runRowSmokeTests(sidebar, node),
  [COMMANDS.sidebarRunSmokeTest]: (sidebar) => (node) => runRowSmokeTests(sidebar, node),
};
