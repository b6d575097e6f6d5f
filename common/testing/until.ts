// Waits in tests for something another process or a timer brings about, with a message naming it.

/** Resolves once `condition()` holds; rejects after `ms` with "timed out waiting for <what>". */
export async function until(condition: () => boolean, what: string, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
