import { test } from 'node:test';
import assert from 'node:assert/strict';
// Namespace imports never fail to load, so a missing export is reported by a test below.
import * as money from './money.js';
import * as main from './main.js';

const exported = (namespace) => JSON.stringify(Object.keys(namespace).sort());

test('money.js exports toCents by name', () => {
  assert.equal(typeof money.toCents, 'function', `money.js exports ${exported(money)}; expected a named export toCents (write \`export function toCents\`)`);
  assert.equal(money.toCents('12.5'), 1250, `toCents('12.5') returned ${money.toCents('12.5')}; expected 1250`);
});

test('money.js exports formatCents as its default', () => {
  assert.equal(typeof money.default, 'function', `money.js has no default export (it exports ${exported(money)}); write \`export default function formatCents\``);
  assert.equal(money.default.name, 'formatCents', `money.js's default export is ${money.default.name || 'an anonymous function'}; expected formatCents`);
  assert.equal(money.default(7), '0.07', `formatCents(7) returned ${JSON.stringify(money.default(7))}; expected "0.07"`);
});

test('main.js re-exports toCents', () => {
  assert.equal(typeof main.toCents, 'function', `main.js exports ${exported(main)}; expected it to re-export toCents from money.js too`);
  assert.equal(main.toCents, money.toCents, 'main.toCents is a different function from money.toCents; re-export the one from money.js instead of writing a copy');
});

test('invoiceTotal adds the lines in cents', () => {
  const cases = [
    [[{ price: '0.10', quantity: 1 }, { price: '0.20', quantity: 1 }], '0.30'],
    [[{ price: '2.50', quantity: 4 }, { price: '1.20', quantity: 3 }], '13.60'],
    [[], '0.00'],
  ];
  for (const [lines, expected] of cases) {
    const got = main.invoiceTotal(lines);
    assert.equal(got, expected, `invoiceTotal(${JSON.stringify(lines)}) returned ${JSON.stringify(got)}; expected ${JSON.stringify(expected)} (add toCents(price) × quantity, then formatCents)`);
  }
});
