/** Step 1: a promise that resolves with `value` after `ms` milliseconds. */
export function delay(ms, value) {
  return new Promise((resolve) => setTimeout(() => resolve(value), ms));
}

/**
 * Step 2: turns fn(...args, callback) with an error-first callback into a function that
 * returns a promise: resolved with the result, rejected with the error.
 */
export function promisify(fn) {
  return (...args) =>
    new Promise((resolve, reject) => {
      fn(...args, (error, result) => (error ? reject(error) : resolve(result)));
    });
}

/** Step 3: settles like `promise`, unless it takes longer than `ms`: then rejects with Error(`timed out after ${ms} ms`). */
export function withTimeout(promise, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
