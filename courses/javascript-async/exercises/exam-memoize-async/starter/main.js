/**
 * Returns a function like `fn(key)` (which returns a promise) that calls fn at most once per key
 * while calls succeed: later calls, even ones made before the first finished, get the same promise.
 * A rejected call is forgotten, so the next call for that key tries again.
 */
export function memoizeAsync(fn) {
  return (key) => fn(key);
}
