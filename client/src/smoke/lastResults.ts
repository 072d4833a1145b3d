// The last result of each smoke test in this editor session, per document: what the runs this
// client started (from a code lens, the quick fix, the palette or the sidebar) returned. The
// sidebar shows them under their items and hears of new ones through onDidChange; nothing is polled.
import * as vscode from 'vscode';
import type { SmokeTestRunResult } from '../../../server/src/lsp/protocol';
import type { LastSmokeResult } from '../sidebar/model/nodes';

const NONE: ReadonlyMap<string, LastSmokeResult> = new Map();

/** The same document whether its URI came from a code lens (the server's spelling) or from the sidebar. */
const documentKey = (uri: string): string => vscode.Uri.parse(uri).toString();

export class LastSmokeResults implements vscode.Disposable {
  private readonly byDocument = new Map<string, Map<string, LastSmokeResult>>();
  private readonly changed = new vscode.EventEmitter<string>();
  /** Fires with a document's URI after a run of its tests returned. */
  readonly onDidChange = this.changed.event;

  /** By test key. */
  of(uri: string): ReadonlyMap<string, LastSmokeResult> {
    return this.byDocument.get(documentKey(uri)) ?? NONE;
  }

  record(uri: string, results: readonly SmokeTestRunResult[], ranAt = new Date()): void {
    // A cancelled test said nothing about its endpoint: the result before it stays.
    const said = results.filter((result) => result.outcome !== 'cancelled');
    if (said.length === 0) return;
    const key = documentKey(uri);
    const time = ranAt.toLocaleTimeString(vscode.env.language);
    const lastByKey = this.byDocument.get(key) ?? new Map<string, LastSmokeResult>();
    for (const result of said) lastByKey.set(result.testKey, { ...result, ranAt: time });
    this.byDocument.set(key, lastByKey);
    this.changed.fire(key);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
