/** A problem with the input that the user can fix; `field` names the bad field (null for the whole input). */
export class ValidationError extends Error {
  constructor(message, field, cause) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'ValidationError';
    this.field = field;
  }
}

/**
 * Parses an order like '{"item": "tea", "quantity": 2}' and returns { item, quantity }.
 * Throws a ValidationError: for text that is not JSON (field null, the JSON error as its cause),
 * for a missing or empty item (field 'item'), for a quantity that is not a whole number of at least 1 (field 'quantity').
 */
export function parseOrder(text) {
  let order;
  try {
    order = JSON.parse(text);
  } catch (error) {
    throw new ValidationError('order is not valid JSON', null, error);
  }
  if (typeof order !== 'object' || order === null) throw new ValidationError('order must be an object', null);
  if (typeof order.item !== 'string' || order.item.trim() === '') throw new ValidationError('item must be a non-empty string', 'item');
  if (!Number.isInteger(order.quantity) || order.quantity < 1) throw new ValidationError('quantity must be a whole number of at least 1', 'quantity');
  return { item: order.item, quantity: order.quantity };
}

/** Never throws a ValidationError: returns { ok: true, order } or { ok: false, field, message }. */
export function safeParseOrder(text) {
  try {
    return { ok: true, order: parseOrder(text) };
  } catch (error) {
    if (error instanceof ValidationError) return { ok: false, field: error.field, message: error.message };
    throw error;
  }
}

console.log(safeParseOrder('{"item": "tea", "quantity": 2}'));
console.log(safeParseOrder('{"item": "tea", "quantity": 0}'));
