/** Returns price × quantity for one cart item. */
export function lineTotal(item) {
  return item.price;
}

/** Returns the total of every line in the cart. */
export function cartTotal(cart) {
  let total = 0;
  // Step 2: add up the line totals.
  return total;
}

/** Returns total reduced by percent %, rounded to cents. Throws RangeError outside 0–100. */
export function applyDiscount(total, percent) {
  return total;
}

const cart = [
  { name: 'notebook', price: 2.5, quantity: 4 },
  { name: 'pen', price: 1.2, quantity: 3 },
];
console.log(cartTotal(cart), applyDiscount(cartTotal(cart), 10));
