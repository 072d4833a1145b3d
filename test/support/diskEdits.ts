// Applies a workspace edit to the files on disk (edits.ts applies edits to a text in memory).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AnnotatedTextEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { applyEdits } from './edits';

/**
 * Applies a workspace edit to the files on disk, as an editor that saves after a refactoring
 * would: `CreateFile` honours `overwrite` and `ignoreIfExists` (creating missing folders), then
 * each text edit is applied to its file. Returns the paths written, in order.
 */
export function applyToDisk(edit: WorkspaceEdit | undefined): string[] {
  const written: string[] = [];
  const write = (uri: string, text: string) => {
    const path = fileURLToPath(uri);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    if (!written.includes(path)) written.push(path);
  };
  const editFile = (uri: string, edits: readonly (TextEdit | AnnotatedTextEdit)[]) =>
    write(uri, applyEdits(readFileSync(fileURLToPath(uri), 'utf8'), edits));
  for (const [uri, edits] of Object.entries(edit?.changes ?? {})) editFile(uri, edits);
  for (const change of edit?.documentChanges ?? []) {
    if ('textDocument' in change) {
      editFile(
        change.textDocument.uri,
        change.edits.filter((e): e is TextEdit => 'range' in e),
      );
    } else if (change.kind === 'create') {
      const exists = existsSync(fileURLToPath(change.uri));
      if (exists && (change.options?.ignoreIfExists || !change.options?.overwrite)) continue;
      write(change.uri, '');
    } else {
      throw new Error(`applyToDisk: ${change.kind} is not supported`);
    }
  }
  return written;
}
