import type { Nodes } from 'mdast';

/**
 * Depth-first walk over an mdast tree; returning 'skip' leaves a node's children
 * out. unist-util-visit does the same with ancestor tracking this code never
 * needs, which costs a fifth of the facts extraction.
 */
export function walk(node: Nodes, visitor: (node: Nodes) => 'skip' | undefined): void {
  if (visitor(node) === 'skip' || !('children' in node)) return;
  for (const child of node.children) walk(child, visitor);
}
