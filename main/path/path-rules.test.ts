import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { onARoll, onTrack, orderByPreference, testedOut, type OrderedLesson } from './path-rules';

const types = ['concept', 'guided', 'practice', 'challenge', 'quiz', 'reflection'] as const;
const course = fc
  .array(fc.record({ module: fc.integer({ min: 0, max: 2 }), type: fc.constantFrom(...types), concepts: fc.subarray(['a', 'b', 'c', 'd']) }), { maxLength: 16 })
  .map((rows) =>
    rows
      .sort((x, y) => x.module - y.module)
      .map((row, i): OrderedLesson => ({ lessonId: `l${i}`, moduleId: `m${row.module}`, type: row.type, concepts: row.concepts })),
  );
const ids = (lessons: readonly OrderedLesson[]) => lessons.map((lesson) => lesson.lessonId);

describe('lesson order by learning preference', () => {
  it('"show me first" keeps the authored order', () => {
    fc.assert(
      fc.property(course, (lessons) => {
        expect(ids(orderByPreference(lessons, 'show-first'))).toEqual(ids(lessons));
      }),
    );
  });

  it('"let me try first" only reorders: same lessons, modules whole and in order, everything but concept lessons in authored order', () => {
    fc.assert(
      fc.property(course, (lessons) => {
        const ordered = orderByPreference(lessons, 'try-first');
        expect([...ids(ordered)].sort()).toEqual([...ids(lessons)].sort());
        expect(ordered.map((lesson) => lesson.moduleId)).toEqual(lessons.map((lesson) => lesson.moduleId));
        const others = (list: readonly OrderedLesson[]) => ids(list.filter((lesson) => lesson.type !== 'concept'));
        expect(others(ordered)).toEqual(others(lessons));
        expect(ids(orderByPreference(lessons, 'try-first'))).toEqual(ids(ordered));
      }),
    );
  });

  it('"let me try first" puts an exercise before the concept lesson it practises, never past a quiz', () => {
    fc.assert(
      fc.property(course, (lessons) => {
        const ordered = ids(orderByPreference(lessons, 'try-first'));
        lessons.forEach((lesson, i) => {
          if (lesson.type !== 'concept') return;
          const rest = lessons.slice(i + 1).filter((later) => later.moduleId === lesson.moduleId);
          const stop = rest.findIndex((later) => later.type === 'quiz' || later.type === 'reflection');
          const reachable = stop === -1 ? rest : rest.slice(0, stop);
          const practised = reachable.find(
            (later) =>
              later.type !== 'concept' &&
              (lesson.concepts.length === 0 || later.concepts.length === 0 || lesson.concepts.some((id) => later.concepts.includes(id))),
          );
          if (practised) expect(ordered.indexOf(lesson.lessonId)).toBeGreaterThan(ordered.indexOf(practised.lessonId));
          if (stop !== -1) expect(ordered.indexOf(lesson.lessonId)).toBeLessThan(ordered.indexOf(rest[stop]!.lessonId));
        });
      }),
      {
        numRuns: 1000,
        // A concept the first exercise does not practise waits for the untagged exercise after it.
        examples: [
          [
            [
              { lessonId: 'l0', moduleId: 'm1', type: 'concept', concepts: ['b', 'c'] },
              { lessonId: 'l1', moduleId: 'm1', type: 'concept', concepts: ['a'] },
              { lessonId: 'l2', moduleId: 'm1', type: 'challenge', concepts: ['a'] },
              { lessonId: 'l3', moduleId: 'm1', type: 'practice', concepts: [] },
            ],
          ],
        ],
      },
    );
  });

  it('moves the explanation after its exercise in a typical module', () => {
    const lesson = (lessonId: string, type: string, concepts: string[]): OrderedLesson => ({ lessonId, moduleId: 'm', type, concepts });
    const module = [lesson('loops', 'concept', ['loops']), lesson('fizzbuzz', 'practice', ['loops']), lesson('quiz', 'quiz', ['loops'])];
    expect(ids(orderByPreference(module, 'try-first'))).toEqual(['fizzbuzz', 'loops', 'quiz']);
  });
});

describe('tested out, on a roll, on track', () => {
  const standing = (probability: number, placedKnown = false) => ({ probability, placedKnown });

  it('tests a lesson out when every concept is mastered, or placed known and not weak since', () => {
    expect(
      testedOut(
        ['a', 'b'],
        new Map([
          ['a', standing(0.9)],
          ['b', standing(0.61, true)],
        ]),
      ),
    ).toBe(true);
    expect(
      testedOut(
        ['a', 'b'],
        new Map([
          ['a', standing(0.9)],
          ['b', standing(0.61)],
        ]),
      ),
    ).toBe(false);
    expect(testedOut(['a'], new Map([['a', standing(0.2, true)]]))).toBe(false);
    expect(testedOut(['a', 'b'], new Map([['a', standing(0.9)]]))).toBe(false);
    expect(testedOut([], new Map())).toBe(false);
  });

  it('is on a roll after three right answers none slower than par', () => {
    const right = { correct: true, timeRatio: 0.5 };
    expect(onARoll([right, right, { correct: true, timeRatio: null }])).toBe(true);
    expect(onARoll([right, right])).toBe(false);
    expect(onARoll([right, { correct: true, timeRatio: 1.5 }, right])).toBe(false);
    expect(onARoll([right, right, { correct: false, timeRatio: 0.2 }, right])).toBe(false);
  });

  it('prorates the weekly target to the day of the week', () => {
    expect(onTrack(0, 0, 3)).toBeNull();
    expect(onTrack(20 * 60, 140, 1)).toBe(true);
    expect(onTrack(19 * 60, 140, 1)).toBe(false);
    expect(onTrack(139 * 60, 140, 7)).toBe(false);
    fc.assert(
      fc.property(fc.nat(100_000), fc.integer({ min: 1, max: 3000 }), fc.integer({ min: 1, max: 6 }), (seconds, minutes, day) => {
        // More time never makes it worse; a later day never makes it easier.
        if (onTrack(seconds, minutes, day)) expect(onTrack(seconds + 60, minutes, day)).toBe(true);
        if (onTrack(seconds, minutes, day + 1)) expect(onTrack(seconds, minutes, day)).toBe(true);
      }),
    );
  });
});
