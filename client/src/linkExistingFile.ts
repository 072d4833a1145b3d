// The client half of the "Link an existing file..." quick fix on a missing file:
// the server's code action runs this command, which offers the workspace files
// matching the reference's extension in a quick pick and sends the choice back;
// the server rewrites the reference (the client never edits markdown itself).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  COMMANDS,
  linkExistingFileRequest,
  type LinkExistingFileArguments,
  type LinkExistingFileParams,
} from '../../server/src/protocol';

/** Enough for any checklist's repository; findFiles stops there. */
const MAX_FILES = 5000;

interface FileItem extends vscode.QuickPickItem {
  readonly uri: vscode.Uri;
}

export function registerLinkExistingFile(client: LanguageClient): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.linkExistingFile, async (args: LinkExistingFileArguments) => {
    const files = await vscode.workspace.findFiles(args.glob, '**/node_modules/**', MAX_FILES);
    if (files.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No file in the workspace matches {0}.', args.glob));
      return;
    }
    const wanted = baseName(args.reference).toLowerCase();
    const items: FileItem[] = files
      .map((uri) => ({ uri, label: baseName(uri.path), description: vscode.workspace.asRelativePath(uri, true) }))
      // Files named like the missing one first, then by path.
      .sort(
        (a, b) =>
          Number(b.label.toLowerCase() === wanted) - Number(a.label.toLowerCase() === wanted) ||
          a.description.localeCompare(b.description),
      );
    const picked = await vscode.window.showQuickPick(items, {
      title: vscode.l10n.t('Link {0} to an existing file', args.reference),
      placeHolder: vscode.l10n.t('Choose the file the checklist should point at'),
      matchOnDescription: true,
    });
    if (!picked) return;
    const params: LinkExistingFileParams = { uri: args.uri, range: args.range, target: picked.uri.toString() };
    const applied = await client.sendRequest(linkExistingFileRequest, params);
    if (!applied)
      void vscode.window.showWarningMessage(
        vscode.l10n.t(
          'Readiness could not rewrite the reference; the checklist may have changed. Try the quick fix again.',
        ),
      );
  });
}

function baseName(path: string): string {
  return path.slice(path.replace(/\/+$/, '').lastIndexOf('/') + 1);
}
