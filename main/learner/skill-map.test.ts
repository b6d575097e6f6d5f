// The skill map: each concept exactly once, under its lesson's module; against the real store,
// only started courses, with mastery bands, lessons and review cards.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../store/open-store';
import { MASTERED } from './mastery';
import { MasteryStore } from './mastery-store';
import { groupSkillMap, readSkillMap, UNGROUPED_TITLE } from './skill-map';
import { COURSE, openConceptStore } from './testing/concept-course';
import { PracticeService } from '../practice/practice-service';

let store: Store | undefined;
afterEach(() => store?.close());

describe('groupSkillMap', () => {
  it('places every concept exactly once, in a module that teaches it or among the others', () => {
    const ids = ['a', 'b', 'c', 'd', 'e'];
    const lesson = fc.record({ moduleId: fc.constantFrom('m1', 'm2'), concepts: fc.subarray(ids), status: fc.constant('not_started' as const) });
    fc.assert(
      fc.property(fc.array(lesson, { maxLength: 6 }), fc.array(fc.option(fc.nat(5), { nil: null }), { minLength: 5, maxLength: 5 }), (raw, owners) => {
        const lessons = raw.map((item, index) => ({ ...item, id: `l${index}`, title: `L${index}` }));
        const concepts = ids.map((id, index) => ({
          id,
          title: id.toUpperCase(),
          prerequisites: [],
          lessonId: owners[index] === null ? null : `l${owners[index]}`,
        }));
        const modules = groupSkillMap({
          modules: [
            { id: 'm1', title: 'One' },
            { id: 'm2', title: 'Two' },
          ],
          lessons,
          concepts,
          mastery: new Map(),
          cards: [],
          dueBy: 0,
        });
        const placed = modules.flatMap((module) => module.concepts.map((concept) => [concept.id, module.id] as const));
        expect(placed.map(([id]) => id).sort()).toEqual(ids);
        for (const [id, moduleId] of placed) {
          const teaching = lessons.filter((item) => item.concepts.includes(id) || concepts.find((c) => c.id === id)!.lessonId === item.id);
          if (moduleId === null) expect(teaching).toEqual([]);
          else expect(teaching.some((item) => item.moduleId === moduleId)).toBe(true);
        }
        expect(modules.every((module) => module.concepts.length > 0)).toBe(true);
        expect(modules.findIndex((module) => module.title === UNGROUPED_TITLE)).toBeLessThanOrEqual(modules.length - 1);
      }),
    );
  });
});

describe('readSkillMap', () => {
  it('shows started courses only, each concept with its band, lessons and cards', () => {
    store = openConceptStore();
    const s = store;
    expect(readSkillMap(s, 0).courses).toEqual([]);
    const mastery = new MasteryStore(s);
    for (let i = 0; i < 6; i++) mastery.apply([{ key: `k${i}`, courseId: COURSE, conceptId: 'for-loops', kind: 'test-result', correct: true, occurredAt: 1 }]);
    mastery.apply([{ key: 'h', courseId: COURSE, conceptId: 'strings', kind: 'hint-revealed', correct: false, occurredAt: 1 }]);
    const practice = new PracticeService(s, { now: () => 10, timezone: () => 'UTC' });
    const item = {
      prompt: 'Which loops?',
      options: [
        { text: 'for', correct: true },
        { text: 'if', correct: false },
      ],
    };
    practice.add([
      { key: 'c1', source: 'course-check', courseId: COURSE, conceptId: 'for-loops', item, dueAt: 5 },
      { key: 'c2', source: 'course-check', courseId: COURSE, conceptId: 'for-loops', item, dueAt: 50 },
    ]);
    const [course] = readSkillMap(s, 10).courses;
    expect(course?.modules.map((module) => [module.title, module.concepts.map((concept) => [concept.id, concept.band])])).toEqual([
      [
        'Basics',
        [
          ['variables', 'unseen'],
          ['for-loops', 'mastered'],
        ],
      ],
      ['Working with text', [['strings', 'weak']]],
    ]);
    const loops = course!.modules[0]!.concepts[1]!;
    expect(loops.probability).toBeGreaterThanOrEqual(MASTERED);
    expect(loops.lessons.map((lesson) => lesson.id)).toEqual(['loops', 'loop-quiz']);
    expect(loops.cards.map((card) => card.dueAt)).toEqual([5, 50]);
    expect(loops.dueCards).toBe(1);
    expect(JSON.stringify(loops.cards)).not.toContain('correct');
  });
});
