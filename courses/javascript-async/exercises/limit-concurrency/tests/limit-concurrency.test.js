import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mapWithLimit } from './main.js';
import { inFlightTask } from './in-flight.js';
import { settle, show } from './outcomes.js';

/** fn(n) doubles n after `n` ms (so larger items finish later) and fails for `broken`. */
const tracked = (broken = null) => inFlightTask({ delay: (n) => n, answer: (n) => (n === broken ? new Error(`item ${n} failed`) : n * 2) });

test('keeps the results in input order', async () => {
  const { fn } = tracked();
  const outcome = await settle(mapWithLimit([30, 5, 20, 1, 10], 2, fn));
  assert.deepEqual(outcome, { value: [60, 10, 40, 2, 20] }, `mapWithLimit([30, 5, 20, 1, 10], 2, double) ${show(outcome)}; expected [60, 10, 40, 2, 20], in the order of the items, not the order they finished`);
});

test('never runs more than limit at once', async () => {
  const { fn, stats } = tracked();
  await settle(mapWithLimit([8, 3, 6, 2, 9, 4, 7, 5], 3, fn));
  assert.ok(stats.most <= 3, `mapWithLimit(8 items, 3, fn) had ${stats.most} calls in flight at once; the limit is 3`);
  assert.equal(stats.called.length, 8, `mapWithLimit(8 items, 3, fn) called fn ${stats.called.length} times; expected once per item: 8`);
});

test('uses the whole limit', async () => {
  const { fn, stats } = tracked();
  await settle(mapWithLimit([8, 3, 6, 2, 9, 4, 7, 5], 3, fn));
  assert.equal(stats.most, 3, `mapWithLimit(8 items, 3, fn) never had more than ${stats.most} call(s) in flight; it should keep 3 running while items are left`);
});

test('works with an empty list', async () => {
  const { fn, stats } = tracked();
  const outcome = await settle(mapWithLimit([], 4, fn));
  assert.deepEqual(outcome, { value: [] }, `mapWithLimit([], 4, fn) ${show(outcome)}; expected []`);
  assert.equal(stats.called.length, 0, `mapWithLimit([], 4, fn) called fn ${stats.called.length} times; expected 0`);
});

test('rejects when a task fails', async () => {
  const { fn, stats } = tracked(3);
  const outcome = await settle(mapWithLimit([1, 3, 40, 40, 40, 40, 40, 40], 2, fn));
  assert.equal(outcome.error?.message, 'item 3 failed', `mapWithLimit with a failing item 3 ${show(outcome)}; expected it to reject with "item 3 failed"`);
  assert.ok(stats.called.length < 8, `after item 3 failed, mapWithLimit still started all ${stats.called.length} items; it should stop taking new ones`);
});
