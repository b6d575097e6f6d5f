import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countBy } from './main.js';

test('counts each value', () => {
  const pets = [{ kind: 'cat' }, { kind: 'dog' }, { kind: 'cat' }];
  assert.deepEqual(countBy(pets, 'kind'), { cat: 2, dog: 1 }, 'two cats and one dog');
});

test('no items give an empty object', () => {
  assert.deepEqual(countBy([], 'kind'), {}, 'countBy([], "kind") should be {}');
});
