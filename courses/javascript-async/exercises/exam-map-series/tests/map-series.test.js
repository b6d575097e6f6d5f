import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mapSeries } from './main.js';
import { inFlightTask } from './in-flight.js';
import { settle, show } from './outcomes.js';

/** fn(n) answers n * 10 after 12 - n ms (so later items finish sooner) and fails for `broken`. */
const tracked = (broken = null) => inFlightTask({ delay: (n) => 12 - n, answer: (n) => (n === broken ? new Error(`item ${n} failed`) : n * 10) });

test('returns the results in order', async () => {
  const { fn } = tracked();
  const outcome = await settle(mapSeries([1, 2, 3], fn));
  assert.deepEqual(outcome, { value: [10, 20, 30] }, `mapSeries([1, 2, 3], times10) ${show(outcome)}; expected [10, 20, 30]`);
});

test('runs one call at a time', async () => {
  const { fn, stats } = tracked();
  await settle(mapSeries([1, 2, 3, 4], fn));
  assert.equal(stats.most, 1, `mapSeries had ${stats.most} calls in flight at once; expected 1: wait for each call before the next`);
});

test('stops at the first failure', async () => {
  const { fn, stats } = tracked(2);
  const outcome = await settle(mapSeries([1, 2, 3, 4], fn));
  assert.equal(outcome.error?.message, 'item 2 failed', `mapSeries with a failing item 2 ${show(outcome)}; expected it to reject with "item 2 failed"`);
  assert.deepEqual(stats.called, [1, 2], `mapSeries called fn with ${JSON.stringify(stats.called)}; expected [1, 2]: nothing after the failure`);
});
