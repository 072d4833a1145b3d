// Knows the workspace folders, to match `readiness.files` globs against a
// document's path relative to the folder that holds it.
import { URI } from 'vscode-uri';
import type { WorkspaceFolder } from 'vscode-languageserver/node';

export class Workspace {
  private folders: string[] = [];

  setFolders(folders: readonly WorkspaceFolder[] | null | undefined): void {
    this.folders = (folders ?? []).map((f) => URI.parse(f.uri).path.replace(/\/$/, ''));
  }

  addRemove(added: readonly WorkspaceFolder[], removed: readonly WorkspaceFolder[]): void {
    const gone = new Set(removed.map((f) => URI.parse(f.uri).path.replace(/\/$/, '')));
    this.folders = this.folders.filter((f) => !gone.has(f)).concat(added.map((f) => URI.parse(f.uri).path.replace(/\/$/, '')));
  }

  /** The folders as `file:` URIs. */
  folderUris(): string[] {
    return this.folders.map((path) => URI.from({ scheme: 'file', path }).toString());
  }

  /** The document's path relative to the innermost folder that holds it, else its full path. */
  relativePath(uri: string): string {
    const path = URI.parse(uri).path;
    const folder = this.folders.filter((f) => path.startsWith(f + '/')).sort((a, b) => b.length - a.length)[0];
    return folder ? path.slice(folder.length + 1) : path;
  }
}
