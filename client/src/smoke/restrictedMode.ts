// Smoke tests send requests, and secrets, over the network, so they run only in a
// trusted workspace. In Restricted Mode the server still offers its lenses and
// quick fix; here their titles say why they will not run, and the command shows
// the explanation with a way to trust the workspace. Nothing else is restricted.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { COMMANDS } from '../../../server/src/protocol';

const RUN = COMMANDS.runSmokeTests;

export function explainRestrictedMode(): void {
  const manage = vscode.l10n.t('Manage Workspace Trust');
  void vscode.window
    .showWarningMessage(
      vscode.l10n.t(
        'Readiness runs smoke tests only in a trusted workspace: they send requests, and secrets, over the network. This workspace is in Restricted Mode.',
      ),
      manage,
    )
    .then((choice) => {
      if (choice === manage) void vscode.commands.executeCommand('workbench.trust.manage');
    });
}

const restricted = (title: string): string => vscode.l10n.t('{0} (Restricted Mode)', title);

/**
 * Rewrites the smoke-test lenses and quick fix while the workspace is untrusted, through the
 * client's middleware (read on every call, so it is extended in place, keeping what was there).
 */
export function markSmokeRunsInRestrictedMode(client: LanguageClient): vscode.Disposable {
  const middleware = client.middleware;
  const previousLenses = middleware.provideCodeLenses;
  middleware.provideCodeLenses = async (document, token, next) => {
    const lenses = await (previousLenses ? previousLenses(document, token, next) : next(document, token));
    if (vscode.workspace.isTrusted || !lenses) return lenses;
    for (const lens of lenses) {
      if (lens.command?.command !== RUN) continue;
      lens.command = {
        ...lens.command,
        title: restricted(lens.command.title),
        tooltip: vscode.l10n.t('Smoke tests run only in a trusted workspace'),
      };
    }
    return lenses;
  };
  const previousActions = middleware.provideCodeActions;
  middleware.provideCodeActions = async (document, range, context, token, next) => {
    const actions = await (previousActions
      ? previousActions(document, range, context, token, next)
      : next(document, range, context, token));
    if (vscode.workspace.isTrusted || !actions) return actions;
    for (const action of actions) {
      if (action instanceof vscode.CodeAction && action.command?.command === RUN)
        action.title = restricted(action.title);
    }
    return actions;
  };
  // Granting trust changes no document, so VS Code would keep showing the restricted titles.
  return vscode.workspace.onDidGrantWorkspaceTrust(() => {
    const lenses = client.getFeature('textDocument/codeLens');
    for (const document of vscode.workspace.textDocuments)
      lenses.getProvider(document)?.onDidChangeCodeLensEmitter.fire();
  });
}
