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
  RegistrationRequest,
  ShutdownRequest,
  ApplyWorkspaceEditRequest,
  type ApplyWorkspaceEditParams,
  ExitNotification,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type InitializeResult,
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
  stop(): Promise<void>;
}

export interface StartOptions {
  readonly locale?: string;
  readonly workspaceFolder?: string;
  /** Pins the server's date (`YYYY-MM-DD`) through `initializationOptions.today`. */
  readonly today?: string;
  /** What the server gets back for `workspace/configuration` of section `readiness`. */
  readonly settings?: Record<string, unknown>;
}

export async function startServer(options: StartOptions = {}): Promise<TestServer> {
  const child: ChildProcess = spawn(process.execPath, [serverBundle, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  if (!child.stdout || !child.stdin) throw new Error('server has no stdio');
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiters: { uri: string; version: number | undefined; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    const index = waiters.findIndex((w) => w.uri === params.uri && (w.version === undefined || w.version === params.version));
    if (index !== -1) waiters.splice(index, 1)[0]?.resolve(params);
  });
  connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => options.settings ?? null));
  connection.onRequest(RegistrationRequest.type, () => undefined);
  const appliedEdits: ApplyWorkspaceEditParams[] = [];
  connection.onRequest(ApplyWorkspaceEditRequest.type, (params) => {
    appliedEdits.push(params);
    return { applied: true };
  });
  connection.listen();

  const folder = options.workspaceFolder;
  const initializeResult = await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: folder ? pathToFileURL(folder).href : null,
    workspaceFolders: folder ? [{ uri: pathToFileURL(folder).href, name: 'workspace' }] : null,
    locale: options.locale ?? 'en',
    initializationOptions: options.today ? { today: options.today } : undefined,
    capabilities: { workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true } } },
  });
  await connection.sendNotification(InitializedNotification.type, {});

  const nextDiagnostics = (uri: string, version?: number) =>
    new Promise<PublishDiagnosticsParams>((resolve) => waiters.push({ uri, version, resolve }));

  return {
    connection,
    initializeResult,
    nextDiagnostics,
    appliedEdits,
    async open(path, text, languageId = 'markdown') {
      const uri = pathToFileURL(path).href;
      const published = nextDiagnostics(uri, 1);
      await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
      return published;
    },
    async change(uri, version, text) {
      const published = nextDiagnostics(uri, version);
      await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
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
