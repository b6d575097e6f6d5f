// Each test of a Check carries the concepts it assesses: exercise.yaml's mapping, else the
// lesson's concepts. Pure rule, then through the run coordinator with a real installed course.
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../preload/contract/sandbox';
import { conceptCourse } from '../courses/testing/concept-course';
import { useTempCourseService } from '../courses/testing/temp-course-service';
import { withTestConcepts, type GradedCheck } from './check-results';
import { RunCoordinator } from './run-coordinator';

const quiet = { stdout: '', stderr: '', truncated: false, diagnostics: [] };
const run: RunResult = { outcome: 'failed', exitCode: 1, durationMs: 5, ...quiet, driver: 'process', message: '' };
const graded = (names: string[]): GradedCheck => ({
  status: 'fail',
  tests: names.map((name) => ({ name, status: 'fail' as const })),
  durationMs: 5,
  driver: 'process',
  run,
});

describe('withTestConcepts', () => {
  const concepts = { lesson: ['functions', 'arithmetic'], tests: { test_add: ['arithmetic'], 'Suite > adds': ['functions'] } };

  it('uses the mapping, then the lesson’s concepts', () => {
    const tagged = withTestConcepts(graded(['test_add', 'Suite > adds', 'test_other']), concepts);
    expect(tagged.tests.map((test) => [test.name, test.concepts])).toEqual([
      ['test_add', ['arithmetic']],
      ['Suite > adds', ['functions']],
      ['test_other', ['functions', 'arithmetic']],
    ]);
    expect(tagged).toMatchObject({ status: 'fail', durationMs: 5, driver: 'process', run });
  });

  it('maps a parametrized case by its function’s name, and tags nothing without concepts', () => {
    expect(withTestConcepts(graded(['test_add[1-2]']), concepts).tests[0]!.concepts).toEqual(['arithmetic']);
    expect(withTestConcepts(graded(['test_add']), undefined).tests[0]!.concepts).toEqual([]);
    expect(withTestConcepts(graded([]), concepts).tests).toEqual([]);
  });
});

describe('a Check through the run coordinator', () => {
  const env = useTempCourseService('drona-test-concepts-');

  it('returns and records each test with its concepts, from the installed exercise', async () => {
    env.service.installer.installFiles(conceptCourse(), {});
    const recorded: unknown[] = [];
    const logged: string[] = [];
    const coordinator = new RunCoordinator({
      sandbox: {
        check: () => Promise.resolve({ ...graded(['test_add', 'test_add_is_a_function']), waitMs: 0 }),
        run: () => Promise.reject(new Error('unused')),
        status: () => Promise.reject(new Error('unused')),
        buildImage: () => Promise.reject(new Error('unused')),
      },
      history: { record: (_entry, result) => (recorded.push(result), 1) },
      exercise: (courseId, lessonId) => env.service.getExercise(courseId, lessonId),
      checkPassed: () => Promise.resolve(),
      events: { emit: () => {} },
      log: (message) => logged.push(message),
    });
    const result = await coordinator.check({ runId: 'r1', courseId: 'tiny-course', lessonId: 'add-numbers', files: [{ path: 'main.py', content: '' }] }, 's1');
    expect(result.tests.map((test) => [test.name, test.concepts])).toEqual([
      ['test_add', ['arithmetic']],
      ['test_add_is_a_function', ['functions', 'arithmetic']],
    ]);
    expect(recorded).toEqual([result]);
    // Where the Check's time went in main, one line per Check.
    expect(logged).toEqual([
      expect.stringMatching(
        /^check tiny-course\/add-numbers \(process\): exercise \d+ ms, sandbox \d+ ms \(waited 0 ms for a runtime, ran 5 ms\), history \d+ ms, progress \d+ ms$/,
      ),
    ]);
  });
});
