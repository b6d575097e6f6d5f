// The exercise folder rule of `drona check`: a course's exercise is its solution against its tests.
import { describe, expect, it } from 'vitest';
import { exerciseFrom } from './exercise-folder';

const file = (path: string) => ({ path, content: '' });

describe('exerciseFrom', () => {
  it("reads a course's exercise as its solution/ (with the starter's read-only files) checked against every file of its tests/", () => {
    const files = ['exercise.yaml', 'starter/main.js', 'starter/demo.js', 'solution/main.js', 'tests/retry.test.js', 'tests/fixtures.js'].map(file);
    expect(exerciseFrom(files, undefined)).toEqual({
      language: 'javascript',
      files: [file('main.js'), file('demo.js')],
      tests: [file('retry.test.js'), file('fixtures.js')],
    });
  });

  it('says why a course exercise without tests cannot be checked', () => {
    expect(exerciseFrom(['exercise.yaml', 'solution/main.py'].map(file), undefined)).toMatchObject({
      problem: expect.stringContaining('no test files in tests/'),
    });
  });

  it('reads a flat folder by the test names', () => {
    expect(exerciseFrom(['main.py', 'test_main.py'].map(file), undefined)).toEqual({
      language: 'python',
      files: [file('main.py')],
      tests: [file('test_main.py')],
    });
  });
});
