/**
 * Resolves to items.map(fn)'s results (fn returns a promise), in the order of `items`, while
 * never running more than `limit` calls of fn at the same time. Rejects with the first error.
 */
export async function mapWithLimit(items, limit, fn) {
  // Correct, but slow: one call at a time. Use up to `limit` at once.
  const results = [];
  for (const item of items) results.push(await fn(item));
  return results;
}
