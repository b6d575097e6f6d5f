import { describe, expect, it } from 'vitest';
import { treeKey, visibleNodes, type TreeNode } from './tree-keys';

// a (open) > a1, a2; b (closed) > b1; c (leaf)
const nodes: TreeNode[] = [
  { id: 'a', parent: null, expanded: true },
  { id: 'a1', parent: 'a' },
  { id: 'a2', parent: 'a' },
  { id: 'b', parent: null, expanded: false },
  { id: 'b1', parent: 'b' },
  { id: 'c', parent: null },
];

describe('visibleNodes', () => {
  it('hides the children of a closed node, deeply', () => {
    expect(visibleNodes(nodes).map((node) => node.id)).toEqual(['a', 'a1', 'a2', 'b', 'c']);
    const deep: TreeNode[] = [
      { id: 'x', parent: null, expanded: false },
      { id: 'y', parent: 'x', expanded: true },
      { id: 'z', parent: 'y' },
    ];
    expect(visibleNodes(deep).map((node) => node.id)).toEqual(['x']);
  });
});

describe('treeKey', () => {
  it('moves up and down through what is visible, and stops at the ends', () => {
    expect(treeKey(nodes, 'a2', 'ArrowDown')).toEqual({ kind: 'focus', id: 'b' });
    expect(treeKey(nodes, 'b', 'ArrowDown')).toEqual({ kind: 'focus', id: 'c' });
    expect(treeKey(nodes, 'c', 'ArrowDown')).toBeNull();
    expect(treeKey(nodes, 'b', 'ArrowUp')).toEqual({ kind: 'focus', id: 'a2' });
    expect(treeKey(nodes, 'a', 'ArrowUp')).toBeNull();
  });

  it('goes to the first and last visible node on Home and End', () => {
    expect(treeKey(nodes, 'a2', 'Home')).toEqual({ kind: 'focus', id: 'a' });
    expect(treeKey(nodes, 'a1', 'End')).toEqual({ kind: 'focus', id: 'c' });
  });

  it('opens a closed node on Right, then steps into it; does nothing on a leaf', () => {
    expect(treeKey(nodes, 'b', 'ArrowRight')).toEqual({ kind: 'expand', id: 'b' });
    expect(treeKey(nodes, 'a', 'ArrowRight')).toEqual({ kind: 'focus', id: 'a1' });
    expect(treeKey(nodes, 'a1', 'ArrowRight')).toBeNull();
    expect(treeKey([{ id: 'e', parent: null, expanded: true }], 'e', 'ArrowRight')).toBeNull();
  });

  it('closes an open node on Left, and steps out of a child to its parent', () => {
    expect(treeKey(nodes, 'a', 'ArrowLeft')).toEqual({ kind: 'collapse', id: 'a' });
    expect(treeKey(nodes, 'a2', 'ArrowLeft')).toEqual({ kind: 'focus', id: 'a' });
    expect(treeKey(nodes, 'c', 'ArrowLeft')).toBeNull();
  });

  it('opens a leaf on Enter or Space and toggles a node with children', () => {
    expect(treeKey(nodes, 'a1', 'Enter')).toEqual({ kind: 'activate', id: 'a1' });
    expect(treeKey(nodes, 'c', ' ')).toEqual({ kind: 'activate', id: 'c' });
    expect(treeKey(nodes, 'a', 'Enter')).toEqual({ kind: 'collapse', id: 'a' });
    expect(treeKey(nodes, 'b', ' ')).toEqual({ kind: 'expand', id: 'b' });
  });

  it('ignores other keys, and recovers to the first node from one that is hidden', () => {
    expect(treeKey(nodes, 'a1', 'Tab')).toBeNull();
    expect(treeKey(nodes, 'b1', 'ArrowDown')).toEqual({ kind: 'focus', id: 'a' });
    expect(treeKey([], 'x', 'ArrowDown')).toBeNull();
  });
});
