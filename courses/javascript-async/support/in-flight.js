// Shared by the tests of this course's concurrency exercises (a course's support/ folder,
// courses/FORMAT.md): a pretend async task that counts how many of its calls run at once.

/**
 * fn(item) settles after delay(item) ms with answer(item), or rejects with it when it is an Error.
 * stats: the calls in flight now and at most, and every item fn was called with, in order.
 */
export function inFlightTask({ delay, answer }) {
  const stats = { inFlight: 0, most: 0, called: [] };
  const fn = (item) => {
    stats.called.push(item);
    stats.inFlight++;
    stats.most = Math.max(stats.most, stats.inFlight);
    return new Promise((resolve, reject) =>
      setTimeout(() => {
        stats.inFlight--;
        const result = answer(item);
        if (result instanceof Error) reject(result);
        else resolve(result);
      }, delay(item)),
    );
  };
  return { fn, stats };
}
