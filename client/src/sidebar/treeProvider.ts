// The Checklist view's data provider: a thin layer that hands the rows built by model/buildTree
// to VS Code as TreeItems, and finds the row under the editor's cursor.
import * as vscode from 'vscode';
import { COMMANDS } from '../../../server/src/protocol';
import type { SidebarNode } from './model/nodes';

export class ChecklistTreeProvider implements vscode.TreeDataProvider<SidebarNode> {
  private roots: readonly SidebarNode[] = [];
  /** By id, not by object: a row held from before a refresh (a reveal in flight) still finds its place. */
  private parents = new Map<string, SidebarNode>();
  private byId = new Map<string, SidebarNode>();
  private readonly changed = new vscode.EventEmitter<undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  /** Replaces every row; VS Code keeps expansion and selection by the rows' ids. */
  update(roots: readonly SidebarNode[]): void {
    this.roots = roots;
    this.parents = new Map();
    this.byId = new Map();
    const walk = (node: SidebarNode) => {
      this.byId.set(node.id, node);
      for (const child of node.children) {
        this.parents.set(child.id, node);
        walk(child);
      }
    };
    roots.forEach(walk);
    this.changed.fire(undefined);
  }

  currentRoots(): readonly SidebarNode[] {
    return this.roots;
  }

  getChildren(node?: SidebarNode): SidebarNode[] {
    return [...(node ? node.children : this.roots)];
  }

  getParent(node: SidebarNode): SidebarNode | undefined {
    return this.parents.get(node.id);
  }

  /** The row with this id in the current tree. */
  current(id: string): SidebarNode | undefined {
    return this.byId.get(id);
  }

  getTreeItem(node: SidebarNode): vscode.TreeItem {
    const { TreeItemCollapsibleState: Collapsible } = vscode;
    const item = new vscode.TreeItem(
      node.label,
      node.children.length === 0 ? Collapsible.None : node.expanded ? Collapsible.Expanded : Collapsible.Collapsed,
    );
    item.id = node.id;
    if (node.description !== undefined) item.description = node.description;
    if (node.tooltip) item.tooltip = new vscode.MarkdownString(node.tooltip);
    if (node.icon)
      item.iconPath = new vscode.ThemeIcon(
        node.icon.id,
        node.icon.color ? new vscode.ThemeColor(node.icon.color) : undefined,
      );
    item.contextValue = node.contextValue;
    item.accessibilityInformation = { label: [node.label, node.description].filter(Boolean).join(', ') };
    if (node.reveal)
      item.command = { command: COMMANDS.sidebarReveal, title: vscode.l10n.t('Go to'), arguments: [node] };
    if (node.kind === 'verdict')
      item.command = { command: COMMANDS.openReport, title: vscode.l10n.t('Open report'), arguments: [node.uri] };
    return item;
  }

  /** The item row whose part of the document holds the position, if it is shown. */
  itemAt(uri: vscode.Uri, position: vscode.Position): SidebarNode | undefined {
    const target = uri.toString();
    const holds = (node: SidebarNode) =>
      node.span !== undefined &&
      new vscode.Range(
        node.span.start.line,
        node.span.start.character,
        node.span.end.line,
        node.span.end.character,
      ).contains(position);
    const search = (nodes: readonly SidebarNode[]): SidebarNode | undefined => {
      for (const node of nodes) {
        if (node.kind === 'item') {
          if (node.uri === target && holds(node)) return node;
        } else if (node.uri === target) {
          const found = search(node.children);
          if (found) return found;
        }
      }
      return undefined;
    };
    return search(this.roots);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
