/** Calls `callback` once, `ms` milliseconds from now. */
export function later(ms, callback) {
  // This calls back straight away. Make it wait for `ms` milliseconds.
  callback();
}

/**
 * Calls onTick(from), onTick(from - 1), … onTick(1), one every `interval` ms (the first one
 * `interval` ms from now), then calls onDone().
 */
export function countdown(from, onTick, onDone, interval = 10) {
  // Step 2: schedule the ticks with setTimeout. For now it finishes at once.
  onDone();
}
