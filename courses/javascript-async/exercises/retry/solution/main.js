/**
 * Calls `await task(attempt)` with attempt = 1, 2, … up to `attempts` times, until one call
 * succeeds, and returns that result. If every attempt fails, throws the last attempt's error.
 */
export async function retry(task, attempts) {
  let lastError;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      return await task(attempt);
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}
