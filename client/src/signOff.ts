// The client half of "Sign off...": when git knows no user name, the server's quick
// fix runs this command, which asks for the signer's name and sends it back; the
// server fills the sign-off (the client never edits markdown itself).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { COMMANDS, signOffRequest, type SignOffArguments, type SignOffParams } from '../../server/src/protocol';

export function registerSignOff(client: LanguageClient): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.signOff, async (args: SignOffArguments) => {
    const name = await vscode.window.showInputBox({
      title: vscode.l10n.t('Sign off'),
      prompt: vscode.l10n.t('Your name, as it should appear on the sign-off (set git user.name to skip this question)'),
      ignoreFocusOut: true,
      validateInput: (value) => (value.trim() === '' ? vscode.l10n.t('Enter a name') : undefined),
    });
    if (name === undefined || name.trim() === '') return;
    const params: SignOffParams = { uri: args.uri, line: args.line, name: name.trim() };
    const applied = await client.sendRequest(signOffRequest, params);
    if (!applied)
      void vscode.window.showWarningMessage(
        vscode.l10n.t(
          'Readiness could not fill the sign-off; the checklist may have changed. Try the quick fix again.',
        ),
      );
  });
}
