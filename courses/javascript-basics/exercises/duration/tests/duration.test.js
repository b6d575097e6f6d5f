import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDuration } from './main.js';

test('hours and padded minutes', () => {
  assert.equal(formatDuration(125), '2h 05m', "formatDuration(125) should be '2h 05m'");
});

test('exactly one hour', () => {
  assert.equal(formatDuration(60), '1h 00m', "formatDuration(60) should be '1h 00m'");
});

test('under an hour shows only minutes', () => {
  assert.equal(formatDuration(45), '45m', "formatDuration(45) should be '45m'");
  assert.equal(formatDuration(0), '0m', "formatDuration(0) should be '0m'");
});

test('long durations', () => {
  assert.equal(formatDuration(1439), '23h 59m', "formatDuration(1439) should be '23h 59m'");
});

test('rejects negative and fractional minutes', () => {
  assert.throws(() => formatDuration(-5), RangeError, 'formatDuration(-5) should throw a RangeError');
  assert.throws(() => formatDuration(2.5), RangeError, 'formatDuration(2.5) should throw a RangeError');
});
