import { test } from 'node:test';
import assert from 'node:assert/strict';
import { delay, promisify, withTimeout } from './main.js';
import { settle, show } from './outcomes.js';

const wait = (ms, value) => new Promise((resolve) => setTimeout(() => resolve(value), ms));

/** An old-style API: adds later, or fails for negative numbers. */
function addLater(a, b, callback) {
  if (typeof callback !== 'function') throw new TypeError('addLater was called without a callback as its last argument');
  setTimeout(() => (a < 0 || b < 0 ? callback(new Error('negative numbers are not allowed')) : callback(null, a + b)), 2);
}

test('delay resolves with the value after the wait', async () => {
  const started = Date.now();
  const late = await delay(40, 'late');
  const took = Date.now() - started;
  assert.ok(took >= 30, `delay(40, 'late') resolved with ${JSON.stringify(late)} after ${took} ms; it should wait 40 ms (use setTimeout)`);
  const outcome = await settle(delay(5, 'hello'));
  assert.deepEqual(outcome, { value: 'hello' }, `delay(5, 'hello') ${show(outcome)}; expected it to resolve with "hello"`);
});

test('promisify resolves with the result', async () => {
  const add = promisify(addLater);
  assert.equal(typeof add, 'function', `promisify(addLater) returned ${typeof add}; expected a function`);
  const outcome = await settle(add(2, 3));
  assert.deepEqual(outcome, { value: 5 }, `promisify(addLater)(2, 3) ${show(outcome)}; expected it to resolve with 5`);
});

test('promisify rejects with the error', async () => {
  const add = promisify(addLater);
  const outcome = await settle(add(-1, 3));
  assert.ok('error' in outcome, `promisify(addLater)(-1, 3) ${show(outcome)}; expected it to reject with the callback's error`);
  assert.equal(outcome.error?.message, 'negative numbers are not allowed', `promisify(addLater)(-1, 3) ${show(outcome)}; expected the callback's own error: "negative numbers are not allowed"`);
});

test('withTimeout passes a fast result through', async () => {
  const fast = await settle(withTimeout(wait(5, 'quick'), 100));
  assert.deepEqual(fast, { value: 'quick' }, `withTimeout(a promise resolving "quick" after 5 ms, 100) ${show(fast)}; expected "quick"`);
  const failing = await settle(withTimeout(Promise.reject(new Error('boom')), 100));
  assert.equal(failing.error?.message, 'boom', `withTimeout(a promise rejecting with "boom", 100) ${show(failing)}; expected the same rejection`);
});

test('withTimeout rejects a slow promise', async () => {
  const started = Date.now();
  const slow = await settle(withTimeout(wait(1500, 'too late'), 20));
  const took = Date.now() - started;
  assert.equal(slow.error?.message, 'timed out after 20 ms', `withTimeout(a promise taking 1500 ms, 20) ${show(slow)}; expected it to reject with "timed out after 20 ms"`);
  assert.ok(took < 1200, `withTimeout(…, 20) took ${took} ms to reject; it should give up after about 20 ms`);
});
