import { test } from 'node:test';
import assert from 'node:assert/strict';
import { memoizeAsync } from './main.js';
import { settle } from './outcomes.js';

/** fn(key) answers `key!` after 5 ms; the first `failures` calls fail. */
function counted(failures = 0) {
  const calls = [];
  const fn = (key) => {
    calls.push(key);
    const fail = calls.length <= failures;
    return new Promise((resolve, reject) => setTimeout(() => (fail ? reject(new Error('network down')) : resolve(`${key}!`)), 5));
  };
  return { fn, calls };
}

test('calls fn once per key', async () => {
  const { fn, calls } = counted();
  const cached = memoizeAsync(fn);
  const first = await settle(cached('a'));
  const again = await settle(cached('a'));
  const other = await settle(cached('b'));
  assert.deepEqual([first, again, other], [{ value: 'a!' }, { value: 'a!' }, { value: 'b!' }], `cached('a'), cached('a'), cached('b') gave ${JSON.stringify([first, again, other])}`);
  assert.deepEqual(calls, ['a', 'b'], `fn was called with ${JSON.stringify(calls)}; expected once for 'a' and once for 'b'`);
});

test('shares a call that is still running', async () => {
  const { fn, calls } = counted();
  const cached = memoizeAsync(fn);
  const both = await Promise.all([cached('x'), cached('x')]);
  assert.deepEqual(both, ['x!', 'x!'], `two calls at once gave ${JSON.stringify(both)}`);
  assert.deepEqual(calls, ['x'], `two calls of cached('x') at the same moment called fn ${calls.length} times; expected 1 (cache the promise, not the value)`);
});

test('does not keep failures', async () => {
  const { fn, calls } = counted(1);
  const cached = memoizeAsync(fn);
  const first = await settle(cached('k'));
  assert.equal(first.error?.message, 'network down', `the first cached('k') should reject with "network down"; it gave ${JSON.stringify(first)}`);
  const second = await settle(cached('k'));
  assert.deepEqual(second, { value: 'k!' }, `after a failure, cached('k') gave ${'error' in second ? `the rejection "${second.error.message}" again` : JSON.stringify(second)}; expected a fresh call resolving "k!"`);
  assert.equal(calls.length, 2, `fn was called ${calls.length} times; expected 2 (the failed call, then a retry)`);
});
