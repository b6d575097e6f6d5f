/**
 * Calls `await task(attempt)` with attempt = 1, 2, … up to `attempts` times, until one call
 * succeeds, and returns that result. If every attempt fails, throws the last attempt's error.
 */
export async function retry(task, attempts) {
  // Not written yet: it gives back undefined without calling task.
  return undefined;
}
