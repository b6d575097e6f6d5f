// A tree that is one Tab stop (roving tabindex): the item last moved to holds tabIndex 0, the
// others -1, and the keys of tree-keys move between them. Items are nested <li role="treeitem">,
// so a key, click or focus that bubbles up from a child is left to the child.
import { useCallback, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent, type MouseEvent } from 'react';
import { treeKey, visibleNodes, type TreeNode } from './tree-keys';

export interface TreeEntry {
  readonly id: string;
  readonly parent: string | null;
  /** A node with children (a module, a folder); it opens and closes. */
  readonly group?: boolean;
}

/** The item the event happened on, not an ancestor it bubbled to. */
const ownEvent = (event: { target: EventTarget; currentTarget: EventTarget }) => (event.target as Element).closest('[role="treeitem"]') === event.currentTarget;

export function useRovingTree(options: {
  readonly entries: readonly TreeEntry[];
  /** The item that is "here" (the open lesson, the open file): it takes the Tab stop first. */
  readonly current?: string | null;
  onActivate(id: string): void;
}) {
  const { entries, current, onActivate } = options;
  const [closed, setClosed] = useState<ReadonlySet<string>>(new Set());
  const [moved, setMoved] = useState<string | null>(null);
  const elements = useRef(new Map<string, HTMLElement>());
  const nodes = useMemo<TreeNode[]>(
    () => entries.map((entry) => ({ id: entry.id, parent: entry.parent, ...(entry.group ? { expanded: !closed.has(entry.id) } : {}) })),
    [entries, closed],
  );
  const visible = useMemo(() => visibleNodes(nodes).map((node) => node.id), [nodes]);
  const tabStop = [moved, current].find((id) => id && visible.includes(id)) ?? visible[0] ?? null;

  const setOpen = useCallback((id: string, open: boolean) => {
    setClosed((before) => {
      const after = new Set(before);
      if (open) after.delete(id);
      else after.add(id);
      return after;
    });
  }, []);

  const item = (id: string) => {
    const entry = entries.find((candidate) => candidate.id === id);
    return {
      role: 'treeitem' as const,
      tabIndex: id === tabStop ? 0 : -1,
      'aria-expanded': entry?.group ? !closed.has(id) : undefined,
      ref: (element: HTMLElement | null) => {
        if (element) elements.current.set(id, element);
        else elements.current.delete(id);
      },
      onFocus: (event: FocusEvent<HTMLElement>) => {
        if (ownEvent(event)) setMoved(id);
      },
      onClick: (event: MouseEvent<HTMLElement>) => {
        if (!ownEvent(event)) return;
        setMoved(id);
        if (entry?.group) setOpen(id, closed.has(id));
        else onActivate(id);
      },
      onKeyDown: (event: KeyboardEvent<HTMLElement>) => {
        if (!ownEvent(event) || event.altKey || event.ctrlKey || event.metaKey) return;
        const move = treeKey(nodes, id, event.key);
        if (!move) return;
        event.preventDefault();
        if (move.kind === 'focus') {
          setMoved(move.id);
          elements.current.get(move.id)?.focus();
        } else if (move.kind === 'activate') onActivate(move.id);
        else setOpen(move.id, move.kind === 'expand');
      },
    };
  };
  return { item, isOpen: (id: string) => !closed.has(id) };
}
