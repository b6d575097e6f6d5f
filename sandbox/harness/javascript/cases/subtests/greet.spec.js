import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { greet } from './greet.js';

describe('greet', () => {
  test('names', async (t) => {
    for (const [name, expected] of [
      ['Ada', 'Hello, Ada!'],
      ['Alan', 'Hi, Alan!'],
    ]) {
      await t.test(name, () => {
        assert.equal(greet(name), expected, `greet('${name}') should return '${expected}'`);
      });
    }
  });
});
