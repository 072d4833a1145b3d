// What the tests share: where the sample workspace is, how to reach the extension under test
// and its test API, and how to wait for the diagnostics it publishes.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ReadinessTestApi } from '../../../client/src/testApi';
import { eventually, waitFor } from './waitFor';

export const EXTENSION_ID = 'readiness-tools.readiness';
export const SOURCE = 'readiness';

export function extension(): vscode.Extension<ReadinessTestApi> {
  const found = vscode.extensions.getExtension<ReadinessTestApi>(EXTENSION_ID);
  assert.ok(found, `${EXTENSION_ID} is not installed in this VS Code`);
  return found;
}

/** Activates the extension (a no-op when a markdown file already did) and returns its test API. */
export async function readinessApi(): Promise<ReadinessTestApi> {
  return extension().activate();
}

/** The sample workspace (test/fixtures/workspace), which the runner opens as the only folder. */
export function workspaceFolder(): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open; the runner should open test/fixtures/workspace');
  return folder;
}

export function workspaceFile(name: string): vscode.Uri {
  return vscode.Uri.file(join(workspaceFolder().uri.fsPath, name));
}

export const sampleUri = (): vscode.Uri => workspaceFile('ENTREGABLES.md');

export function readinessDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

/** The Readiness diagnostics of `uri` once there are some: already published, or on a later change. */
export function someReadinessDiagnostics(uri: vscode.Uri): Promise<vscode.Diagnostic[]> {
  const read = () => {
    const found = readinessDiagnostics(uri);
    return found.length > 0 ? found : undefined;
  };
  return eventually(read, vscode.languages.onDidChangeDiagnostics, `Readiness diagnostics for ${uri.fsPath}`);
}

/**
 * Opens `uri`, which must not be open yet, in an editor and resolves once the Readiness server
 * has published diagnostics for it (an empty set for a file that is not a checklist).
 */
export async function openAndAwaitPublish(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const api = await readinessApi();
  // An already open document sends no didOpen, so no publish would come.
  assert.ok(
    !vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()),
    `${uri.fsPath} is already open`,
  );
  const published = waitFor(
    api.onDidPublishDiagnostics,
    (published) => published.toString() === uri.toString(),
    `the Readiness server to publish for ${uri.fsPath}`,
  );
  const editor = await vscode.window.showTextDocument(uri);
  await published;
  return editor;
}

export function codeOf(diagnostic: vscode.Diagnostic): string | number | undefined {
  const { code } = diagnostic;
  return typeof code === 'object' ? code.value : code;
}

export function severityName(severity: vscode.DiagnosticSeverity): string {
  return ['error', 'warning', 'information', 'hint'][severity] ?? String(severity);
}

/**
 * The code actions VS Code offers at `range`. While VS Code gathers code actions, any change to the
 * registered code action providers (an extension registering one as it starts, such as VS Code's
 * markdown support and its language server) cancels the request: VS Code then drops what the
 * providers answered, and the result is empty or a "Canceled" error. So the request is made once
 * every extension that starts for this workspace or a markdown file has finished starting, after
 * which the providers no longer change.
 */
export async function codeActionsAt<T extends vscode.CodeAction | vscode.Command = vscode.CodeAction>(
  uri: vscode.Uri,
  range: vscode.Range,
  kind: string,
): Promise<T[]> {
  await startedExtensions();
  return vscode.commands.executeCommand<T[]>('vscode.executeCodeActionProvider', uri, range, kind);
}

/** Activation events of extensions that start anyway in these tests (at start-up, or for a markdown file). */
const STARTS_FOR_MARKDOWN = /^(?:\*|onStartupFinished|onLanguage:markdown)$/;

/**
 * Resolves once every extension that starts at start-up or for a markdown file has activated
 * (activating those not started yet, as opening a markdown file or the end of start-up would).
 */
async function startedExtensions(): Promise<void> {
  const starting = vscode.extensions.all.filter((candidate) => {
    const events: unknown = (candidate.packageJSON as { activationEvents?: unknown }).activationEvents;
    return (
      Array.isArray(events) && events.some((event) => typeof event === 'string' && STARTS_FOR_MARKDOWN.test(event))
    );
  });
  // An extension that fails to start registers nothing more; that is not this test's concern.
  await Promise.all(
    starting
      .map(async (candidate) => {
        await candidate.activate();
      })
      .map((activated) => activated.catch(() => undefined)),
  );
}
