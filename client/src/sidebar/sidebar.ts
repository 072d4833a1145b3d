// The Readiness sidebar: the Checklist view with its badge and verdict message, the status bar
// item, and the commands of both. One Sidebar object is the context every command gets
// (commands.ts holds the table); the rows themselves come from model/buildTree, which renders the
// view models the server sends (readiness/checklist): nothing here decides state, dates or masking.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { combinedVerdict, withVerdictRows } from '../report/verdictRow';
import { ChecklistStore } from './checklistStore';
import { sidebarCommands } from './commands';
import { buildTree, type SidebarTree } from './model/buildTree';
import { noFilters, type SidebarFilters, type SidebarNode, type Translate } from './model/nodes';
import { viewMessage } from './model/verdict';
import { sidebarSmokeCommands } from './smokeCommands';
import { BlockerStatusBar } from './statusBar';
import { ChecklistTreeProvider } from './treeProvider';

export const VIEW_ID = 'readiness.checklist';
const FILTERS_KEY = 'readiness.sidebar.filters';

/** What the integration tests read (through the extension's test API) and wait on. */
export interface SidebarTestApi {
  /** Fires after the rows, the badge and message, the status bar item or the selected rows changed. */
  readonly onDidRefresh: vscode.Event<void>;
  snapshot(): SidebarSnapshot;
  /** The TreeItem VS Code gets for a row, e.g. to run its click command. */
  treeItem(node: SidebarNode): vscode.TreeItem;
  /** Shows (and optionally expands) a row, e.g. before a screenshot. */
  reveal(node: SidebarNode, options?: { readonly expand?: boolean | number; readonly select?: boolean }): Promise<void>;
}

export interface SidebarSnapshot {
  readonly roots: readonly SidebarNode[];
  readonly message: string | undefined;
  readonly badge: number | undefined;
  /** The status bar item's text ("Blockers 0/6"), or undefined while it is hidden. */
  readonly statusBar: string | undefined;
  /** Whether the welcome view ("no checklist in this workspace") is what the view shows. */
  readonly welcome: boolean;
  readonly filters: SidebarFilters;
  readonly owners: readonly string[];
  /** The ids of the selected rows. */
  readonly selection: readonly string[];
}

export const translate: Translate = (message, ...args) => vscode.l10n.t(message, ...args);

export class Sidebar implements vscode.Disposable {
  readonly store: ChecklistStore;
  readonly provider = new ChecklistTreeProvider();
  readonly view: vscode.TreeView<SidebarNode>;
  private readonly statusBar = new BlockerStatusBar(translate);
  private readonly refreshed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [];
  private tree: SidebarTree | undefined;
  private welcome = false;
  private rebuildTimer: ReturnType<typeof setTimeout> | undefined;
  private lastRevealed: string | undefined;
  filters: SidebarFilters;

  constructor(
    readonly extension: vscode.ExtensionContext,
    readonly client: LanguageClient,
  ) {
    this.store = new ChecklistStore(client);
    this.view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: this.provider, showCollapseAll: true });
    this.filters = { ...noFilters, ...extension.workspaceState.get<Partial<SidebarFilters>>(FILTERS_KEY, {}) };
    this.disposables.push(
      this.store,
      this.provider,
      this.view,
      this.statusBar,
      this.refreshed,
      this.store.onDidChange(() => this.scheduleRebuild()),
      vscode.window.onDidChangeActiveTextEditor(() => this.updateStatusBar()),
      vscode.window.onDidChangeTextEditorSelection((event) => this.revealOnCursor(event)),
      this.view.onDidChangeSelection(() => this.refreshed.fire()),
      ...Object.entries({ ...sidebarCommands, ...sidebarSmokeCommands }).map(([id, command]) =>
        vscode.commands.registerCommand(id, command(this)),
      ),
    );
    void this.setContext();
    this.rebuild();
  }

  get currentTree(): SidebarTree | undefined {
    return this.tree;
  }

  async setFilters(filters: SidebarFilters): Promise<void> {
    this.filters = filters;
    await this.extension.workspaceState.update(FILTERS_KEY, filters);
    await this.setContext();
    this.rebuild();
  }

  /** Rebuilds once per turn of the event loop, however many changes arrived in it. */
  scheduleRebuild(): void {
    this.rebuildTimer ??= setTimeout(() => {
      this.rebuildTimer = undefined;
      this.rebuild();
    }, 0);
  }

  private rebuild(): void {
    const checklists = this.store.checklists();
    const built = buildTree({ entries: checklists, filters: this.filters, t: translate });
    // The core's verdict (evidence, secrets, mismatches), which the server sends with each checklist.
    const results = checklists.map(({ result }) => result);
    const tree = {
      ...built,
      verdict: combinedVerdict(results, translate) ?? built.verdict,
      roots: withVerdictRows(built.roots, results, translate),
    };
    this.tree = tree;
    this.provider.update(tree.roots);
    this.welcome = this.store.ready && tree.checklistCount === 0;
    void vscode.commands.executeCommand('setContext', 'readiness.sidebar.noChecklists', this.welcome);
    void vscode.commands.executeCommand(
      'setContext',
      'readiness.sidebar.hasSmokeTests',
      checklists.some(({ result }) => result.smokeTests.length > 0),
    );
    if (tree.checklistCount === 0) {
      this.view.message = this.store.ready ? '' : translate('Looking for checklists…');
      this.view.badge = undefined;
    } else {
      this.view.message = viewMessage(tree.verdict, this.filters, translate);
      this.view.badge =
        tree.verdict.pending > 0
          ? { value: tree.verdict.pending, tooltip: translate('{0} blockers not done', tree.verdict.pending) }
          : undefined;
    }
    this.updateStatusBar();
    this.refreshed.fire();
  }

  private updateStatusBar(): void {
    const uri = vscode.window.activeTextEditor?.document.uri;
    this.statusBar.update(uri ? this.store.result(uri) : undefined);
  }

  private revealOnCursor(event: vscode.TextEditorSelectionChangeEvent): void {
    // Only the user's own moves: a selection made by a click in the tree (kind Command) must not move the tree's selection.
    const byUser =
      event.kind === vscode.TextEditorSelectionChangeKind.Keyboard ||
      event.kind === vscode.TextEditorSelectionChangeKind.Mouse;
    if (
      !byUser ||
      !this.view.visible ||
      !vscode.workspace.getConfiguration('readiness.sidebar').get<boolean>('revealOnCursor', true)
    )
      return;
    const node = this.provider.itemAt(
      event.textEditor.document.uri,
      event.selections[0]?.active ?? event.textEditor.selection.active,
    );
    if (node?.id === this.lastRevealed) return;
    this.lastRevealed = node?.id;
    if (!node) return;
    void this.view.reveal(node, { select: true, focus: false, expand: false }).then(undefined, () => undefined);
  }

  private async setContext(): Promise<void> {
    await vscode.commands.executeCommand('setContext', 'readiness.sidebar.blockersOnly', this.filters.blockersOnly);
    await vscode.commands.executeCommand(
      'setContext',
      'readiness.sidebar.ownerFilter',
      this.filters.owner !== undefined,
    );
  }

  get testApi(): SidebarTestApi {
    return {
      onDidRefresh: this.refreshed.event,
      snapshot: () => ({
        roots: this.provider.currentRoots(),
        message: this.view.message,
        badge: this.view.badge?.value,
        statusBar: this.statusBar.text,
        welcome: this.welcome,
        filters: this.filters,
        owners: this.tree?.owners ?? [],
        selection: this.view.selection.map((node) => node.id),
      }),
      treeItem: (node) => this.provider.getTreeItem(node),
      reveal: async (node, options = {}) =>
        this.view.reveal(this.provider.current(node.id) ?? node, {
          focus: false,
          select: options.select ?? false,
          expand: options.expand ?? false,
        }),
    };
  }

  dispose(): void {
    if (this.rebuildTimer) clearTimeout(this.rebuildTimer);
    for (const disposable of this.disposables) disposable.dispose();
  }
}
