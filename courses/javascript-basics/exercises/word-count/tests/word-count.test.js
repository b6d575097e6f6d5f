import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countWords, mostCommon } from './main.js';

test('counts words ignoring case and punctuation', () => {
  assert.deepEqual(countWords('Go, go, GO! Stop.'), { go: 3, stop: 1 }, "countWords('Go, go, GO! Stop.') should be { go: 3, stop: 1 }");
});

test('apostrophes stay inside words', () => {
  assert.deepEqual(countWords("Don't panic"), { "don't": 1, panic: 1 }, "countWords(\"Don't panic\") should keep \"don't\" as one word");
});

test('numbers are words too', () => {
  assert.deepEqual(countWords('route 66, route 66'), { route: 2, 66: 2 }, "countWords('route 66, route 66') should be { route: 2, '66': 2 }");
});

test('no words in empty or blank text', () => {
  assert.deepEqual(countWords(''), {}, "countWords('') should be {}");
  assert.deepEqual(countWords('  ...  '), {}, "countWords('  ...  ') should be {}");
});

test('most common word', () => {
  assert.deepEqual(mostCommon({ go: 3, stop: 1 }), ['go', 3], "mostCommon({ go: 3, stop: 1 }) should be ['go', 3]");
});

test('ties go to the alphabetically first word', () => {
  assert.deepEqual(mostCommon({ b: 2, a: 2, c: 1 }), ['a', 2], "mostCommon({ b: 2, a: 2, c: 1 }) should be ['a', 2]");
});

test('no words, no winner', () => {
  assert.equal(mostCommon({}), null, 'mostCommon({}) should be null');
});
