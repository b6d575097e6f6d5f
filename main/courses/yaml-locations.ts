// Line and column for a path inside a YAML document, so every schema problem points at the
// spot the author has to change.
import { isCollection, isPair, LineCounter, parseDocument, type Document } from 'yaml';

export interface ParsedYaml {
  readonly doc: Document;
  readonly value: unknown;
  readonly lineCounter: LineCounter;
  /** YAML syntax errors, with 1-based positions. */
  readonly errors: { line: number; column: number; message: string }[];
}

export function parseYaml(text: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const errors = doc.errors.map((error) => {
    const pos = lineCounter.linePos(error.pos[0]);
    return { line: pos.line, column: pos.col, message: error.message.split('\n')[0]! };
  });
  return { doc, value: errors.length ? undefined : doc.toJS(), lineCounter, errors };
}

/** The deepest node on `path` that exists (a missing key points at its parent mapping). */
export function locate(parsed: ParsedYaml, path: readonly PropertyKey[]): { line: number; column: number } {
  let node: unknown = parsed.doc.contents;
  let offset = 0;
  const rangeStart = (value: unknown) => (value && typeof value === 'object' && 'range' in value ? ((value as { range?: [number, number, number] }).range?.[0] ?? null) : null);
  offset = rangeStart(node) ?? 0;
  for (const key of path) {
    if (!isCollection(node)) break;
    const items = node.items as unknown[];
    let next: unknown;
    if (typeof key === 'number') next = items[key];
    else {
      const pair = items.find((item) => isPair(item) && (item.key as { value?: unknown } | null)?.value === key);
      // Point at the value (what the author must change); a key without a value points at the key.
      if (isPair(pair)) next = pair.value ?? pair.key;
    }
    if (next === undefined) break;
    if (isPair(next)) next = next.key;
    const start = rangeStart(next);
    if (start !== null) offset = start;
    node = next;
  }
  const pos = parsed.lineCounter.linePos(offset);
  return { line: pos.line, column: pos.col };
}
