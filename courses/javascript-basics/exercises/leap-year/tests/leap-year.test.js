import { test } from 'node:test';
import assert from 'node:assert/strict';
import { daysInYear, isLeapYear } from './main.js';

test('a year divisible by 4 is a leap year', () => {
  assert.equal(isLeapYear(2024), true, 'isLeapYear(2024) should be true');
});

test('a year not divisible by 4 is not', () => {
  assert.equal(isLeapYear(2023), false, 'isLeapYear(2023) should be false');
});

test('a century is not a leap year', () => {
  assert.equal(isLeapYear(1900), false, 'isLeapYear(1900) should be false: divisible by 100 but not by 400');
  assert.equal(isLeapYear(2100), false, 'isLeapYear(2100) should be false: divisible by 100 but not by 400');
});

test('every 400 years the century is a leap year', () => {
  assert.equal(isLeapYear(2000), true, 'isLeapYear(2000) should be true: divisible by 400');
});

test('days in a year', () => {
  assert.equal(daysInYear(2000), 366, 'daysInYear(2000) should be 366');
  assert.equal(daysInYear(1900), 365, 'daysInYear(1900) should be 365');
});
