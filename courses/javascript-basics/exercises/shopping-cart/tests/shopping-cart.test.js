import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyDiscount, cartTotal, lineTotal } from './main.js';

const cart = [
  { name: 'notebook', price: 2.5, quantity: 4 },
  { name: 'pen', price: 1.2, quantity: 3 },
];

test('lineTotal multiplies price by quantity', () => {
  assert.equal(lineTotal(cart[0]), 10, 'lineTotal of 4 notebooks at 2.5 should be 10');
});

test('cartTotal adds every line', () => {
  const total = cartTotal(cart);
  assert.ok(Math.abs(total - 13.6) < 1e-9, `cartTotal should be 13.6 (10 + 3.6), got ${total}`);
});

test('an empty cart costs nothing', () => {
  assert.equal(cartTotal([]), 0, 'cartTotal([]) should be 0');
});

test('applyDiscount rounds to cents', () => {
  assert.equal(applyDiscount(13.6, 10), 12.24, 'applyDiscount(13.6, 10) should be 12.24');
  assert.equal(applyDiscount(19.99, 15), 16.99, 'applyDiscount(19.99, 15) should be 16.99 (16.9915 rounded)');
});

test('applyDiscount edges', () => {
  assert.equal(applyDiscount(50, 0), 50, 'applyDiscount(50, 0) should be 50');
  assert.equal(applyDiscount(50, 100), 0, 'applyDiscount(50, 100) should be 0');
});

test('applyDiscount rejects impossible percentages', () => {
  assert.throws(() => applyDiscount(10, 120), RangeError, 'applyDiscount(10, 120) should throw a RangeError');
  assert.throws(() => applyDiscount(10, -5), RangeError, 'applyDiscount(10, -5) should throw a RangeError');
});
