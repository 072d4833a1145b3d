// Knows the workspace folders, to match `readiness.files` globs against a
// document's path relative to the folder that holds it.
import { URI } from 'vscode-uri';
import type { WorkspaceFolder } from 'vscode-languageserver/node';

/** A folder's path without a trailing slash, the form `relativePath` compares against. */
const folderPath = (folder: WorkspaceFolder): string => URI.parse(folder.uri).path.replace(/\/$/, '');

export class Workspace {
  private folders: string[] = [];

  setFolders(folders: readonly WorkspaceFolder[] | null | undefined): void {
    this.folders = (folders ?? []).map(folderPath);
  }

  addRemove(added: readonly WorkspaceFolder[], removed: readonly WorkspaceFolder[]): void {
    const gone = new Set(removed.map(folderPath));
    this.folders = this.folders.filter((f) => !gone.has(f)).concat(added.map(folderPath));
  }

  /** The folders as `file:` URIs. */
  folderUris(): string[] {
    return this.folders.map((path) => URI.from({ scheme: 'file', path }).toString());
  }

  /** The file-system path of the innermost folder that holds the document, if one does. */
  folderPathOf(uri: string): string | undefined {
    const path = URI.parse(uri).path;
    const folder = this.folders.filter((f) => path.startsWith(f + '/')).sort((a, b) => b.length - a.length)[0];
    return folder === undefined ? undefined : URI.from({ scheme: 'file', path: folder }).fsPath;
  }

  /** The document's path relative to the innermost folder that holds it, else its full path. */
  relativePath(uri: string): string {
    const path = URI.parse(uri).path;
    const folder = this.folders.filter((f) => path.startsWith(f + '/')).sort((a, b) => b.length - a.length)[0];
    return folder ? path.slice(folder.length + 1) : path;
  }
}
