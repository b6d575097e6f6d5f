// Money as whole cents, so 0.1 + 0.2 never shows up on an invoice.
// Nothing here is exported yet: other modules cannot use these functions.

/** '12.5' -> 1250, '3' -> 300, '0.07' -> 7 */
function toCents(text) {
  const [whole, fraction = ''] = text.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0').slice(0, 2));
}

/** 1250 -> '12.50', 7 -> '0.07' */
function formatCents(cents) {
  const whole = Math.floor(cents / 100);
  const rest = String(cents % 100).padStart(2, '0');
  return `${whole}.${rest}`;
}
