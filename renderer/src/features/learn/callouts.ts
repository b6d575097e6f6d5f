// GitHub-style callouts (`> [!NOTE]`, `> [!TIP]`, `> [!WARNING]`) as a remark plugin: the
// marker is removed and the blockquote becomes an <aside class="callout callout-note">.
export const calloutKinds = ['note', 'tip', 'important', 'warning', 'caution'] as const;
export type CalloutKind = (typeof calloutKinds)[number];

interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
  data?: { hName?: string; hProperties?: Record<string, unknown> };
}

const marker = /^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*\n?/i;

/** The callout kind a blockquote's first text declares, or null. */
export function calloutKindOf(text: string): CalloutKind | null {
  const match = marker.exec(text);
  return match ? (match[1]!.toLowerCase() as CalloutKind) : null;
}

function transform(node: MdNode): void {
  for (const child of node.children ?? []) transform(child);
  if (node.type !== 'blockquote') return;
  const paragraph = node.children?.[0];
  const first = paragraph?.type === 'paragraph' ? paragraph.children?.[0] : undefined;
  if (!paragraph || first?.type !== 'text' || typeof first.value !== 'string') return;
  const kind = calloutKindOf(first.value);
  if (!kind) return;
  first.value = first.value.replace(marker, '');
  // A marker alone on its line leaves a soft break node behind; drop it and empty paragraphs.
  if (first.value === '') paragraph.children!.shift();
  if (paragraph.children![0]?.type === 'break') paragraph.children!.shift();
  if (paragraph.children!.length === 0) node.children!.shift();
  node.data = {
    hName: 'aside',
    hProperties: { className: ['callout', `callout-${kind}`], 'data-callout': kind, role: 'note', 'aria-label': kind[0]!.toUpperCase() + kind.slice(1) },
  };
}

export function remarkCallouts() {
  return (tree: MdNode) => transform(tree);
}
