/** Maps each value of item[key] to how many items have it. */
export function countBy(items, key) {
  return {};
}
