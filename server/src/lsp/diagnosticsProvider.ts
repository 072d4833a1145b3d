// Diagnostics to the client: pulled (`textDocument/diagnostic`, LSP 3.17) when the
// client supports it, pushed (`textDocument/publishDiagnostics`) otherwise. A pull
// with the result id of the current list is answered "unchanged"; when a list
// changes without an edit (files on disk, settings), the client is asked to pull
// again (`workspace/diagnostic/refresh`).
import type { ClientCapabilities, Connection, ServerCapabilities } from 'vscode-languageserver/node';
import type { Finding } from '../core/api';
import { DiagnosticsStore } from './diagnosticsCache';

export interface DiagnosticsHost {
  /** Waits for the analysis of the document's current text (it publishes through `publish`). */
  current(uri: string): Promise<unknown>;
  /** The open document's version, or undefined when it is not open. */
  version(uri: string): number | undefined;
  /** Each rule's documentation link, for the diagnostics' `codeDescription`. */
  readonly ruleDocs?: ReadonlyMap<string, string>;
}

export class DiagnosticsProvider {
  private readonly store: DiagnosticsStore;
  private pull = false;
  private canRefresh = false;
  /** The version each document had when the client last pulled its diagnostics. */
  private readonly pulled = new Map<string, number>();
  private refreshScheduled = false;

  constructor(
    private readonly connection: Connection,
    private readonly host: DiagnosticsHost,
  ) {
    this.store = new DiagnosticsStore(host.ruleDocs);
    connection.languages.diagnostics.on(async (params) => {
      const uri = params.textDocument.uri;
      await this.host.current(uri);
      const version = this.host.version(uri);
      if (version === undefined) return { kind: 'full', items: [] };
      this.pulled.set(uri, version);
      return this.store.report(uri, params.previousResultId);
    });
  }

  /** The server capability to declare, given what the client supports. */
  initialize(client: ClientCapabilities): Pick<ServerCapabilities, 'diagnosticProvider'> {
    this.pull = client.textDocument?.diagnostic !== undefined;
    this.canRefresh = client.workspace?.diagnostics?.refreshSupport === true;
    return this.pull
      ? { diagnosticProvider: { identifier: 'readiness', interFileDependencies: false, workspaceDiagnostics: false } }
      : {};
  }

  publish(uri: string, version: number, findings: readonly Finding[]): void {
    const { diagnostics, changed } = this.store.update(uri, findings);
    if (!this.pull) {
      void this.connection.sendDiagnostics({ uri, version, diagnostics: [...diagnostics] });
    } else if (changed && this.pulled.get(uri) === version) {
      // The client holds an older list for this very text: only a refresh makes it ask again.
      this.refresh();
    }
  }

  closed(uri: string): void {
    this.store.forget(uri);
    this.pulled.delete(uri);
    if (!this.pull) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private refresh(): void {
    if (!this.canRefresh || this.refreshScheduled) return;
    this.refreshScheduled = true;
    setImmediate(() => {
      this.refreshScheduled = false;
      void this.connection.languages.diagnostics.refresh().catch(() => undefined);
    });
  }
}
