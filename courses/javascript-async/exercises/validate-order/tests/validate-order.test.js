import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseOrder, safeParseOrder, ValidationError } from './main.js';

/** What a call threw, or null: so a failure can say what happened instead. */
function thrownBy(fn) {
  try {
    fn();
    return null;
  } catch (error) {
    return error;
  }
}
const describeError = (error) => (error === null ? 'threw nothing' : `threw ${error?.name ?? typeof error} "${error?.message}"`);

test('parseOrder returns a good order', () => {
  const order = parseOrder('{"item": "tea", "quantity": 2, "note": "ignored"}');
  assert.deepEqual(order, { item: 'tea', quantity: 2 }, `parseOrder of a good order returned ${JSON.stringify(order)}; expected only { item: "tea", quantity: 2 }`);
});

test('ValidationError is an Error with a name and a field', () => {
  const error = new ValidationError('quantity must be positive', 'quantity');
  assert.ok(error instanceof Error, 'new ValidationError(…) is not an Error; it should extend Error');
  assert.equal(error.message, 'quantity must be positive', `new ValidationError('quantity must be positive', 'quantity').message is ${JSON.stringify(error.message)}; pass the message to super(message)`);
  assert.equal(error.name, 'ValidationError', `its name is ${JSON.stringify(error.name)}; set this.name = 'ValidationError' so stack traces and logs say what it is`);
  assert.equal(error.field, 'quantity', `its field is ${JSON.stringify(error.field)}; expected "quantity"`);
});

test('parseOrder names the bad field', () => {
  const cases = [
    ['{"quantity": 2}', 'item'],
    ['{"item": "  ", "quantity": 2}', 'item'],
    ['{"item": "tea", "quantity": 0}', 'quantity'],
    ['{"item": "tea", "quantity": 1.5}', 'quantity'],
    ['{"item": "tea", "quantity": "2"}', 'quantity'],
  ];
  for (const [text, field] of cases) {
    const error = thrownBy(() => parseOrder(text));
    assert.ok(error instanceof ValidationError, `parseOrder('${text}') ${describeError(error)}; expected a ValidationError`);
    assert.equal(error.field, field, `parseOrder('${text}') threw a ValidationError with field ${JSON.stringify(error.field)}; expected "${field}"`);
  }
});

test('parseOrder keeps the JSON error as the cause', () => {
  const error = thrownBy(() => parseOrder('{item: tea}'));
  assert.ok(error instanceof ValidationError, `parseOrder('{item: tea}') ${describeError(error)}; expected a ValidationError saying the order is not valid JSON`);
  assert.equal(error.field, null, `its field is ${JSON.stringify(error.field)}; expected null: the whole input is wrong, not one field`);
  assert.ok(error.cause instanceof SyntaxError, `its cause is ${describeError(error.cause ?? null).replace('threw', 'a')}; expected the SyntaxError JSON.parse threw`);
});

test('safeParseOrder turns validation errors into results', () => {
  const good = safeParseOrder('{"item": "tea", "quantity": 2}');
  assert.deepEqual(good, { ok: true, order: { item: 'tea', quantity: 2 } }, `safeParseOrder of a good order returned ${JSON.stringify(good)}`);
  let bad;
  const error = thrownBy(() => {
    bad = safeParseOrder('{"item": "tea", "quantity": 0}');
  });
  assert.equal(error, null, `safeParseOrder('{"item": "tea", "quantity": 0}') ${describeError(error)}; it should catch the ValidationError and return { ok: false, … }`);
  assert.equal(bad?.ok, false, `safeParseOrder of a bad quantity returned ${JSON.stringify(bad)}; expected ok: false`);
  assert.equal(bad?.field, 'quantity', `safeParseOrder of a bad quantity returned ${JSON.stringify(bad)}; expected field: "quantity"`);
  assert.equal(typeof bad?.message, 'string', `safeParseOrder of a bad quantity returned ${JSON.stringify(bad)}; expected the error's message`);
});
