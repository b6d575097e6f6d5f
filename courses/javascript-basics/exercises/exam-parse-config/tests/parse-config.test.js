import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseConfig } from './main.js';

test('fills in defaults', () => {
  assert.deepEqual(parseConfig('{"debug": true}'), { port: 8080, host: 'localhost', debug: true }, 'missing fields take their defaults');
});

test('keeps given values', () => {
  assert.deepEqual(parseConfig('{"port": 3000, "host": "0.0.0.0"}'), { port: 3000, host: '0.0.0.0', debug: false }, 'given fields are kept');
});

test('rejects text that is not JSON', () => {
  assert.throws(() => parseConfig('{port: 1}'), /invalid config/, 'bad JSON should throw "invalid config"');
});

test('rejects a port that is not a whole number', () => {
  assert.throws(() => parseConfig('{"port": "80"}'), /invalid config/, 'a string port should throw "invalid config"');
});

test('rejects an array', () => {
  assert.throws(() => parseConfig('[]'), /invalid config/, 'an array is not a config object');
});
