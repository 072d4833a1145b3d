// Secrets the owner moves out of the checklist live in VS Code's SecretStorage,
// under one key per variable name, where the smoke-test runner finds them.
import * as vscode from 'vscode';
import { COMMANDS, type MoveSecretToStorageArguments } from '../../server/src/protocol';

export function secretStorageKey(name: string): string {
  return `readiness.secret.${name}`;
}

/**
 * `readiness.moveSecretToStorage`, run by the server's "Move to secret storage as NAME" quick fix:
 * stores the text at the range (the pasted value) and puts `<NAME>` in its place. The value is
 * read from the document here and goes nowhere but the store.
 */
export function registerMoveSecretToStorage(secrets: vscode.SecretStorage): vscode.Disposable {
  return vscode.commands.registerCommand(
    COMMANDS.moveSecretToStorage,
    async (...[uri, range, name]: MoveSecretToStorageArguments) => {
      const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
      const target = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
      const value = document.getText(target);
      if (value.trim() === '' || value === `<${name}>`) return;
      await secrets.store(secretStorageKey(name), value);
      const edit = new vscode.WorkspaceEdit();
      edit.replace(document.uri, target, `<${name}>`);
      if (await vscode.workspace.applyEdit(edit)) {
        void vscode.window.showInformationMessage(
          vscode.l10n.t('Stored {0} in VS Code secret storage; the checklist now says <{0}>.', name),
        );
      }
    },
  );
}
