// Reading the Readiness sidebar in the integration tests: its state through the extension's test
// API, waited for on the sidebar's own refresh event (never a sleep).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SidebarNode } from '../../../client/src/sidebar/model/nodes';
import type { SidebarSnapshot } from '../../../client/src/sidebar/sidebar';
import { readinessApi } from './readiness';
import { eventually } from './waitFor';

export const VIEW_CONTAINER_COMMAND = 'workbench.view.extension.readiness';
/** The tree rows of the Readiness view in the workbench DOM, for screenshots. */
export const SIDEBAR_ROWS = '[id="workbench.view.extension.readiness"] .monaco-list-row';

/** The sidebar's state once `predicate` holds: now, or after a later refresh. */
export async function sidebarWhen(
  predicate: (snapshot: SidebarSnapshot) => boolean,
  description: string,
): Promise<SidebarSnapshot> {
  const { sidebar } = await readinessApi();
  return eventually(
    () => {
      const snapshot = sidebar.snapshot();
      return predicate(snapshot) ? snapshot : undefined;
    },
    sidebar.onDidRefresh,
    `the sidebar to show ${description}`,
  );
}

export function allNodes(nodes: readonly SidebarNode[]): SidebarNode[] {
  return nodes.flatMap((node) => [node, ...allNodes(node.children)]);
}

export function itemNode(snapshot: SidebarSnapshot, itemId: string): SidebarNode {
  const node = allNodes(snapshot.roots).find((n) => n.kind === 'item' && n.itemId === itemId);
  assert.ok(node, `item ${itemId} is in the sidebar`);
  return node;
}

/** The label and description of each root row, as a person reads them. */
export const rootLines = (snapshot: SidebarSnapshot): string[] =>
  snapshot.roots.map((node) => `${node.label} ${node.description ?? ''}`.trim());

/** Runs a row's click command, as VS Code does when the row is clicked. */
export async function click(node: SidebarNode): Promise<void> {
  const { sidebar } = await readinessApi();
  const command = sidebar.treeItem(node).command;
  assert.ok(command, `${node.id} has a click command`);
  const args: unknown[] = command.arguments ?? [];
  await vscode.commands.executeCommand(command.command, ...args);
}
