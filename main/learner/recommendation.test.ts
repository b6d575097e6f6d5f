import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recommend, weakestPrerequisite, type ConceptInfo, type PathLesson, type RecommendationInput } from './recommendation';

const concepts = new Map<string, ConceptInfo>([
  ['variables', { id: 'variables', title: 'Variables', prerequisites: [], lessonId: 'l1' }],
  ['f-strings', { id: 'f-strings', title: 'f-strings', prerequisites: ['variables'], lessonId: 'l2' }],
  ['loops', { id: 'loops', title: 'Loops', prerequisites: ['variables'], lessonId: 'l3' }],
  ['functions', { id: 'functions', title: 'Functions', prerequisites: ['f-strings', 'loops'], lessonId: 'l4' }],
]);
const lesson = (n: number, concept: string, completed = false): PathLesson => ({
  courseId: 'py',
  lessonId: `l${n}`,
  title: `Lesson ${n}`,
  concepts: [concept],
  completed,
});
const path = [lesson(1, 'variables', true), lesson(2, 'f-strings', true), lesson(3, 'loops'), lesson(4, 'functions')];
const base: RecommendationInput = { dueReviews: 0, path, concepts, mastery: new Map(), onARoll: false, onTrack: null };

describe('Next up', () => {
  it('puts due reviews first, naming the most overdue concept', () => {
    expect(recommend({ ...base, dueReviews: 3, mostOverdueConcept: 'loops' })).toEqual({
      kind: 'review',
      count: 3,
      reason: 'Loops and others are due for review',
    });
    expect(recommend({ ...base, dueReviews: 1, mostOverdueConcept: 'loops' }).reason).toBe('Loops is due for review');
    expect(recommend({ ...base, dueReviews: 2 }).reason).toBe('2 cards are due for review');
  });

  it('sends the learner back to a weak prerequisite of what comes next, with its lesson', () => {
    const result = recommend({
      ...base,
      path: [lesson(1, 'variables', true), lesson(2, 'f-strings', true), lesson(3, 'loops', true), lesson(4, 'functions')],
      mastery: new Map([
        ['f-strings', 0.2],
        ['loops', 0.9],
      ]),
    });
    expect(result).toMatchObject({ kind: 'lesson', lessonId: 'l2', why: 'weak-prerequisite', reason: 'You struggled with f-strings: try "Lesson 2" first' });
  });

  it('ignores prerequisites never tried (no evidence is not weakness)', () => {
    expect(weakestPrerequisite(base, ['functions'])).toBeNull();
  });

  it('follows the path with a reason that names the goal', () => {
    expect(recommend(base)).toMatchObject({ lessonId: 'l3', why: 'path', reason: 'Next on your path' });
    expect(recommend({ ...base, onTrack: true }).reason).toBe('On track for your goal');
    expect(recommend({ ...base, onTrack: false }).reason).toBe('A short lesson keeps you on track for your goal');
  });

  it('skips ahead past known lessons after quick correct answers, only then', () => {
    const mastery = new Map([['loops', 0.95]]);
    expect(recommend({ ...base, mastery, onARoll: true })).toMatchObject({ lessonId: 'l4', why: 'skip-ahead' });
    expect(recommend({ ...base, mastery, onARoll: false })).toMatchObject({ lessonId: 'l3', why: 'path' });
  });

  it('says the path is done when every lesson is', () => {
    expect(recommend({ ...base, path: path.map((l) => ({ ...l, completed: true })) }).kind).toBe('done');
  });

  it('always recommends an open lesson of the path, or reviews, or done', () => {
    fc.assert(
      fc.property(
        fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
        fc.dictionary(fc.constantFrom('variables', 'f-strings', 'loops', 'functions'), fc.double({ min: 0, max: 1, noNaN: true })),
        fc.boolean(),
        (done, mastery, onARoll) => {
          const lessons = path.map((l, i) => ({ ...l, completed: done[i] === true }));
          const result = recommend({ ...base, path: lessons, mastery: new Map(Object.entries(mastery)), onARoll });
          if (result.kind === 'lesson') expect(lessons.find((l) => l.lessonId === result.lessonId)).toBeDefined();
          if (result.kind === 'done') expect(done.every(Boolean)).toBe(true);
          if (result.kind === 'lesson' && result.why !== 'weak-prerequisite')
            expect(lessons.find((l) => l.lessonId === result.lessonId)!.completed).toBe(false);
          expect(result.reason.length).toBeGreaterThan(0);
        },
      ),
    );
  });
});
