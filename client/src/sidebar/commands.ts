// The sidebar's commands, as a table: command id → handler made from the Sidebar context.
// Item commands get the clicked row from VS Code; from elsewhere they use the view's selection.
import * as vscode from 'vscode';
import { COMMANDS, setStateRequest, type ItemState } from '../../../server/src/protocol';
import type { SidebarNode } from './model/nodes';
import type { Sidebar } from './sidebar';
import { createChecklistFromTemplate, type CreateFromTemplateOptions } from './templates';

export type Handler = (...args: unknown[]) => unknown;

const isNode = (value: unknown): value is SidebarNode =>
  typeof value === 'object' && value !== null && 'kind' in value && 'id' in value && 'uri' in value;

export function nodeOf(sidebar: Sidebar, argument: unknown): SidebarNode | undefined {
  return isNode(argument) ? argument : sidebar.view.selection[0];
}

/** Opens the row's document and selects its range: a placeholder to fill in, a secret to remove, an item's heading. */
export async function reveal(
  node: SidebarNode | undefined,
  preserveFocus = false,
): Promise<vscode.TextEditor | undefined> {
  if (!node?.reveal) return undefined;
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(node.uri));
  const { start, end } = node.reveal;
  const selection = document.validateRange(new vscode.Range(start.line, start.character, end.line, end.character));
  return vscode.window.showTextDocument(document, { selection, preserveFocus });
}

async function setState(
  sidebar: Sidebar,
  node: SidebarNode | undefined,
  state: Exclude<ItemState, 'unknown'>,
): Promise<void> {
  if (node?.kind !== 'item' || node.itemId === undefined) return;
  // The server edits open documents only, and the user should see the change: show it first.
  await reveal(node, true);
  const applied = await sidebar.client
    .sendRequest(setStateRequest, { uri: node.uri, itemId: node.itemId, state })
    .then(undefined, () => false);
  if (!applied)
    void vscode.window.showWarningMessage(
      vscode.l10n.t('Could not set the state of item {0}. The document may have changed; try again.', node.itemId),
    );
}

/** Asks which owner to show; an owner given as the argument (from a keybinding, say) is used as is, '' shows all. */
async function filterByOwner(sidebar: Sidebar, argument: unknown): Promise<void> {
  if (typeof argument === 'string')
    return sidebar.setFilters({ ...sidebar.filters, owner: argument === '' ? undefined : argument });
  const t = vscode.l10n.t;
  const current = sidebar.filters.owner;
  const owners = sidebar.currentTree?.owners ?? [];
  const pick = (label: string, owner: string | undefined): vscode.QuickPickItem & { owner: string | undefined } =>
    owner === current ? { label, owner, description: t('current') } : { label, owner };
  const picks = [pick(t('All owners'), undefined), ...owners.map((owner) => pick(owner, owner))];
  const picked = await vscode.window.showQuickPick(picks, {
    title: t('Filter by owner'),
    placeHolder: t('Show the items of one owner'),
  });
  if (picked) await sidebar.setFilters({ ...sidebar.filters, owner: picked.owner });
}

export const sidebarCommands: Record<string, (sidebar: Sidebar) => Handler> = {
  [COMMANDS.sidebarRefresh]: (sidebar) => () => sidebar.store.rescan(),
  [COMMANDS.sidebarShowBlockersOnly]: (sidebar) => () => sidebar.setFilters({ ...sidebar.filters, blockersOnly: true }),
  [COMMANDS.sidebarShowAllItems]: (sidebar) => () => sidebar.setFilters({ ...sidebar.filters, blockersOnly: false }),
  [COMMANDS.sidebarFilterByOwner]: (sidebar) => (owner) => filterByOwner(sidebar, owner),
  [COMMANDS.sidebarClearOwnerFilter]: (sidebar) => () => sidebar.setFilters({ ...sidebar.filters, owner: undefined }),
  [COMMANDS.sidebarReveal]: (sidebar) => (node) => reveal(nodeOf(sidebar, node)),
  [COMMANDS.sidebarGoToItem]: (sidebar) => (node) => reveal(nodeOf(sidebar, node)),
  [COMMANDS.sidebarSetStatePending]: (sidebar) => (node) => setState(sidebar, nodeOf(sidebar, node), 'pending'),
  [COMMANDS.sidebarSetStateInProgress]: (sidebar) => (node) => setState(sidebar, nodeOf(sidebar, node), 'in-progress'),
  [COMMANDS.sidebarSetStateDone]: (sidebar) => (node) => setState(sidebar, nodeOf(sidebar, node), 'done'),
  [COMMANDS.sidebarSetStateBlocked]: (sidebar) => (node) => setState(sidebar, nodeOf(sidebar, node), 'blocked'),
  [COMMANDS.createChecklistFromTemplate]: (sidebar) => (options) =>
    createChecklistFromTemplate(
      sidebar.extension.extensionUri,
      typeof options === 'object' && options !== null ? (options as CreateFromTemplateOptions) : {},
    ),
  [COMMANDS.openSettings]: () => () =>
    vscode.commands.executeCommand('workbench.action.openSettings', '@ext:readiness-tools.readiness'),
};
