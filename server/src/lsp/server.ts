// Wires the core into a language server. Handlers find the document and call
// the core; nothing here parses markdown.
import {
  TextDocuments,
  TextDocumentSyncKind,
  DidChangeConfigurationNotification,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { toDiagnostic } from './convert';
import { DocumentAnalyses } from './documentAnalyses';
import { defaultSettings, toSettings, type ResourceSettings } from './settings';
import { Workspace } from './workspace';

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const workspace = new Workspace();
  const settingsCache = new Map<string, Promise<ResourceSettings>>();
  let locale: string | undefined;
  let canAskConfiguration = false;
  let hearsFolderChanges = false;
  let registersConfigurationChanges = false;

  const settings = (uri: string): Promise<ResourceSettings> => {
    if (!canAskConfiguration) return Promise.resolve(defaultSettings);
    let result = settingsCache.get(uri);
    if (!result) {
      result = connection.workspace.getConfiguration({ scopeUri: uri, section: 'readiness' }).then(toSettings, () => defaultSettings);
      settingsCache.set(uri, result);
    }
    return result;
  };

  const analyses = new DocumentAnalyses({
    document: (uri) => documents.get(uri),
    settings,
    relativePath: (uri) => workspace.relativePath(uri),
    locale: () => locale,
    published: (document, analysis) =>
      void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: (analysis?.findings ?? []).map(toDiagnostic) }),
    error: (message) => connection.console.error(message),
  });

  connection.onInitialize((params): InitializeResult => {
    locale = params.locale;
    workspace.setFolders(params.workspaceFolders);
    canAskConfiguration = params.capabilities.workspace?.configuration === true;
    hearsFolderChanges = params.capabilities.workspace?.workspaceFolders === true;
    registersConfigurationChanges = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'readiness' },
    };
  });

  connection.onInitialized(() => {
    if (registersConfigurationChanges) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'readiness' });
    if (hearsFolderChanges) connection.workspace.onDidChangeWorkspaceFolders((event) => workspace.addRemove(event.added, event.removed));
  });

  connection.onDidChangeConfiguration(() => {
    settingsCache.clear();
    for (const document of documents.all()) analyses.schedule(document.uri);
  });

  documents.onDidChangeContent((event) => analyses.schedule(event.document.uri));
  documents.onDidClose((event) => {
    settingsCache.delete(event.document.uri);
    analyses.forget(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });
  documents.listen(connection);
}
