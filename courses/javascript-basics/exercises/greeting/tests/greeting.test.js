import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeGreeting } from './main.js';

test('greets Ada', () => {
  assert.equal(makeGreeting('Ada'), 'Hello, Ada!', "makeGreeting('Ada') should return 'Hello, Ada!'");
});

test('greets any name', () => {
  assert.equal(makeGreeting('Linus'), 'Hello, Linus!', "makeGreeting('Linus') should return 'Hello, Linus!'");
});

test('works with an empty name', () => {
  assert.equal(makeGreeting(''), 'Hello, !', "makeGreeting('') should return 'Hello, !'");
});
