import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fastest, loadAll, loadSome } from './main.js';
import { inFlightTask } from './in-flight.js';
import { settle, show } from './outcomes.js';

/** A pretend server: later ids answer sooner; ids in `broken` fail. It counts requests in flight. */
function fakeServer(broken = []) {
  const { fn, stats } = inFlightTask({ delay: (id) => 40 - id * 5, answer: (id) => (broken.includes(id) ? new Error(`user ${id} not found`) : { id }) });
  return { fetchUser: fn, stats };
}
const source = (ms, value, fails = false) => () => new Promise((resolve, reject) => setTimeout(() => (fails ? reject(new Error(`${value} failed`)) : resolve(value)), ms));

test('loadAll keeps the order of the ids', async () => {
  const { fetchUser } = fakeServer();
  const outcome = await settle(loadAll([1, 2, 3], fetchUser));
  assert.deepEqual(outcome, { value: [{ id: 1 }, { id: 2 }, { id: 3 }] }, `loadAll([1, 2, 3], fetchUser) ${show(outcome)}; expected the three users in the order of the ids, even though user 3 answers first`);
});

test('loadAll starts every request at once', async () => {
  const { fetchUser, stats } = fakeServer();
  await settle(loadAll([1, 2, 3, 4], fetchUser));
  assert.equal(stats.most, 4, `loadAll([1, 2, 3, 4], fetchUser) had at most ${stats.most} requests in flight together; expected all 4 started at once`);
});

test('loadAll rejects when one request fails', async () => {
  const { fetchUser } = fakeServer([2]);
  const outcome = await settle(loadAll([1, 2, 3], fetchUser));
  assert.equal(outcome.error?.message, 'user 2 not found', `loadAll([1, 2, 3], fetchUser) with user 2 missing ${show(outcome)}; expected it to reject with "user 2 not found"`);
});

test('loadSome splits successes and failures', async () => {
  const { fetchUser, stats } = fakeServer([2, 4]);
  const outcome = await settle(loadSome([1, 2, 3, 4], fetchUser));
  assert.deepEqual(outcome, { value: { users: [{ id: 1 }, { id: 3 }], failed: [2, 4] } }, `loadSome([1, 2, 3, 4], fetchUser) with users 2 and 4 missing ${show(outcome)}; expected { users: [{id:1},{id:3}], failed: [2,4] }`);
  assert.equal(stats.most, 4, `loadSome had at most ${stats.most} requests in flight together; expected all 4 started at once`);
});

test('fastest resolves with the first success', async () => {
  const outcome = await settle(fastest([source(300, 'slow mirror'), source(5, 'broken mirror', true), source(10, 'quick mirror')]));
  assert.deepEqual(outcome, { value: 'quick mirror' }, `fastest([slow after 300 ms, failing after 5 ms, quick after 10 ms]) ${show(outcome)}; expected "quick mirror", the first that succeeded`);
});

test('fastest rejects when every source fails', async () => {
  const outcome = await settle(fastest([source(5, 'a', true), source(10, 'b', true)]));
  assert.equal(outcome.error?.message, 'every source failed', `fastest([two failing sources]) ${show(outcome)}; expected it to reject with "every source failed"`);
});
