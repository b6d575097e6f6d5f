// The rules that turn events into evidence: every key unique within an event (so a replay is a
// no-op and nothing within it collapses), untagged items fall back to the lesson's concepts, and
// only successes carry time against par.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkEvidence, conceptsOf, quizEvidence, timeRatioOf } from './evidence';

const conceptIds = fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 3 });
const tests = fc.array(fc.record({ status: fc.constantFrom('pass', 'fail', 'error'), concepts: conceptIds }), { maxLength: 6 });
const ratio = fc.option(fc.double({ min: 0.01, max: 10, noNaN: true }), { nil: undefined });

describe('evidence rules', () => {
  it('a Check gives one attempt per lesson concept and one record per test and concept, keys unique', () => {
    fc.assert(
      fc.property(tests, conceptIds, fc.boolean(), ratio, (results, lesson, passed, timeRatio) => {
        const records = checkEvidence({ courseId: 'c', checkId: 7, passed, tests: results, lessonConcepts: lesson, timeRatio, at: 1 });
        const expected = lesson.length + results.reduce((sum, test) => sum + conceptsOf(test, lesson).length, 0);
        expect(records).toHaveLength(expected);
        expect(new Set(records.map((record) => record.key)).size).toBe(records.length);
        for (const record of records) expect(record.timeRatio === undefined || record.correct).toBe(true);
      }),
    );
  });

  it('a quiz gives each question’s concepts (or the lesson’s) with its exact-answer verdict', () => {
    const questions = fc.array(
      fc.record({
        options: fc.array(fc.record({ correct: fc.boolean() }), { minLength: 2, maxLength: 4 }),
        concepts: conceptIds,
        pick: fc.array(fc.nat(3), { maxLength: 3 }),
      }),
      { maxLength: 5 },
    );
    fc.assert(
      fc.property(questions, conceptIds, ratio, (items, lesson, timeRatio) => {
        const withIds = items.map((item, index) => ({ ...item, id: `q${index}` }));
        const answers = withIds.map((item) => ({ questionId: item.id, selected: [...new Set(item.pick)] }));
        const records = quizEvidence({ courseId: 'c', attemptId: 3, questions: withIds, answers, lessonConcepts: lesson, timeRatio, at: 1 });
        expect(records).toHaveLength(withIds.reduce((sum, item) => sum + conceptsOf(item, lesson).length, 0));
        expect(new Set(records.map((record) => record.key)).size).toBe(records.length);
        for (const record of records) expect(record.timeRatio === undefined || record.correct).toBe(true);
      }),
    );
  });

  it('time against par needs both a time and a par', () => {
    expect(timeRatioOf(300, 600)).toBe(0.5);
    expect(timeRatioOf(undefined, 600)).toBeUndefined();
    expect(timeRatioOf(300, null)).toBeUndefined();
    expect(timeRatioOf(300, 0)).toBeUndefined();
    expect(conceptsOf({ concepts: [] }, ['x'])).toEqual(['x']);
    expect(conceptsOf({ concepts: ['y'] }, ['x'])).toEqual(['y']);
  });
});
