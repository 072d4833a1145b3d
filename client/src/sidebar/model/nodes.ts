// The sidebar's tree as plain data: what each row shows and does, rendered from the server's view
// models without VS Code (client/src/sidebar/model imports no `vscode`, so it is unit-tested on
// real answers). The tree provider turns each node into a TreeItem as is.
import type { ItemDisplayState, Range, RunSmokeTestsArguments } from '../../../../server/src/protocol';

/** vscode.l10n.t's shape: an English message with {0}-style arguments, returned translated. */
export type Translate = (message: string, ...args: (string | number)[]) => string;

/**
 * The kinds of rows. Children of an item are things to go to: each secret finding, each smoke test
 * (with its last result) and each open placeholder.
 */
export type SidebarNodeKind = 'checklist' | 'verdict' | 'group' | 'item' | 'placeholder' | 'secret' | 'smokeTest';

/** A codicon id (`pass-filled`) and an optional theme colour id (`charts.green`). */
export interface NodeIcon {
  readonly id: string;
  readonly color?: string;
}

export interface SidebarNode {
  /** Unique in the tree and stable across refreshes (URI + path of the node), so VS Code keeps expansion and selection. */
  readonly id: string;
  readonly kind: SidebarNodeKind;
  /** The checklist document the node belongs to. */
  readonly uri: string;
  readonly label: string;
  readonly description: string | undefined;
  /** Markdown; document text in it is escaped. */
  readonly tooltip: string | undefined;
  readonly icon: NodeIcon | undefined;
  /** Items only. */
  readonly state: ItemDisplayState | undefined;
  /** Items and their children: the item's number as written. */
  readonly itemId: string | undefined;
  /** The range a click reveals and selects, or undefined for rows that only expand. */
  readonly reveal: Range | undefined;
  /** The part of the document the row stands for (a whole item), to find the row under the cursor. */
  readonly span: Range | undefined;
  /** For `when` clauses of menus: `readiness.item.<state>` (`.smokeTests` after it when it has some), `readiness.smokeTest`, `readiness.placeholder.<kind>`, ... */
  readonly contextValue: string;
  /** Items with smoke tests and smoke-test rows: what `readiness.runSmokeTests` runs for them. */
  readonly smokeRun: RunSmokeTestsArguments | undefined;
  /** Whether a row with children starts expanded (VS Code remembers the user's choice after that, by id). */
  readonly expanded: boolean;
  readonly children: readonly SidebarNode[];
}

export interface SidebarFilters {
  readonly blockersOnly: boolean;
  /** One owner name of those the server listed, compared without case; undefined shows every owner. */
  readonly owner: string | undefined;
}

export const noFilters: SidebarFilters = { blockersOnly: false, owner: undefined };
