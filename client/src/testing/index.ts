// The Testing view's smoke tests and the current environment: the TestController, kept in step
// with the sidebar's store (a checklist changed, a run recorded results) and the settings; and a
// status bar item that shows the environment of the active editor's checklist (else the first
// listed) and switches it with a quick pick.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { COMMANDS } from '../../../server/src/protocol';
import type { SmokeTestRunner } from '../smoke/runSmokeTests';
import { SmokeTestController } from './testController';

const activeUri = (): string | undefined => vscode.window.activeTextEditor?.document.uri.toString();

export function registerTesting(
  context: vscode.ExtensionContext,
  client: LanguageClient,
  runner: SmokeTestRunner,
  checklistsChanged: vscode.Event<void>,
): { controller: SmokeTestController; disposable: vscode.Disposable } {
  const controller = new SmokeTestController(client, context.workspaceState, runner);
  const status = vscode.window.createStatusBarItem('readiness.environment', vscode.StatusBarAlignment.Left, 10);
  status.name = vscode.l10n.t('Readiness environment');
  status.command = COMMANDS.selectEnvironment;
  const show = () => {
    const { names, current } = controller.environmentsFor(activeUri());
    if (names.length === 0) return status.hide();
    status.text = `$(server-environment) ${current ?? vscode.l10n.t('no environment')}`;
    status.tooltip = vscode.l10n.t(
      'Readiness: smoke tests run in {0}. Click to switch.',
      current ?? vscode.l10n.t('readiness.smoke.baseUrl'),
    );
    status.show();
  };
  let timer: NodeJS.Timeout | undefined;
  const refreshSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void controller.refresh().catch(() => undefined), 300);
  };
  return {
    controller,
    disposable: vscode.Disposable.from(
      controller,
      status,
      controller.onDidRefresh(show),
      vscode.window.onDidChangeActiveTextEditor(show),
      checklistsChanged(refreshSoon),
      vscode.workspace.onDidChangeConfiguration((event) => event.affectsConfiguration('readiness') && refreshSoon()),
      vscode.commands.registerCommand(COMMANDS.selectEnvironment, () => selectEnvironment(controller)),
      { dispose: () => clearTimeout(timer) },
    ),
  };
}

/**
 * The quick pick of the environments of the active editor's checklist (else the first listed); the
 * choice becomes `readiness.environment` of that checklist's workspace folder (of the workspace when
 * it is in none).
 */
async function selectEnvironment(controller: SmokeTestController): Promise<void> {
  await controller.refresh();
  const { names, current } = controller.environmentsFor(activeUri());
  const checklist = controller.checklistFor(activeUri());
  const none = vscode.l10n.t('No environment (readiness.smoke.baseUrl)');
  const picks = [
    ...names.map((name) => ({ label: name, picked: name === current })),
    { label: none, picked: current === undefined },
  ];
  const chosen = await vscode.window.showQuickPick(picks, {
    title: vscode.l10n.t('Readiness: environment of the smoke tests'),
  });
  if (!chosen) return;
  const resource = checklist === undefined ? undefined : vscode.Uri.parse(checklist);
  const target =
    resource && vscode.workspace.getWorkspaceFolder(resource)
      ? vscode.ConfigurationTarget.WorkspaceFolder
      : vscode.workspace.workspaceFolders
        ? vscode.ConfigurationTarget.Workspace
        : vscode.ConfigurationTarget.Global;
  await vscode.workspace
    .getConfiguration('readiness', resource)
    .update('environment', chosen.label === none ? undefined : chosen.label, target);
  await controller.refresh();
}
