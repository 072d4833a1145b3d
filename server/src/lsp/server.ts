// Wires the core into a language server. Handlers find the document, wait for
// its current analysis and call the core; nothing here parses markdown.
import { join } from 'node:path';
import {
  TextDocuments,
  TextDocumentSyncKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { localDateTime, shownFindings, type Translate } from '../core/api';
import { createReadinessService } from '../core/service';
import type { FetchHttpClient } from '../node/fetchHttpClient';
import { systemClock, wallClockOn } from '../node/systemClock';
import { createTcpClient } from '../node/tcpClient';
import { checklistResult, notAChecklist } from './checklistResult';
import { codeActions, providedCodeActionKinds } from './codeActions';
import { ruleDocsLinks } from './convert';
import { DiagnosticsProvider } from './diagnosticsProvider';
import { DocumentAnalyses } from './documentAnalyses';
import { commandHover, completions, documentSymbols, evidenceHover, hover } from './editorFeatures';
import {
  checklistChangedNotification,
  checklistRequest,
  linkExistingFileRequest,
  reportRequest,
  setStateRequest,
  smokeTestTreeRequest,
  workspaceChecklistsRequest,
  type ChecklistChangedParams,
  type ChecklistResult,
  type ReportParams,
  type ReportResult,
  type SmokeChecklistNode,
  type SmokeTestTreeResult,
} from '../protocol';
import { nodeFileProbe } from './fileFacts';
import { noReport, reportResult } from './report';
import { ReferenceChecks } from './references';
import { nodeConfigFiles } from '../node/configFiles';
import { ConfigFiles } from './configFiles';
import { mergeLayers, toSettings, type ResourceSettings } from './settings';
import { SignOffs } from './signOffs';
import { registerSmokeTests } from './smoke';
import { askSecret } from './smokeEnvironment';
import { smokeSuiteOf } from './smokeEditor';
import { Workspace } from './workspace';
import { environmentNames, smokeChecklistNode } from './smokeTestTree';
import { WorkspaceChecklists } from './workspaceChecklists';

/** The HTTP client of smoke tests, whose machinery (node:http, node:https, zlib) is loaded by the first test, not at start-up. */
function lazyFetchHttpClient(): FetchHttpClient {
  let client: Promise<FetchHttpClient> | undefined;
  const loaded = () => (client ??= import('../node/fetchHttpClient').then((m) => m.createFetchHttpClient()));
  return {
    send: async (request, signal) => (await loaded()).send(request, signal),
    warmUp: async () => (await loaded()).warmUp(),
  };
}

/** What the process that started the server hears of it. */
export interface ServerHooks {
  /** Called once, after the first checklist's analysis has been published (dist/server.js writes its code cache then). */
  readonly afterFirstAnalysis?: () => void;
}

export function startServer(connection: Connection, hooks: ServerHooks = {}): void {
  const documents = new TextDocuments(TextDocument);
  const workspace = new Workspace();
  const settingsCache = new Map<string, Promise<ResourceSettings>>();
  let locale: string | undefined;
  // The core's front door, over the server's ports; `t` is its messages in the client's display language.
  const http = lazyFetchHttpClient();
  const service = createReadinessService({
    files: nodeFileProbe,
    http,
    tcp: createTcpClient(),
    clock: systemClock,
    secrets: { get: (name) => askSecret(connection, name) },
    logger: {
      info: (m) => connection.console.info(m),
      warn: (m) => connection.console.warn(m),
      error: (m) => connection.console.error(m),
    },
    settings: { locale: () => locale, today: () => now().date },
    configFiles: nodeConfigFiles,
  });
  let t: Translate = service.messages();
  let afterFirstAnalysis = hooks.afterFirstAnalysis;
  // Diagnostic codes link to their rule in the README shipped beside the bundle (dist/../README.md).
  const ruleDocs = ruleDocsLinks(URI.file(join(__dirname, '..', 'README.md')).toString(), service.rules);
  let canAskConfiguration = false;
  let hearsFolderChanges = false;
  let registersConfigurationChanges = false;
  // File events keep the missing-file checks current; created files need workspace edits with resource operations.
  let registersFileWatchers = false;
  let appliesFileCreation = false;
  // `initializationOptions.today` pins the date (YYYY-MM-DD) for reproducible runs, like the CLI's --today.
  let fixedToday: string | undefined;

  const now = () => {
    const local = localDateTime(new Date());
    return fixedToday ? { ...local, date: fixedToday } : local;
  };

  const configFiles = new ConfigFiles(service, connection, () => t);
  // Defaults, then the configuration file found from the document's folder upward, then the editor settings the user set.
  const settings = (uri: string): Promise<ResourceSettings> => {
    let result = settingsCache.get(uri);
    if (!result) {
      const user = canAskConfiguration
        ? connection.workspace.getConfiguration({ scopeUri: uri, section: 'readiness' }).then(
            (raw: unknown) => raw,
            () => undefined,
          )
        : Promise.resolve(undefined);
      const isFolder = workspace.folderUris().includes(uri);
      const file = configFiles.forDocument(
        uri,
        isFolder ? URI.parse(uri).fsPath : workspace.folderPathOf(uri),
        isFolder,
      );
      result = Promise.all([file, user]).then(([found, raw]) => toSettings(mergeLayers(found?.parsed.raw, raw)));
      settingsCache.set(uri, result);
    }
    return result;
  };

  /** The path of the workspace folder holding a document, if any. */
  const folderOf = (uri: string): string | undefined => {
    const path = URI.parse(uri).path;
    const relative = workspace.relativePath(uri);
    return relative === path ? undefined : path.slice(0, path.length - relative.length - 1);
  };

  const references = new ReferenceChecks({
    service,
    folderOf,
    t: () => t,
    canCreateFiles: () => appliesFileCreation,
    changed: (uris) => analyses.invalidate(uris),
  });

  const diagnostics = new DiagnosticsProvider(connection, {
    ruleDocs,
    current: (uri) => analyses.current(uri),
    version: (uri) => documents.get(uri)?.version,
  });

  const analyses = new DocumentAnalyses({
    service,
    document: (uri) => documents.get(uri),
    settings,
    relativePath: (uri) => workspace.relativePath(uri),
    locale: () => locale,
    today: () => now().date,
    published: (document, version, analysis, resource) => {
      diagnostics.publish(document.uri, version, shownFindings(analysis?.findings ?? [], resource.maxProblems, t));
      const changed: ChecklistChangedParams = {
        uri: document.uri,
        version,
        isChecklist: analysis !== undefined,
        progress: analysis?.progress,
      };
      void connection.sendNotification(checklistChangedNotification, changed);
      if (analysis && afterFirstAnalysis) {
        // Once what was published has been written out, not before it.
        setImmediate(afterFirstAnalysis);
        afterFirstAnalysis = undefined;
      }
    },
    complete: (uri, analysis) => references.complete(uri, analysis),
    error: (message) => connection.console.error(message),
  });

  const smoke = registerSmokeTests(connection, {
    service,
    http,
    document: (uri) => documents.get(uri),
    analysis: (uri) => analyses.current(uri),
    settings,
    folders: () => workspace.folderUris(),
    relativePath: (uri) => workspace.relativePath(uri),
    t: () => t,
    locale: () => locale,
    wallClock: () => wallClockOn(fixedToday),
    today: () => now().date,
  });

  const signOffs = new SignOffs(connection, {
    service,
    document: (uri) => documents.get(uri),
    analysis: (uri) => analyses.current(uri),
    folderOf,
    now,
    t: () => t,
  });

  const workspaceChecklists = new WorkspaceChecklists({
    service,
    folders: () => workspace.folderUris(),
    settings,
    relativePath: (uri) => workspace.relativePath(uri),
    openText: (uri) => documents.get(uri)?.getText(),
    locale: () => locale,
    today: () => now().date,
    evidenceWording: () => ({ nowMs: wallClockOn(fixedToday).now().ms, t }),
  });

  connection.onInitialize((params): InitializeResult => {
    locale = params.locale;
    t = service.messages(locale);
    const options = params.initializationOptions as { today?: unknown } | undefined;
    if (typeof options?.today === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(options.today)) fixedToday = options.today;
    workspace.setFolders(params.workspaceFolders);
    canAskConfiguration = params.capabilities.workspace?.configuration === true;
    hearsFolderChanges = params.capabilities.workspace?.workspaceFolders === true;
    registersConfigurationChanges = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    registersFileWatchers = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    const workspaceEdit = params.capabilities.workspace?.workspaceEdit;
    appliesFileCreation =
      workspaceEdit?.documentChanges === true && (workspaceEdit.resourceOperations ?? []).includes('create');
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: providedCodeActionKinds },
        codeLensProvider: { resolveProvider: false },
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['[', ':'] },
        documentSymbolProvider: { label: 'Readiness' },
        documentLinkProvider: { resolveProvider: false },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        ...diagnostics.initialize(params.capabilities),
      },
      serverInfo: { name: 'readiness' },
    };
  });

  connection.onInitialized(() => {
    if (registersConfigurationChanges)
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'readiness' });
    if (hearsFolderChanges)
      connection.workspace.onDidChangeWorkspaceFolders((event) => workspace.addRemove(event.added, event.removed));
    if (registersFileWatchers) {
      void connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*' }] })
        .then(
          () => (references.files.watching = true),
          () => undefined,
        );
    }
  });

  connection.onDidChangeWatchedFiles((params) => {
    if (configFiles.changed(params.changes)) {
      settingsCache.clear();
      analyses.invalidate(documents.all().map((d) => d.uri));
    }
    analyses.invalidate(references.filesChanged(params.changes));
  });

  connection.onDidChangeConfiguration(() => {
    settingsCache.clear();
    analyses.invalidate(documents.all().map((d) => d.uri));
  });

  connection.onCodeAction(async (params) => {
    const analysis = await analyses.current(params.textDocument.uri);
    const document = documents.get(params.textDocument.uri);
    if (!analysis || !document) return [];
    const text = document.getText();
    const { bumpLastUpdated } = await settings(params.textDocument.uri);
    const actions = [
      ...codeActions(service, params, analysis, text, now(), t, bumpLastUpdated),
      ...smoke.codeActions(params, analysis, text),
      ...(await signOffs.codeActions(params, analysis)),
      ...(await references.codeActions(params, analysis, document.version)),
    ];
    return actions.map((action) => ({ ...action, title: analysis.safeText(action.title) }));
  });

  connection.onHover(async (params) => {
    const analysis = await analyses.current(params.textDocument.uri);
    const document = documents.get(params.textDocument.uri);
    if (!analysis || !document) return null;
    const records = service.evidence.all(document.getText(), analysis, {
      settings: (await settings(params.textDocument.uri)).analysis,
      today: now().date,
    });
    const found =
      references.hover(params.textDocument.uri, analysis, params.position) ??
      evidenceHover(service, records, params.position, wallClockOn(fixedToday).now().ms, t) ??
      hover(service, analysis.checklist, params.position, t) ??
      commandHover(service, analysis.checklist, params.position, t);
    if (!found || typeof found.contents !== 'object' || !('value' in found.contents)) return found;
    return { ...found, contents: { ...found.contents, value: analysis.safeText(found.contents.value) } };
  });

  connection.onDocumentLinks(async (params) => {
    const analysis = await analyses.current(params.textDocument.uri);
    return analysis ? references.links(params.textDocument.uri, analysis) : [];
  });

  connection.onCompletion(async (params) => {
    const analysis = await analyses.current(params.textDocument.uri);
    return analysis ? completions(service, analysis.checklist, params.position) : [];
  });

  connection.onDocumentSymbol(async (params) => {
    const analysis = await analyses.current(params.textDocument.uri);
    return analysis ? documentSymbols(service, analysis.checklist, t) : [];
  });

  const checklistOf = async (uri: string): Promise<ChecklistResult> => {
    if (!documents.get(uri)) return workspaceChecklists.fromDisk(uri, smoke.lastResults(uri));
    const analysis = await analyses.current(uri);
    const document = documents.get(uri);
    const version = document?.version ?? -1;
    if (!analysis || !document) return notAChecklist(service, uri, version);
    // The same suite as the code lenses (cached per analysis), so a row's key is a lens's key.
    const text = document.getText();
    const { analysis: analysisSettings } = await settings(uri);
    const records = service.evidence.all(text, analysis, { settings: analysisSettings, today: now().date });
    return checklistResult(
      service,
      uri,
      version,
      analysis,
      text,
      smokeSuiteOf(service, analysis, text),
      now().date,
      smoke.lastResults(uri),
      { records, nowMs: wallClockOn(fixedToday).now().ms, t },
      { t },
    );
  };

  connection.onRequest(checklistRequest, (params): Promise<ChecklistResult> => checklistOf(params.uri));

  connection.onRequest(smokeTestTreeRequest, async (params): Promise<SmokeTestTreeResult> => {
    const scan =
      params.uri === undefined
        ? await workspaceChecklists.list()
        : { checklists: [{ uri: params.uri, relativePath: workspace.relativePath(params.uri) }], complete: true };
    // Open checklists outside every workspace folder are listed too, after the scan's.
    const listed = new Set(scan.checklists.map((c) => c.uri));
    const open =
      params.uri === undefined
        ? documents
            .all()
            // One in a folder that the scan did not list (deleted, ignored) is not listed for being still open.
            .filter((d) => !listed.has(d.uri) && d.languageId === 'markdown' && folderOf(d.uri) === undefined)
            .map((d) => ({ uri: d.uri, relativePath: workspace.relativePath(d.uri) }))
        : [];
    const checklists: SmokeChecklistNode[] = [];
    for (const { uri, relativePath } of [...scan.checklists, ...open]) {
      // Each checklist's own environments: its folder's .readiness.json and workspace folder settings.
      const node = smokeChecklistNode(await checklistOf(uri), relativePath, await settings(uri), t);
      if (node.items.length > 0) checklists.push(node);
    }
    return { checklists, complete: scan.complete, environments: environmentNames(checklists) };
  });

  // The report names the checklist by its path in the workspace; one outside every folder, by its file name.
  const reportPath = (uri: string) => {
    const relative = workspace.relativePath(uri);
    return relative === URI.parse(uri).path ? relative.slice(relative.lastIndexOf('/') + 1) : relative;
  };

  connection.onRequest(reportRequest, async (params: ReportParams): Promise<ReportResult> => {
    const analysis = await analyses.current(params.uri);
    const document = documents.get(params.uri);
    if (!analysis || !document) return noReport(params, document?.version ?? -1);
    const text = document.getText();
    return reportResult(service, params, {
      analysis,
      text,
      suite: smokeSuiteOf(service, analysis, text),
      version: document.version,
      path: reportPath(params.uri),
      now: now(),
      t,
    });
  });

  connection.onRequest(workspaceChecklistsRequest, () => workspaceChecklists.list());

  connection.onRequest(setStateRequest, async (params): Promise<boolean> => {
    const analysis = await analyses.current(params.uri);
    const item = analysis?.checklist.items.find((i) => i.id === params.itemId);
    const document = documents.get(params.uri);
    if (!analysis || !item || !document) return false;
    const stateEdits = service.fixes.setState(analysis.checklist, item, params.state);
    if (stateEdits.length === 0) return true;
    const edits = (await settings(params.uri)).bumpLastUpdated
      ? service.header.withLastUpdatedBump(stateEdits, document.getText(), analysis.checklist, now().date)
      : stateEdits;
    const result = await connection.workspace.applyEdit({
      documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits }],
    });
    return result.applied;
  });

  connection.onRequest(linkExistingFileRequest, async (params): Promise<boolean> => {
    const analysis = await analyses.current(params.uri);
    const document = documents.get(params.uri);
    const edit = analysis && references.linkExistingFile(params, analysis);
    if (!document || !edit) return false;
    const result = await connection.workspace.applyEdit({
      documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits: [edit] }],
    });
    return result.applied;
  });

  documents.onDidChangeContent((event) => analyses.schedule(event.document.uri));
  documents.onDidClose((event) => {
    settingsCache.delete(event.document.uri);
    analyses.forget(event.document.uri);
    references.forget(event.document.uri);
    diagnostics.closed(event.document.uri);
  });
  documents.listen(connection);
}
