import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { failuresFirst, humanTestName, learnerPaths } from './result-text';

describe('humanTestName', () => {
  it.each([
    ['test_boiling_point', 'Boiling point'],
    ['test_greeting.py::test_greets_ada', 'Greets ada'],
    ['test_x.py::TestGreeting::testEmptyName', 'Empty name'],
    ['greets any name', 'greets any name'],
    ['test_', 'test_'],
  ])('%s → %s', (name, shown) => expect(humanTestName(name)).toBe(shown));
});

describe('learnerPaths', () => {
  it('shows sandbox paths as the learner’s file names', () => {
    expect(learnerPaths('File "/work/main.py", line 2', ['main.py'])).toBe('File "main.py", line 2');
    expect(learnerPaths('at f (file:///tmp/run-12/src/main.js:3:9)', ['src/main.js'])).toBe('at f (src/main.js:3:9)');
    expect(learnerPaths('/work/test_greeting.py:6: in test_greets_ada', ['main.py'])).toBe('test_greeting.py:6: in test_greets_ada');
    expect(learnerPaths('/home/a/main.pyc stays', ['main.py'])).toBe('/home/a/main.pyc stays');
  });
  it('never grows the text, and is quick on long runs of slashes', () => {
    fc.assert(fc.property(fc.string(), (text) => learnerPaths(text, ['main.py']).length <= text.length));
    const started = Date.now();
    learnerPaths('/'.repeat(50_000) + 'x', ['main.py']);
    expect(Date.now() - started).toBeLessThan(500);
  });
});

describe('failuresFirst', () => {
  it('puts failures first and keeps each group’s order', () => {
    const tests = (['pass', 'fail', 'pass', 'error'] as const).map((status, index) => ({ name: 'abcd'.charAt(index), status }));
    expect(failuresFirst(tests).map((test) => test.name)).toEqual(['b', 'd', 'a', 'c']);
  });
});
