import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clamp } from './main.js';

test('inside the range', () => {
  assert.equal(clamp(5, 0, 10), 5, 'clamp(5, 0, 10) should be 5');
});

test('below the range', () => {
  assert.equal(clamp(-3, 0, 10), 0, 'clamp(-3, 0, 10) should be 0');
});

test('above the range', () => {
  assert.equal(clamp(42, 0, 10), 10, 'clamp(42, 0, 10) should be 10');
});
