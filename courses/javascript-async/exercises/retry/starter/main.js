/**
 * Calls `await task(attempt)` with attempt = 1, 2, … up to `attempts` times, until one call
 * succeeds, and returns that result. If every attempt fails, throws the last attempt's error.
 */
export async function retry(task, attempts) {
  // Not written yet: it gives back undefined without calling task.
  return undefined;
}

const flaky = async (attempt) => {
  if (attempt < 3) throw new Error(`attempt ${attempt} failed`);
  return `worked on attempt ${attempt}`;
};
retry(flaky, 5).then(console.log, (error) => console.log('gave up:', error.message));
