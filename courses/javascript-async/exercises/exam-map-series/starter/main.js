/** Calls `await fn(item)` for each item, one at a time in order, and resolves to the results. Rejects at the first error, calling fn for no later item. */
export async function mapSeries(items, fn) {
  return Promise.all(items.map(fn));
}
