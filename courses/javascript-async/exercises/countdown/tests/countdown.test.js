import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countdown, later } from './main.js';

const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `done()` is true, or gives up after `ms` (a busy computer can be slow). */
async function waitFor(done, ms = 2000) {
  for (const end = Date.now() + ms; !done() && Date.now() < end; ) await wait(5);
  await wait(20); // time for a wrong extra call to show up
}

test('later waits before calling back', async () => {
  let calls = 0;
  later(20, () => calls++);
  assert.equal(calls, 0, 'later(20, callback) called the callback straight away; it should only schedule it (setTimeout) and return');
  await waitFor(() => calls > 0);
  assert.equal(calls, 1, `after later(20, callback) the callback had run ${calls} times; expected once`);
});

test('later calls back exactly once', async () => {
  let calls = 0;
  later(5, () => calls++);
  await waitFor(() => calls > 0);
  await wait(50);
  assert.equal(calls, 1, `later(5, callback) ran the callback ${calls} times; expected exactly once (setTimeout, not setInterval)`);
});

test('countdown ticks down, then finishes', async () => {
  const events = [];
  countdown(3, (n) => events.push(n), () => events.push('done'), 5);
  assert.deepEqual(events, [], `countdown(3, …) called back before returning (${JSON.stringify(events)}); the first tick should come after the interval`);
  await waitFor(() => events.includes('done'));
  assert.deepEqual(events, [3, 2, 1, 'done'], `countdown(3, onTick, onDone) produced ${JSON.stringify(events)}; expected onTick(3), onTick(2), onTick(1), then onDone: [3,2,1,"done"]`);
});

test('countdown from 0 only finishes', async () => {
  const events = [];
  countdown(0, (n) => events.push(n), () => events.push('done'), 5);
  await waitFor(() => events.includes('done'));
  assert.deepEqual(events, ['done'], `countdown(0, onTick, onDone) produced ${JSON.stringify(events)}; expected no ticks and one onDone: ["done"]`);
});
