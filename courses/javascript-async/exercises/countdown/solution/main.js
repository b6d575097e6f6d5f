/** Calls `callback` once, `ms` milliseconds from now. */
export function later(ms, callback) {
  setTimeout(callback, ms);
}

/**
 * Calls onTick(from), onTick(from - 1), … onTick(1), one every `interval` ms (the first one
 * `interval` ms from now), then calls onDone().
 */
export function countdown(from, onTick, onDone, interval = 10) {
  function tick(n) {
    if (n === 0) {
      onDone();
      return;
    }
    onTick(n);
    setTimeout(() => tick(n - 1), interval);
  }
  setTimeout(() => tick(from), interval);
}
