import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sumAsync } from './main.js';
import { settle, show } from './outcomes.js';

const later = (ms, value) => new Promise((resolve) => setTimeout(() => resolve(value), ms));

test('adds the resolved numbers', async () => {
  const outcome = await settle(sumAsync([later(10, 1), Promise.resolve(2), later(1, 3)]));
  assert.deepEqual(outcome, { value: 6 }, `sumAsync([1 later, 2, 3 later]) ${show(outcome)}; expected 6`);
});

test('an empty list adds up to 0', async () => {
  const outcome = await settle(sumAsync([]));
  assert.deepEqual(outcome, { value: 0 }, `sumAsync([]) ${show(outcome)}; expected 0`);
});

test('rejects when one promise rejects', async () => {
  const outcome = await settle(sumAsync([later(1, 1), Promise.reject(new Error('no price'))]));
  assert.equal(outcome.error?.message, 'no price', `sumAsync with a rejected promise ${show(outcome)}; expected it to reject with "no price"`);
});
