/** Resolves to the sum of the numbers the promises resolve to; rejects if any of them rejects. */
export async function sumAsync(promises) {
  const numbers = await Promise.all(promises);
  return numbers.reduce((total, n) => total + n, 0);
}
