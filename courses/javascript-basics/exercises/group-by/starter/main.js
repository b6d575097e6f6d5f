/** Groups items into an object of arrays, keyed by keyOf(item), keeping the original order. */
export function groupBy(items, keyOf) {
  const groups = {};
  // For each item: find its key, then add the item to that key's array.
  return groups;
}

/** Summarises expenses as [{ category, total, count }], biggest total first. */
export function spendingByCategory(expenses) {
  return [];
}

console.log(groupBy([1, 2, 3, 4, 5], (n) => (n % 2 === 0 ? 'even' : 'odd')));
