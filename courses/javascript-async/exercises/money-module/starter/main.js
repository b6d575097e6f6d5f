// The invoice module. It should use money.js instead of doing its own sums with decimals:
// 1. import formatCents (money.js's default export) and toCents (a named export);
// 2. re-export toCents, so code that imports main.js can use it too;
// 3. make invoiceTotal add the lines in cents.

/** lines: [{ price: '2.50', quantity: 4 }, …] -> the total as text, e.g. '10.00' */
export function invoiceTotal(lines) {
  let total = 0;
  for (const line of lines) total += Number(line.price) * line.quantity;
  return String(total);
}

console.log(invoiceTotal([{ price: '0.10', quantity: 1 }, { price: '0.20', quantity: 1 }]));
