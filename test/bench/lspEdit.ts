// A bench LSP client: opens the 1 MB document in a spawned dist/server.js and
// times one-character edits from `didChange` sent to diagnostics received and
// parsed, as an editor would see them (pushed, or pulled with result ids). The
// edits must change the diagnostics: a pull answered "unchanged" would time no
// list at all, so it fails the session rather than count as a keystroke.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type DocumentDiagnosticReport,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { samplePath } from '../support/paths';
import { serverBundle } from '../support/paths';

export interface EditSession {
  /** One one-character insertion at `offset`; resolves with the milliseconds until its diagnostics arrived. */
  edit(offset: number): Promise<number>;
  stop(): Promise<void>;
}

/** `pull`: the client declares pull diagnostics and asks after each change with the previous result id. */
export async function openInServer(
  text: string,
  mode: 'push' | 'pull',
  execArgv: readonly string[] = [],
): Promise<EditSession> {
  const child = spawn(process.execPath, [...execArgv, serverBundle, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(
    new StreamMessageReader(child.stdout),
    new StreamMessageWriter(child.stdin),
  );
  const uri = pathToFileURL(samplePath.replace('ENTREGABLES', 'BIG-ENTREGABLES')).href;
  let waiting: { version: number; resolve: (p: PublishDiagnosticsParams) => void } | undefined;
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    if (params.uri === uri && waiting && params.version === waiting.version) waiting.resolve(params);
  });
  connection.listen();
  await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    capabilities:
      mode === 'pull'
        ? { textDocument: { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } }
        : {},
  });
  await connection.sendNotification(InitializedNotification.type, {});
  let version = 1;
  let resultId: string | undefined;
  const pushed = (v: number) => new Promise<PublishDiagnosticsParams>((resolve) => (waiting = { version: v, resolve }));
  const pull = async () => {
    const report: DocumentDiagnosticReport = await connection.sendRequest(DocumentDiagnosticRequest.method, {
      textDocument: { uri },
      previousResultId: resultId,
    });
    if (report.kind === 'full') resultId = report.resultId;
    return report;
  };
  const opened = mode === 'push' ? pushed(1) : undefined;
  await connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: 'markdown', version, text },
  });
  if (opened) await opened;
  else await pull();
  let n = 0;
  return {
    async edit(offset) {
      const line = text.slice(0, offset).split('\n').length - 1;
      const character = offset - (text.lastIndexOf('\n', offset - 1) + 1);
      const char = String.fromCharCode(97 + (n++ % 26));
      version++;
      const start = performance.now();
      const published = mode === 'push' ? pushed(version) : undefined;
      await connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: char }],
      });
      const report = published ? { kind: 'full', items: (await published).diagnostics } : await pull();
      const elapsed = performance.now() - start;
      if (report.kind !== 'full') throw new Error(`the edit at ${offset} left the diagnostics unchanged`);
      return elapsed;
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
