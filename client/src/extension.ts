// Activation: starts the Readiness language server for markdown files.
// The client renders what the server computes; it never parses markdown.
import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { registerLinkExistingFile } from './linkExistingFile';
import { registerReport } from './report';
import { registerMoveSecretToStorage } from './secretStorage';
import { registerSignOff } from './signOff';
import { Sidebar } from './sidebar/sidebar';
import { registerSmokeTests } from './smoke';
import { createTestApi, type ReadinessTestApi } from './testApi';
import { registerTesting } from './testing';
import { userSettingsMiddleware } from './userSettings';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<ReadinessTestApi> {
  const module = context.asAbsolutePath('dist/server.js');
  // The server keeps its V8 code cache in the extension's global storage (removed with the extension).
  const args =
    context.globalStorageUri.scheme === 'file'
      ? [`--code-cache-dir=${vscode.Uri.joinPath(context.globalStorageUri, 'code-cache').fsPath}`]
      : [];
  // Over stdio the server sends diagnostics with their JSON cached (node IPC would serialise every one on every change).
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.stdio, args },
    debug: { module, transport: TransportKind.stdio, args, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const outputChannel = vscode.window.createOutputChannel(vscode.l10n.t('Readiness'), { log: true });
  context.subscriptions.push(outputChannel);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
    ],
    outputChannel,
    // Pull diagnostics on open and after each change; an unchanged document answers "unchanged".
    diagnosticPullOptions: { onChange: true, onSave: false },
    // Only the settings the user set: the project's .readiness.json fills in the rest on the server.
    middleware: { workspace: { configuration: userSettingsMiddleware(context.extension) } },
  };
  client = new LanguageClient('readiness', vscode.l10n.t('Readiness'), serverOptions, clientOptions);
  context.subscriptions.push(registerLinkExistingFile(client));
  context.subscriptions.push(registerSignOff(client));
  context.subscriptions.push(registerMoveSecretToStorage(context.secrets));
  const smoke = registerSmokeTests(context, client);
  context.subscriptions.push(smoke.disposable);
  const sidebar = new Sidebar(context, client);
  context.subscriptions.push(sidebar);
  const report = registerReport(client, sidebar.store);
  context.subscriptions.push(report.disposable);
  const testing = registerTesting(context, client, smoke.runner, sidebar.store.onDidChange);
  context.subscriptions.push(testing.disposable);
  const testApi = createTestApi(
    client,
    context.subscriptions,
    sidebar.testApi,
    report.panels.testApi,
    testing.controller,
  );
  await client.start();
  return testApi;
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
