import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAge, readBoth } from './main.js';

const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `done()` is true, or gives up after `ms` (a busy computer can be slow). */
async function waitFor(done, ms = 2000) {
  for (const end = Date.now() + ms; !done() && Date.now() < end; ) await wait(5);
  await wait(20); // time for a wrong second call to show up
}

/** Records every call of a callback: its arguments, in order. */
function recorder() {
  const calls = [];
  const callback = (...args) => calls.push(args);
  return { calls, callback };
}

/** A pretend file system: read(name, callback) answers a little later, the Node way. */
function fakeRead(files, log) {
  return (name, callback) => {
    log.push(name);
    setTimeout(() => {
      if (name in files) callback(null, files[name]);
      else callback(new Error(`ENOENT: no such file, open '${name}'`));
    }, 2);
  };
}

test('parseAge calls back with the number', () => {
  const { calls, callback } = recorder();
  parseAge('42', callback);
  assert.equal(calls.length, 1, `parseAge('42', callback) called the callback ${calls.length} times; expected once`);
  assert.deepEqual(calls[0], [null, 42], `parseAge('42', callback) called callback(${calls[0].map((a) => JSON.stringify(a)).join(', ')}); expected callback(null, 42), the number, not the text`);
});

test('parseAge calls back with an error for bad text', () => {
  for (const text of ['old', '-3', '4.5', '200', '']) {
    const { calls, callback } = recorder();
    parseAge(text, callback);
    assert.equal(calls.length, 1, `parseAge(${JSON.stringify(text)}, callback) called the callback ${calls.length} times; expected once`);
    const [error, age] = calls[0];
    assert.ok(error instanceof Error, `parseAge(${JSON.stringify(text)}, callback) called back with (${JSON.stringify(error)}, ${JSON.stringify(age)}); expected an Error as the first argument`);
    assert.equal(error.message, `not an age: "${text}"`, `parseAge(${JSON.stringify(text)}) reported "${error.message}"; expected the message: not an age: "${text}"`);
  }
});

test('readBoth reads both files in order', async () => {
  const log = [];
  const { calls, callback } = recorder();
  readBoth(fakeRead({ 'a.txt': 'alpha', 'b.txt': 'beta' }, log), 'a.txt', 'b.txt', callback);
  await waitFor(() => calls.length > 0);
  assert.deepEqual(log, ['a.txt', 'b.txt'], `readBoth asked to read ${JSON.stringify(log)}; expected a.txt, then b.txt`);
  assert.equal(calls.length, 1, `readBoth called its callback ${calls.length} times; expected once`);
  assert.deepEqual(calls[0], [null, ['alpha', 'beta']], `readBoth called back with ${JSON.stringify(calls[0])}; expected (null, ["alpha", "beta"])`);
});

test('readBoth stops at the first error', async () => {
  const log = [];
  const { calls, callback } = recorder();
  readBoth(fakeRead({ 'b.txt': 'beta' }, log), 'missing.txt', 'b.txt', callback);
  await waitFor(() => calls.length > 0);
  assert.equal(calls.length, 1, `readBoth called its callback ${calls.length} times when the first read failed; expected exactly once`);
  assert.ok(calls[0][0] instanceof Error, `readBoth called back with ${JSON.stringify(calls[0])} when missing.txt could not be read; expected the read's Error first`);
  assert.match(calls[0][0].message, /ENOENT/, `readBoth passed on the error "${calls[0][0].message}"; expected the read's own error (ENOENT …)`);
  assert.deepEqual(log, ['missing.txt'], `after the first read failed, readBoth still read ${JSON.stringify(log.slice(1))}; it should stop`);
});
