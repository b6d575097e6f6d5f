import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sumOfMultiples } from './main.js';

test('multiples of 3 or 5 below 10', () => {
  assert.equal(sumOfMultiples(10, [3, 5]), 23, 'sumOfMultiples(10, [3, 5]) should be 23 (3 + 5 + 6 + 9)');
});

test('shared multiples count once', () => {
  assert.equal(sumOfMultiples(16, [3, 5]), 60, 'sumOfMultiples(16, [3, 5]) should be 60: 15 is a multiple of both but counts once');
});

test('several factors', () => {
  assert.equal(sumOfMultiples(20, [7, 13, 17]), 51, 'sumOfMultiples(20, [7, 13, 17]) should be 51 (7 + 13 + 14 + 17)');
});

test('a factor of 0 is ignored', () => {
  assert.equal(sumOfMultiples(10, [0, 3]), 18, 'sumOfMultiples(10, [0, 3]) should be 18 (3 + 6 + 9); 0 has no multiples to add');
});

test('nothing below the limit', () => {
  assert.equal(sumOfMultiples(1, [3]), 0, 'sumOfMultiples(1, [3]) should be 0');
  assert.equal(sumOfMultiples(10, []), 0, 'sumOfMultiples(10, []) should be 0 with no factors');
});
