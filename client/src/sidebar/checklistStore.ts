// The checklists the sidebar shows, as the server last described them: the workspace's checklist
// files (asked once the server runs, and again when markdown files come or go or the settings
// change) plus any open document the server reports as a checklist. It follows the server's
// `readiness/checklistChanged` notifications, so nothing is polled.
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import {
  checklistChangedNotification,
  checklistRequest,
  workspaceChecklistsRequest,
  type ChecklistChangedParams,
  type ChecklistResult,
} from '../../../server/src/protocol';

export interface StoredChecklist {
  readonly result: ChecklistResult;
  readonly relativePath: string | undefined;
}

/** Markdown files appearing or disappearing in a burst (a checkout, a copy) cause one scan. */
const RESCAN_DELAY_MS = 300;
/**
 * A model the server answered within this long is asked for again at each change. A slower one (a huge
 * checklist) is asked for once the changes pause for twice as long as it took, at most MAX_WAIT_MS: each
 * request holds the server up while the user types.
 */
const QUICK_ANSWER_MS = 50;
const MAX_WAIT_MS = 2000;

const key = (uri: string | vscode.Uri): string => (typeof uri === 'string' ? vscode.Uri.parse(uri) : uri).toString();
const isOpen = (uri: string): boolean =>
  vscode.workspace.textDocuments.some((document) => document.uri.toString() === uri);
/** Whether an editor tab shows the document: VS Code keeps a closed document loaded for a while, the user does not see it. */
const hasTab = (uri: string): boolean =>
  vscode.window.tabGroups.all.some((group) =>
    group.tabs.some((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === uri),
  );

export class ChecklistStore implements vscode.Disposable {
  private readonly results = new Map<string, ChecklistResult>();
  /** The workspace scan's answer, by URI: the relative paths of the checklist files. */
  private workspaceFiles = new Map<string, string>();
  private scanned = false;
  private readonly fetching = new Map<string, Promise<void>>();
  private readonly fetchAgain = new Set<string>();
  /** How long the server took to answer the last request for each model, in milliseconds. */
  private readonly answerTimes = new Map<string, number>();
  private readonly waiting = new Map<string, ReturnType<typeof setTimeout>>();
  private rescanTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.changed];

  /** Fires after any checklist was added, removed or re-analysed. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly client: LanguageClient) {
    // Only one handler per method can be registered with the client; others hear it through onDidChange.
    this.disposables.push(
      client.onNotification(checklistChangedNotification, (params: ChecklistChangedParams) =>
        this.onChecklistChanged(params),
      ),
    );
    // (Re)start of the server: everything it said before is gone with it.
    this.disposables.push(client.onDidChangeState((event) => event.newState === State.Running && void this.rescan()));
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{md,markdown}');
    this.disposables.push(
      watcher,
      watcher.onDidCreate(() => this.scheduleRescan()),
      watcher.onDidDelete(() => this.scheduleRescan()),
      // Saved by another program (or by the editor, which the open document already reported).
      watcher.onDidChange((uri) => this.results.has(key(uri)) && !isOpen(key(uri)) && void this.fetch(key(uri))),
      vscode.workspace.onDidCloseTextDocument(
        (document) => this.results.has(key(document.uri)) && void this.fetch(key(document.uri)),
      ),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.scheduleRescan()),
      vscode.window.tabGroups.onDidChangeTabs(
        () => [...this.results.keys()].some((uri) => !this.workspaceFiles.has(uri)) && this.changed.fire(),
      ),
      vscode.workspace.onDidChangeConfiguration(
        (event) =>
          (event.affectsConfiguration('readiness.files') || event.affectsConfiguration('readiness.ignore')) &&
          this.scheduleRescan(),
      ),
    );
  }

  /** True once the first workspace scan has answered. */
  get ready(): boolean {
    return this.scanned;
  }

  result(uri: string | vscode.Uri): ChecklistResult | undefined {
    const result = this.results.get(key(uri));
    return result?.isChecklist ? result : undefined;
  }

  /** The checklists, in path order: the workspace's, and any other while an editor tab shows it. */
  checklists(): StoredChecklist[] {
    return [...this.results.values()]
      .filter((result) => result.isChecklist && (this.workspaceFiles.has(result.uri) || hasTab(result.uri)))
      .map((result) => ({
        result,
        relativePath:
          this.workspaceFiles.get(result.uri) ?? vscode.workspace.asRelativePath(vscode.Uri.parse(result.uri)),
      }))
      .sort((a, b) => (a.relativePath ?? a.result.uri).localeCompare(b.relativePath ?? b.result.uri));
  }

  /** Asks the server for the workspace's checklists again, and for the model of each. */
  async rescan(): Promise<void> {
    if (this.client.state !== State.Running) return;
    const answer = await this.client.sendRequest(workspaceChecklistsRequest, {}).then(undefined, () => undefined);
    if (!answer) return;
    this.workspaceFiles = new Map(answer.checklists.map((c) => [key(c.uri), c.relativePath]));
    // Open documents stay: the server reports on them through checklistChanged.
    for (const uri of [...this.results.keys()])
      if (!this.workspaceFiles.has(uri) && !isOpen(uri)) this.results.delete(uri);
    await Promise.all(
      [...new Set([...this.workspaceFiles.keys(), ...this.results.keys()])].map((uri) => this.fetch(uri)),
    );
    this.scanned = true;
    this.changed.fire();
  }

  private scheduleRescan(): void {
    if (this.rescanTimer) clearTimeout(this.rescanTimer);
    this.rescanTimer = setTimeout(() => {
      this.rescanTimer = undefined;
      void this.rescan();
    }, RESCAN_DELAY_MS);
  }

  private onChecklistChanged(params: ChecklistChangedParams): void {
    const uri = key(params.uri);
    if (!params.isChecklist && !this.results.has(uri)) return;
    const took = this.answerTimes.get(uri) ?? 0;
    if (took < QUICK_ANSWER_MS) return void this.fetch(uri);
    clearTimeout(this.waiting.get(uri));
    this.waiting.set(
      uri,
      setTimeout(
        () => {
          this.waiting.delete(uri);
          void this.fetch(uri);
        },
        Math.min(MAX_WAIT_MS, 2 * took),
      ),
    );
  }

  /** Fetches one model; while a fetch runs, later requests for it collapse into one more fetch after it. */
  private fetch(uri: string): Promise<void> {
    const running = this.fetching.get(uri);
    if (running) {
      this.fetchAgain.add(uri);
      return running;
    }
    const run = (async () => {
      try {
        const asked = performance.now();
        let result = await this.client.sendRequest(checklistRequest, { uri });
        this.answerTimes.set(uri, performance.now() - asked);
        // Asked just as the document closed, the server may still have answered from the editor's text.
        if (result.version >= 0 && !isOpen(uri)) result = await this.client.sendRequest(checklistRequest, { uri });
        // A file read from disk is shown only if it belongs to the workspace; one outside it only while open.
        if (result.isChecklist && (result.version >= 0 || this.workspaceFiles.has(uri))) this.results.set(uri, result);
        else this.results.delete(uri);
      } catch {
        // The server stopped or restarted: its next start rescans.
        return;
      } finally {
        this.fetching.delete(uri);
      }
      if (this.fetchAgain.delete(uri)) await this.fetch(uri);
      else this.changed.fire();
    })();
    this.fetching.set(uri, run);
    return run;
  }

  dispose(): void {
    if (this.rescanTimer) clearTimeout(this.rescanTimer);
    for (const timer of this.waiting.values()) clearTimeout(timer);
    for (const disposable of this.disposables) disposable.dispose();
  }
}
