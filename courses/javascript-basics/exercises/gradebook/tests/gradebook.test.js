import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gradeFor, parseScores, report, summarise } from './main.js';

test('parses name and score per line', () => {
  assert.deepEqual(
    parseScores('Ana,91\nBen,78'),
    [
      { name: 'Ana', score: 91 },
      { name: 'Ben', score: 78 },
    ],
    "parseScores('Ana,91\\nBen,78') should be two records with numeric scores",
  );
});

test('skips blank lines and trims spaces', () => {
  assert.deepEqual(parseScores('\n  Cy , 85 \n\n'), [{ name: 'Cy', score: 85 }], 'blank lines are skipped and names and scores trimmed');
  assert.deepEqual(parseScores(''), [], "parseScores('') should be []");
});

test('refuses a score that is not a number', () => {
  assert.throws(() => parseScores('Ana,ninety'), /Ana/, 'a score that is not a number throws an Error naming the line');
});

test('summarises count, average and best', () => {
  const records = [
    { name: 'Ana', score: 91 },
    { name: 'Ben', score: 78 },
    { name: 'Cy', score: 91 },
  ];
  assert.deepEqual(summarise(records), { count: 3, average: 86.7, best: 'Ana' }, 'average 86.666… rounds to 86.7; Ana comes first of the tied best');
});

test('summarises an empty class', () => {
  assert.deepEqual(summarise([]), { count: 0, average: 0, best: null }, 'no records: count 0, average 0, best null');
});

test('grades by the thresholds', () => {
  const grades = [100, 90, 89, 80, 79, 70, 69, 0].map(gradeFor);
  assert.deepEqual(grades, ['A', 'A', 'B', 'B', 'C', 'C', 'F', 'F'], 'A from 90, B from 80, C from 70, else F');
});

test('reports best first, ties by name, without changing the input', () => {
  const records = [
    { name: 'Ben', score: 78 },
    { name: 'Cy', score: 91 },
    { name: 'Ana', score: 91 },
  ];
  assert.equal(report(records), 'Ana: 91 (A)\nCy: 91 (A)\nBen: 78 (C)', 'one line per learner, best first, ties in name order');
  assert.equal(records[0].name, 'Ben', 'report must not sort the array it was given');
});
