// What a `useX()` test helper hands a suite: an object that reads whatever its hooks set up at
// the time of each read, so the suite declares it once at the top and tests use it directly.

/** Forwards every property read to `current()`; throws `notReady` when read before it is set up. */
export function forwardTo<T extends object>(current: () => T | null | undefined, notReady: string): T {
  return new Proxy({} as T, {
    get(_target, key) {
      const target = current();
      if (!target) throw new Error(notReady);
      const value: unknown = Reflect.get(target, key);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
