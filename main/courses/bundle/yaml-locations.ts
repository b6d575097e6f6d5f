// Line and column for a path inside a YAML document, so every schema problem points at the
// spot the author has to change.
import { isCollection, isPair, LineCounter, parseDocument, type Document } from 'yaml';
import { messageOf } from '../../../preload/contract/errors';

export interface ParsedYaml {
  readonly doc: Document;
  readonly value: unknown;
  readonly lineCounter: LineCounter;
  /** YAML syntax errors, with 1-based positions. */
  readonly errors: { line: number; column: number; message: string }[];
}

/** Deeper nesting than any course needs; the parser's time and memory grow with it. */
export const MAX_YAML_DEPTH = 64;

/**
 * How deeply `text` nests, over-estimated without parsing: flow brackets ("[", "{") open anywhere
 * on the way, plus "- " block entries stacked on one line. Checked before parsing because a
 * line of thousands of "[" or "- " made the parser take seconds and, at times, abort the process
 * in V8's regular expression compiler.
 */
export function yamlNestingDepth(text: string): number {
  let flow = 0;
  let deepest = 0;
  let lineStart = true;
  let dashes = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '\n') {
      lineStart = true;
      dashes = 0;
    } else if (lineStart && char === '-' && (text[i + 1] === ' ' || text[i + 1] === '\t')) {
      dashes += 1;
      deepest = Math.max(deepest, dashes + flow);
    } else if (char !== ' ' && char !== '\t') lineStart = false;
    if (char === '[' || char === '{') deepest = Math.max(deepest, ++flow);
    else if ((char === ']' || char === '}') && flow > 0) flow -= 1;
  }
  return deepest;
}

export function parseYaml(text: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const errors = doc.errors.map((error) => {
    const pos = lineCounter.linePos(error.pos[0]);
    return { line: pos.line, column: pos.col, message: error.message.split('\n')[0]! };
  });
  if (errors.length) return { doc, value: undefined, lineCounter, errors };
  try {
    return { doc, value: doc.toJS(), lineCounter, errors };
  } catch (error) {
    // Alias expansion past the library's limit ("billion laughs") throws here.
    return { doc, value: undefined, lineCounter, errors: [{ line: 1, column: 1, message: messageOf(error).split('\n')[0]! }] };
  }
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
