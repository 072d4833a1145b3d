// Drives a spawned `dist/server.js --stdio` over the protocol, as an editor would.
import { spawn, type ChildProcess } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  InitializeRequest,
  InitializedNotification,
  DidOpenTextDocumentNotification,
  DidChangeTextDocumentNotification,
  PublishDiagnosticsNotification,
  ConfigurationRequest,
  DiagnosticRefreshRequest,
  RegistrationRequest,
  ShutdownRequest,
  ApplyWorkspaceEditRequest,
  type ApplyWorkspaceEditParams,
  ExitNotification,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type InitializeResult,
  type Registration,
  LogMessageNotification,
  WorkDoneProgressCreateRequest,
  type ApplyWorkspaceEditResult,
  type LogMessageParams,
  type MessageConnection,
  type ProgressToken,
} from 'vscode-languageserver-protocol/node';
import { serverBundle } from './paths';

export interface TestServer {
  readonly connection: ProtocolConnection;
  readonly initializeResult: InitializeResult;
  open(path: string, text: string, languageId?: string): Promise<PublishDiagnosticsParams>;
  change(uri: string, version: number, text: string): Promise<PublishDiagnosticsParams>;
  nextDiagnostics(uri: string, version?: number): Promise<PublishDiagnosticsParams>;
  /** Workspace edits the server asked the client to apply, in order; each was accepted. */
  readonly appliedEdits: ApplyWorkspaceEditParams[];
  /** Capabilities the server registered dynamically (configuration changes, file watchers). */
  readonly registrations: Registration[];
  /** Every `window/logMessage` (what an editor shows in the server's output channel), in order. */
  readonly logMessages: LogMessageParams[];
  /** Every `$/progress` the test did not handle itself, in order. */
  readonly progress: { readonly token: ProgressToken; readonly value: unknown }[];
  /** Tokens the server created with `window/workDoneProgress/create` (with `workDoneProgress: true`). */
  readonly createdProgressTokens: ProgressToken[];
  /** Every `textDocument/publishDiagnostics`, in order. */
  readonly pushed: PublishDiagnosticsParams[];
  /** How many `workspace/diagnostic/refresh` requests the server sent. */
  readonly refreshes: () => number;
  /** Resolves at the server's next `workspace/diagnostic/refresh`. */
  nextRefresh(): Promise<void>;
  stop(): Promise<void>;
}

export interface StartOptions {
  readonly locale?: string;
  readonly workspaceFolder?: string;
  /** Several workspace folders (a multi-root workspace), instead of `workspaceFolder`. */
  readonly workspaceFolders?: readonly string[];
  /** Pins the server's date (`YYYY-MM-DD`) through `initializationOptions.today`. */
  readonly today?: string;
  /** What the server gets back for `workspace/configuration` of section `readiness`. */
  readonly settings?: Record<string, unknown>;
  /** Answers `workspace/applyEdit` (default: accepted); only accepted edits are kept in `appliedEdits`. */
  readonly onApplyEdit?: (
    params: ApplyWorkspaceEditParams,
  ) => ApplyWorkspaceEditResult | Promise<ApplyWorkspaceEditResult>;
  /** Handlers of the server's custom requests (`readiness/...`), registered before anything is sent. */
  readonly requestHandlers?: Readonly<Record<string, (params: never) => unknown>>;
  /** Declares `window.workDoneProgress`, so the server may create progress (accepted and recorded). */
  readonly workDoneProgress?: boolean;
  /** Declares pull diagnostics (`textDocument.diagnostic`) with refresh support, as VS Code does. */
  readonly pullDiagnostics?: boolean;
  /** `false`: the client cannot watch files (no `workspace.didChangeWatchedFiles`); VS Code can. */
  readonly watchFiles?: boolean;
  /** Environment variables for the server process, over this process's. */
  readonly env?: Readonly<Record<string, string>>;
  /** Arguments for the server after `--stdio` (`--code-cache-dir=PATH`). */
  readonly args?: readonly string[];
}

export async function startServer(options: StartOptions = {}): Promise<TestServer> {
  const child: ChildProcess = spawn(process.execPath, [serverBundle, '--stdio', ...(options.args ?? [])], {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, ...options.env },
  });
  if (!child.stdout || !child.stdin) throw new Error('server has no stdio');
  const connection = createProtocolConnection(
    new StreamMessageReader(child.stdout),
    new StreamMessageWriter(child.stdin),
  );
  const waiters: { uri: string; version: number | undefined; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  const pushed: PublishDiagnosticsParams[] = [];
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    pushed.push(params);
    const index = waiters.findIndex(
      (w) => w.uri === params.uri && (w.version === undefined || w.version === params.version),
    );
    if (index !== -1) waiters.splice(index, 1)[0]?.resolve(params);
  });
  connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => options.settings ?? null));
  const registrations: Registration[] = [];
  connection.onRequest(RegistrationRequest.type, (params) => {
    registrations.push(...params.registrations);
  });
  const appliedEdits: ApplyWorkspaceEditParams[] = [];
  connection.onRequest(ApplyWorkspaceEditRequest.type, async (params) => {
    const result = options.onApplyEdit ? await options.onApplyEdit(params) : { applied: true };
    if (result.applied) appliedEdits.push(params);
    return result;
  });
  for (const [method, handler] of Object.entries(options.requestHandlers ?? {}))
    connection.onRequest(method, (params) => handler(params as never));
  const logMessages: LogMessageParams[] = [];
  connection.onNotification(LogMessageNotification.type, (params) => {
    logMessages.push(params);
  });
  const progress: { token: ProgressToken; value: unknown }[] = [];
  // The protocol connection is a message connection, whose progress without a handler of its own is reported here.
  (connection as unknown as MessageConnection).onUnhandledProgress((params) => {
    progress.push(params as { token: ProgressToken; value: unknown });
  });
  const createdProgressTokens: ProgressToken[] = [];
  connection.onRequest(WorkDoneProgressCreateRequest.type, (params) => {
    createdProgressTokens.push(params.token);
  });
  let refreshes = 0;
  let refreshWaiters: (() => void)[] = [];
  connection.onRequest(DiagnosticRefreshRequest.type, () => {
    refreshes++;
    const waiting = refreshWaiters;
    refreshWaiters = [];
    for (const resolve of waiting) resolve();
  });
  connection.listen();

  const folders = options.workspaceFolders ?? (options.workspaceFolder ? [options.workspaceFolder] : []);
  const folder = folders[0];
  const initializeResult = await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: folder ? pathToFileURL(folder).href : null,
    workspaceFolders:
      folders.length > 0
        ? folders.map((path, i) => ({
            uri: pathToFileURL(path).href,
            name: i === 0 ? 'workspace' : `workspace${i + 1}`,
          }))
        : null,
    locale: options.locale ?? 'en',
    initializationOptions: options.today ? { today: options.today } : undefined,
    capabilities: {
      workspace: {
        configuration: true,
        workspaceFolders: true,
        didChangeConfiguration: { dynamicRegistration: true },
        ...(options.watchFiles === false ? {} : { didChangeWatchedFiles: { dynamicRegistration: true } }),
        workspaceEdit: { documentChanges: true, resourceOperations: ['create'] },
        ...(options.pullDiagnostics ? { diagnostics: { refreshSupport: true } } : {}),
      },
      ...(options.workDoneProgress ? { window: { workDoneProgress: true } } : {}),
      ...(options.pullDiagnostics
        ? { textDocument: { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } }
        : {}),
    },
  });
  await connection.sendNotification(InitializedNotification.type, {});

  const nextDiagnostics = (uri: string, version?: number) =>
    new Promise<PublishDiagnosticsParams>((resolve) => waiters.push({ uri, version, resolve }));

  return {
    connection,
    initializeResult,
    nextDiagnostics,
    appliedEdits,
    registrations,
    logMessages,
    progress,
    createdProgressTokens,
    pushed,
    refreshes: () => refreshes,
    nextRefresh: () => new Promise<void>((resolve) => refreshWaiters.push(resolve)),
    async open(path, text, languageId = 'markdown') {
      const uri = pathToFileURL(path).href;
      const published = nextDiagnostics(uri, 1);
      await connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri, languageId, version: 1, text },
      });
      return published;
    },
    async change(uri, version, text) {
      const published = nextDiagnostics(uri, version);
      await connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version },
        contentChanges: [{ text }],
      });
      return published;
    },
    async stop() {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      await connection.sendRequest(ShutdownRequest.type);
      await connection.sendNotification(ExitNotification.type);
      await exited;
      connection.dispose();
    },
  };
}
