/** A problem with the input that the user can fix; `field` names the bad field (null for the whole input). */
export class ValidationError extends Error {
  constructor(message, field, cause) {
    // Pass the message (and the cause) on to Error, then set the name and the field.
    super();
  }
}

/**
 * Parses an order like '{"item": "tea", "quantity": 2}' and returns { item, quantity }.
 * Throws a ValidationError: for text that is not JSON (field null, the JSON error as its cause),
 * for a missing or empty item (field 'item'), for a quantity that is not a whole number of at least 1 (field 'quantity').
 */
export function parseOrder(text) {
  return JSON.parse(text);
}

/** Never throws a ValidationError: returns { ok: true, order } or { ok: false, field, message }. */
export function safeParseOrder(text) {
  return { ok: true, order: parseOrder(text) };
}

console.log(safeParseOrder('{"item": "tea", "quantity": 2}'));
console.log(safeParseOrder('{"item": "tea", "quantity": 0}'));
