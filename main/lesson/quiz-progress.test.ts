import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resumableQuizProgress } from './quiz-progress';

const questions = [
  { id: 'q1', options: ['a', 'b'] },
  { id: 'q2', options: ['a', 'b', 'c'] },
  { id: 'q3', options: ['a', 'b'] },
];

describe('resumableQuizProgress', () => {
  it('returns progress that fits the quiz', () => {
    const progress = {
      index: 2,
      answers: [
        { questionId: 'q1', selected: [1] },
        { questionId: 'q2', selected: [0, 2] },
      ],
      selected: [1],
      answered: true,
    };
    expect(resumableQuizProgress(progress, questions)).toEqual(progress);
    expect(resumableQuizProgress({ index: 0, answers: [], selected: [], answered: false }, questions)).toEqual({
      index: 0,
      answers: [],
      selected: [],
      answered: false,
    });
  });

  it('starts afresh when the row is damaged or the quiz changed since', () => {
    const base = { index: 1, answers: [{ questionId: 'q1', selected: [0] }], selected: [], answered: false };
    expect(resumableQuizProgress(null, questions)).toBeNull();
    expect(resumableQuizProgress('garbage', questions)).toBeNull();
    expect(resumableQuizProgress({ ...base, index: 'one' }, questions)).toBeNull();
    // A question the course removed, reordered, or an option it no longer has.
    expect(resumableQuizProgress({ ...base, answers: [{ questionId: 'gone', selected: [0] }] }, questions)).toBeNull();
    expect(resumableQuizProgress({ ...base, answers: [{ questionId: 'q1', selected: [5] }] }, questions)).toBeNull();
    expect(resumableQuizProgress({ ...base, selected: [3] }, questions)).toBeNull();
    // The answers must be exactly the questions before the one shown.
    expect(resumableQuizProgress({ ...base, index: 2 }, questions)).toBeNull();
    expect(resumableQuizProgress({ ...base, index: 3, answers: [] }, questions)).toBeNull();
    // Checked with nothing picked cannot happen.
    expect(resumableQuizProgress({ ...base, answered: true }, questions)).toBeNull();
  });

  it('never returns progress pointing outside the quiz, whatever was stored', () => {
    fc.assert(
      fc.property(
        fc.anything(),
        fc.record({ index: fc.integer({ min: -2, max: 5 }), answered: fc.boolean(), selected: fc.array(fc.nat(4)) }),
        (noise, shape) => {
          for (const saved of [noise, { ...shape, answers: questions.slice(0, Math.max(0, shape.index)).map((q) => ({ questionId: q.id, selected: [0] })) }]) {
            const progress = resumableQuizProgress(saved, questions);
            if (!progress) continue;
            const shown = questions[progress.index]!;
            expect(progress.answers.map((a) => a.questionId)).toEqual(questions.slice(0, progress.index).map((q) => q.id));
            expect(progress.selected.every((option) => option < shown.options.length)).toBe(true);
          }
        },
      ),
    );
  });
});
