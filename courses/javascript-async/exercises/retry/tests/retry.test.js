import { test } from 'node:test';
import assert from 'node:assert/strict';
import { retry } from './main.js';
import { settle, show } from './outcomes.js';

/** A task that fails its first `failures` attempts (a little later, as a network call would), then succeeds. */
function flakyTask(failures) {
  const calls = [];
  const task = (attempt) => {
    calls.push(attempt);
    return new Promise((resolve, reject) => setTimeout(() => (calls.length <= failures ? reject(new Error(`failure ${calls.length}`)) : resolve('ok')), 2));
  };
  return { task, calls };
}

test('retry returns the first success', async () => {
  const { task, calls } = flakyTask(0);
  const outcome = await settle(retry(task, 3));
  assert.deepEqual(outcome, { value: 'ok' }, `retry(task, 3) with a task that works at once ${show(outcome)}; expected "ok" (did you await the task and return its result?)`);
  assert.deepEqual(calls, [1], `retry called the task with ${JSON.stringify(calls)}; expected one call, with attempt 1`);
});

test('retry tries again after a failure', async () => {
  const { task, calls } = flakyTask(2);
  const outcome = await settle(retry(task, 5));
  assert.deepEqual(outcome, { value: 'ok' }, `retry(task, 5) with a task that fails twice, then works, ${show(outcome)}; expected "ok"`);
  assert.deepEqual(calls, [1, 2, 3], `retry called the task with attempts ${JSON.stringify(calls)}; expected 1, 2, then 3`);
});

test('retry gives up with the last error', async () => {
  const { task, calls } = flakyTask(10);
  const outcome = await settle(retry(task, 3));
  assert.ok('error' in outcome, `retry(task, 3) with a task that always fails ${show(outcome)}; expected it to reject`);
  assert.equal(outcome.error?.message, 'failure 3', `retry(task, 3) ${show(outcome)}; expected the last attempt's error, "failure 3"`);
  assert.deepEqual(calls, [1, 2, 3], `retry(task, 3) called the task with ${JSON.stringify(calls)}; expected exactly 3 attempts: [1, 2, 3]`);
});

test('retry stops calling the task after a success', async () => {
  const { task, calls } = flakyTask(1);
  await settle(retry(task, 5));
  assert.deepEqual(calls, [1, 2], `retry(task, 5) with a task that works on its 2nd attempt called it with ${JSON.stringify(calls)}; expected [1, 2] and no more`);
});
