import { test } from 'node:test';
import assert from 'node:assert/strict';
import { groupBy, spendingByCategory } from './main.js';

test('groups numbers by parity', () => {
  const result = groupBy([1, 2, 3, 4, 5], (n) => (n % 2 === 0 ? 'even' : 'odd'));
  assert.deepEqual(result, { odd: [1, 3, 5], even: [2, 4] }, 'groupBy by parity should be { odd: [1, 3, 5], even: [2, 4] }');
});

test('groups objects by a property, keeping order', () => {
  const people = [
    { name: 'Ana', team: 'red' },
    { name: 'Ben', team: 'blue' },
    { name: 'Cy', team: 'red' },
  ];
  const result = groupBy(people, (person) => person.team);
  assert.deepEqual(
    result,
    { red: [people[0], people[2]], blue: [people[1]] },
    'groupBy(people, p => p.team) should put Ana and Cy (in that order) under red and Ben under blue',
  );
});

test('grouping nothing gives an empty object', () => {
  assert.deepEqual(groupBy([], (x) => x), {}, 'groupBy([], ...) should be {}');
});

/** spendingByCategory of (category, amount) pairs should give these (category, total, count) rows, in order. */
function expectSpending(expenses, rows, message) {
  const result = spendingByCategory(expenses.map(([category, amount]) => ({ category, amount })));
  assert.deepEqual(result, rows.map(([category, total, count]) => ({ category, total, count })), message);
}

test('spending summary, biggest first', () => {
  expectSpending(
    [['food', 12.5], ['travel', 40], ['food', 7.25]],
    [['travel', 40, 1], ['food', 19.75, 2]],
    'spendingByCategory should list travel (40, 1 expense) before food (19.75, 2 expenses)',
  );
});

test('totals are rounded to cents and ties sorted by name', () => {
  expectSpending(
    [['snacks', 0.1], ['snacks', 0.2], ['books', 0.3]],
    [['books', 0.3, 1], ['snacks', 0.3, 2]],
    'snacks should total 0.3 (not 0.30000000000000004) and tie with books, which comes first by name',
  );
});
