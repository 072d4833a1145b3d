import type { Nodes } from 'mdast';

/**
 * Depth-first walk over an mdast tree, in document order; returning 'skip' leaves
 * a node's children out. Iterative, so a hostile document nested thousands of
 * levels deep (`>>>>…`, `- - - …`) cannot overflow the stack. unist-util-visit
 * does the same with ancestor tracking this code never needs.
 */
export function walk(node: Nodes, visitor: (node: Nodes) => 'skip' | undefined): void {
  const stack: Nodes[] = [node];
  for (let current = stack.pop(); current !== undefined; current = stack.pop()) {
    if (visitor(current) === 'skip' || !('children' in current)) continue;
    const children: readonly Nodes[] = current.children;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
}

/** The text content of a node (what mdast-util-to-string gives), without recursion. */
export function textOf(node: Nodes): string {
  let out = '';
  walk(node, (child) => {
    if ('value' in child) out += child.value;
    else if ('alt' in child && child.alt) out += child.alt;
    else return undefined;
    return 'skip';
  });
  return out;
}
