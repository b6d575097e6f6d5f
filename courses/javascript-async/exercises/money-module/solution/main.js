// The invoice module: money.js does the money, this module the invoice.
import formatCents, { toCents } from './money.js';

export { toCents } from './money.js';

/** lines: [{ price: '2.50', quantity: 4 }, …] -> the total as text, e.g. '10.00' */
export function invoiceTotal(lines) {
  let total = 0;
  for (const line of lines) total += toCents(line.price) * line.quantity;
  return formatCents(total);
}

console.log(invoiceTotal([{ price: '0.10', quantity: 1 }, { price: '0.20', quantity: 1 }]));
