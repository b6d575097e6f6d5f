/** Returns price × quantity for one cart item. */
export function lineTotal(item) {
  return item.price * item.quantity;
}

/** Returns the total of every line in the cart. */
export function cartTotal(cart) {
  return cart.reduce((sum, item) => sum + lineTotal(item), 0);
}

/** Returns total reduced by percent %, rounded to cents. Throws RangeError outside 0–100. */
export function applyDiscount(total, percent) {
  if (percent < 0 || percent > 100) {
    throw new RangeError(`percent must be between 0 and 100, got ${percent}`);
  }
  return Math.round(total * (1 - percent / 100) * 100) / 100;
}

const cart = [
  { name: 'notebook', price: 2.5, quantity: 4 },
  { name: 'pen', price: 1.2, quantity: 3 },
];
console.log(cartTotal(cart), applyDiscount(cartTotal(cart), 10));
