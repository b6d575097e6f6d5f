/** Groups items into an object of arrays, keyed by keyOf(item), keeping the original order. */
export function groupBy(items, keyOf) {
  const groups = {};
  for (const item of items) {
    (groups[keyOf(item)] ??= []).push(item);
  }
  return groups;
}

/** Summarises expenses as [{ category, total, count }], biggest total first. */
export function spendingByCategory(expenses) {
  return Object.entries(groupBy(expenses, (expense) => expense.category))
    .map(([category, list]) => ({
      category,
      total: Math.round(list.reduce((sum, expense) => sum + expense.amount, 0) * 100) / 100,
      count: list.length,
    }))
    .sort((a, b) => b.total - a.total || a.category.localeCompare(b.category));
}

console.log(groupBy([1, 2, 3, 4, 5], (n) => (n % 2 === 0 ? 'even' : 'odd')));
