// Wires the core into a language server. Handlers find the document, wait for
// its current analysis and call the core; nothing here parses markdown.
import {
  TextDocuments,
  TextDocumentSyncKind,
  DidChangeConfigurationNotification,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { setStateEdits } from '../core/features/fixes';
import { translator, type Translate } from '../core/messages';
import { localNow } from './clock';
import { codeActions, providedCodeActionKinds } from './codeActions';
import { toDiagnostic } from './convert';
import { DocumentAnalyses } from './documentAnalyses';
import { completions, documentSymbols, hover } from './editorFeatures';
import { CHECKLIST_CHANGED_NOTIFICATION, CHECKLIST_REQUEST, SET_STATE_REQUEST, type ChecklistChangedParams, type ChecklistParams, type ChecklistResult, type SetStateParams } from './protocol';
import { defaultSettings, toSettings, type ResourceSettings } from './settings';
import { Workspace } from './workspace';

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const workspace = new Workspace();
  const settingsCache = new Map<string, Promise<ResourceSettings>>();
  let locale: string | undefined;
  let t: Translate = translator(undefined);
  let canAskConfiguration = false;
  let hearsFolderChanges = false;
  let registersConfigurationChanges = false;
  // `initializationOptions.today` pins the date (YYYY-MM-DD) for reproducible runs, like the CLI's --today.
  let fixedToday: string | undefined;

  const now = () => (fixedToday ? { ...localNow(), date: fixedToday } : localNow());

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
    today: () => now().date,
    published: (document, analysis) => {
      void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: (analysis?.findings ?? []).map(toDiagnostic) });
      const changed: ChecklistChangedParams = { uri: document.uri, version: document.version, isChecklist: analysis !== undefined, progress: analysis?.progress };
      void connection.sendNotification(CHECKLIST_CHANGED_NOTIFICATION, changed);
    },
    error: (message) => connection.console.error(message),
  });

  connection.onInitialize((params): InitializeResult => {
    locale = params.locale;
    t = translator(locale);
    const options = params.initializationOptions as { today?: unknown } | undefined;
    if (typeof options?.today === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(options.today)) fixedToday = options.today;
    workspace.setFolders(params.workspaceFolders);
    canAskConfiguration = params.capabilities.workspace?.configuration === true;
    hearsFolderChanges = params.capabilities.workspace?.workspaceFolders === true;
    registersConfigurationChanges = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: providedCodeActionKinds },
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['[', ':'] },
        documentSymbolProvider: { label: 'Readiness' },
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
    analyses.invalidate(documents.all().map((d) => d.uri));
  });

  connection.onCodeAction(async (params) => {
    const analysis = await analyses.current(params.textDocument.uri);
    const text = documents.get(params.textDocument.uri)?.getText();
    return analysis && text !== undefined ? codeActions(params, analysis, text, now(), t) : [];
  });

  connection.onHover(async (params) => {
    const analysis = await analyses.current(params.textDocument.uri);
    return analysis ? hover(analysis.checklist, params.position, t) : null;
  });

  connection.onCompletion(async (params) => {
    const analysis = await analyses.current(params.textDocument.uri);
    return analysis ? completions(analysis.checklist, params.position) : [];
  });

  connection.onDocumentSymbol(async (params) => {
    const analysis = await analyses.current(params.textDocument.uri);
    return analysis ? documentSymbols(analysis.checklist, t) : [];
  });

  connection.onRequest(CHECKLIST_REQUEST, async (params: ChecklistParams): Promise<ChecklistResult> => {
    const analysis = await analyses.current(params.uri);
    const version = documents.get(params.uri)?.version ?? -1;
    const openPlaceholders = (analysis?.checklist.items ?? []).flatMap((item) =>
      item.placeholders.map((p) => ({ itemId: item.id, text: p.text, range: p.range, kind: p.kind })),
    );
    return { uri: params.uri, version, isChecklist: analysis !== undefined, checklist: analysis?.checklist, progress: analysis?.progress, openPlaceholders };
  });

  connection.onRequest(SET_STATE_REQUEST, async (params: SetStateParams): Promise<boolean> => {
    const analysis = await analyses.current(params.uri);
    const item = analysis?.checklist.items.find((i) => i.id === params.itemId);
    const document = documents.get(params.uri);
    if (!analysis || !item || !document) return false;
    const edits = setStateEdits(analysis.checklist, item, params.state);
    if (edits.length === 0) return true;
    const result = await connection.workspace.applyEdit({ documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits }] });
    return result.applied;
  });

  documents.onDidChangeContent((event) => analyses.schedule(event.document.uri));
  documents.onDidClose((event) => {
    settingsCache.delete(event.document.uri);
    analyses.forget(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });
  documents.listen(connection);
}
