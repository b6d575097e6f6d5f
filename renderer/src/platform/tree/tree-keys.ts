// The ARIA tree pattern's keys as a pure function (https://www.w3.org/WAI/ARIA/apg/patterns/treeview/):
// the tree is one Tab stop, and Up/Down/Home/End move, Right opens or steps in, Left closes or
// steps out, Enter and Space open. The hook around it (use-roving-tree) does the focusing.

export interface TreeNode {
  readonly id: string;
  /** The node it sits in, or null at the top level. */
  readonly parent: string | null;
  /** Open or closed for a node with children; undefined for a leaf. */
  readonly expanded?: boolean;
}

export type TreeMove =
  | { readonly kind: 'focus'; readonly id: string }
  | { readonly kind: 'expand'; readonly id: string }
  | { readonly kind: 'collapse'; readonly id: string }
  | { readonly kind: 'activate'; readonly id: string };

/** The nodes a reader can reach: every node whose ancestors are all open, in document order. */
export function visibleNodes(nodes: readonly TreeNode[]): TreeNode[] {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const shown = (node: TreeNode): boolean => {
    const parent = node.parent === null ? undefined : byId.get(node.parent);
    return parent === undefined || (parent.expanded === true && shown(parent));
  };
  return nodes.filter(shown);
}

/** What a key does on the node `current` of `nodes` (all of them, in document order); null: not a tree key. */
export function treeKey(nodes: readonly TreeNode[], current: string, key: string): TreeMove | null {
  const visible = visibleNodes(nodes);
  const index = visible.findIndex((node) => node.id === current);
  const node = visible[index];
  if (!node) return visible[0] ? { kind: 'focus', id: visible[0].id } : null;
  const focus = (target: TreeNode | undefined): TreeMove | null => (target ? { kind: 'focus', id: target.id } : null);
  switch (key) {
    case 'ArrowDown':
      return focus(visible[index + 1]);
    case 'ArrowUp':
      return focus(visible[index - 1]);
    case 'Home':
      return focus(visible[0]);
    case 'End':
      return focus(visible[visible.length - 1]);
    case 'ArrowRight':
      if (node.expanded === false) return { kind: 'expand', id: node.id };
      if (node.expanded === true) return focus(visible[index + 1]?.parent === node.id ? visible[index + 1] : undefined);
      return null;
    case 'ArrowLeft':
      if (node.expanded === true) return { kind: 'collapse', id: node.id };
      return node.parent === null ? null : { kind: 'focus', id: node.parent };
    case 'Enter':
    case ' ':
      if (node.expanded === undefined) return { kind: 'activate', id: node.id };
      return { kind: node.expanded ? 'collapse' : 'expand', id: node.id };
    default:
      return null;
  }
}
