import { test } from 'node:test';
import assert from 'node:assert/strict';
import { greet } from './greet.js';

test('greets Ada', () => {
  assert.equal(greet('Ada'), 'Hello, Ada!', "greet('Ada') should return 'Hello, Ada!'");
});

test('greets nobody', () => {
  assert.equal(greet(''), 'Hello, !', "greet('') should return 'Hello, !'");
});
