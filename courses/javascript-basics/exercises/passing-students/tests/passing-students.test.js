import { test } from 'node:test';
import assert from 'node:assert/strict';
import { averageScore, passingNames } from './main.js';

const results = () => [
  { name: 'Ben', score: 48 },
  { name: 'Dee', score: 91 },
  { name: 'Cy', score: 75 },
  { name: 'Ana', score: 91 },
];

test('passing names, best first, ties by name', () => {
  assert.deepEqual(passingNames(results()), ['Ana', 'Dee', 'Cy'], "passingNames with the default pass mark 50 should be ['Ana', 'Dee', 'Cy']");
});

test('custom pass mark', () => {
  assert.deepEqual(passingNames(results(), 80), ['Ana', 'Dee'], "passingNames(results, 80) should be ['Ana', 'Dee']");
});

test('a score equal to the pass mark passes', () => {
  assert.deepEqual(passingNames([{ name: 'Eve', score: 50 }]), ['Eve'], 'a score of exactly 50 should pass');
});

test('the input array is not changed', () => {
  const input = results();
  const before = JSON.stringify(input);
  passingNames(input);
  assert.equal(JSON.stringify(input), before, 'passingNames must not reorder or change the array it receives');
});

test('average score to one decimal', () => {
  assert.equal(averageScore(results()), 76.3, 'averageScore should be 76.3 (305 / 4 = 76.25, rounded)');
});

test('average of no results', () => {
  assert.equal(averageScore([]), 0, 'averageScore([]) should be 0');
});
