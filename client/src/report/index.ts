// The report commands: "Readiness: Open Report" (also the sidebar's verdict row) and
// "Readiness: Export Report…", on the checklist given, else the active editor's, else the
// workspace's only one.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { COMMANDS } from '../../../server/src/protocol';
import type { ChecklistStore } from '../sidebar/checklistStore';
import { ReportPanels } from './reportPanel';
import { OPEN_REPORT_COMMAND } from './verdictRow';

export const EXPORT_REPORT_COMMAND = COMMANDS.exportReport;

export function registerReport(
  client: LanguageClient,
  store: ChecklistStore,
): { readonly disposable: vscode.Disposable; readonly panels: ReportPanels } {
  const panels = new ReportPanels(client, store.onDidChange);
  const target = async (argument: unknown): Promise<string | undefined> => {
    if (typeof argument === 'string') return argument;
    if (argument instanceof vscode.Uri) return argument.toString();
    const active = vscode.window.activeTextEditor?.document;
    if (active && store.result(active.uri)) return active.uri.toString();
    const checklists = store.checklists();
    if (checklists.length === 1) return checklists[0]?.result.uri;
    if (checklists.length > 1) {
      const picked = await vscode.window.showQuickPick(
        checklists.map(({ result, relativePath }) => ({
          label: result.checklist?.title ?? relativePath ?? result.uri,
          description: relativePath ?? '',
          uri: result.uri,
        })),
        { title: vscode.l10n.t('Which checklist?') },
      );
      return picked?.uri;
    }
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a checklist to see its report.'));
    return undefined;
  };
  const disposable = vscode.Disposable.from(
    panels,
    vscode.commands.registerCommand(OPEN_REPORT_COMMAND, async (argument: unknown) => {
      const uri = await target(argument);
      if (uri) await panels.open(uri);
    }),
    vscode.commands.registerCommand(EXPORT_REPORT_COMMAND, async (argument: unknown) => {
      const uri = await target(argument);
      if (uri) await panels.export(uri);
    }),
  );
  return { disposable, panels };
}
