// The Testing view's smoke tests and the current environment: the TestController, kept in step
// with the sidebar's store (a checklist changed, a run recorded results) and the settings; and a
// status bar item that shows the current environment and switches it with a quick pick.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { COMMANDS } from '../../../server/src/protocol';
import type { SmokeTestRunner } from '../smoke/runSmokeTests';
import { SmokeTestController } from './testController';

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
    const environments = controller.environments;
    if (environments.length === 0) return status.hide();
    const current = controller.currentEnvironment;
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
      checklistsChanged(refreshSoon),
      vscode.workspace.onDidChangeConfiguration((event) => event.affectsConfiguration('readiness') && refreshSoon()),
      vscode.commands.registerCommand(COMMANDS.selectEnvironment, () => selectEnvironment(controller)),
      { dispose: () => clearTimeout(timer) },
    ),
  };
}

/** The quick pick of environments; the choice becomes `readiness.environment` of the workspace. */
async function selectEnvironment(controller: SmokeTestController): Promise<void> {
  await controller.refresh();
  const none = vscode.l10n.t('No environment (readiness.smoke.baseUrl)');
  const picks = [
    ...controller.environments.map((name) => ({ label: name, picked: name === controller.currentEnvironment })),
    { label: none, picked: controller.currentEnvironment === undefined },
  ];
  const chosen = await vscode.window.showQuickPick(picks, {
    title: vscode.l10n.t('Readiness: environment of the smoke tests'),
  });
  if (!chosen) return;
  const target = vscode.workspace.workspaceFolders
    ? vscode.ConfigurationTarget.Workspace
    : vscode.ConfigurationTarget.Global;
  await vscode.workspace
    .getConfiguration('readiness')
    .update('environment', chosen.label === none ? undefined : chosen.label, target);
  await controller.refresh();
}
