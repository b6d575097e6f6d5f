/**
 * Sums every distinct number from 1 to limit - 1 that is a multiple of at least one factor.
 */
export function sumOfMultiples(limit, factors) {
  let total = 0;
  for (let n = 1; n < limit; n++) {
    // Decide here whether n is a multiple of at least one of the factors, and if so add it.
  }
  return total;
}

console.log(sumOfMultiples(10, [3, 5]));
