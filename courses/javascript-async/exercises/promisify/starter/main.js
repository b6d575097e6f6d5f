/** Step 1: a promise that resolves with `value` after `ms` milliseconds. */
export function delay(ms, value) {
  // Resolves at once: make it wait with setTimeout.
  return Promise.resolve(value);
}

/**
 * Step 2: turns fn(...args, callback) with an error-first callback into a function that
 * returns a promise: resolved with the result, rejected with the error.
 */
export function promisify(fn) {
  return (...args) => Promise.reject(new Error('promisify is not written yet'));
}

/** Step 3: settles like `promise`, unless it takes longer than `ms`: then rejects with Error(`timed out after ${ms} ms`). */
export function withTimeout(promise, ms) {
  return promise;
}
