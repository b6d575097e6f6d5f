import { describe, expect, it } from 'vitest';
import { progressKey, recommendNext, rollUp, type LessonStatus, type OutlineCourse } from './rollups';

const outline: OutlineCourse[] = [
  {
    id: 'py',
    title: 'Python',
    trackId: 'python',
    trackTitle: 'Python track',
    modules: [
      {
        id: 'm1',
        title: 'One',
        lessons: [
          { id: 'a', title: 'A' },
          { id: 'b', title: 'B' },
        ],
      },
      {
        id: 'm2',
        title: 'Two',
        lessons: [
          { id: 'c', title: 'C' },
          { id: 'd', title: 'D' },
        ],
      },
    ],
  },
  { id: 'js', title: 'JS', trackId: 'web', trackTitle: 'Web', modules: [{ id: 'm1', title: 'Intro', lessons: [{ id: 'x', title: 'X' }] }] },
];
const progress = (entries: [string, string, boolean, number][]) =>
  new Map<string, LessonStatus>(entries.map(([c, l, completed, activeSeconds]) => [progressKey(c, l), { completed, activeSeconds }]));

describe('roll-ups', () => {
  it('lesson → module → course → track with percentages and active time', () => {
    const { courses, tracks } = rollUp(
      outline,
      progress([
        ['py', 'a', true, 60],
        ['py', 'b', false, 30],
        ['py', 'c', true, 10],
      ]),
    );
    expect(courses[0]).toMatchObject({ id: 'py', completed: 2, total: 4, percent: 50, activeSeconds: 100 });
    expect(courses[0]!.modules.map((m) => [m.id, m.percent])).toEqual([
      ['m1', 50],
      ['m2', 50],
    ]);
    expect(courses[1]).toMatchObject({ percent: 0, total: 1 });
    expect(tracks).toEqual([
      { id: 'python', title: 'Python track', completed: 2, total: 4, percent: 50, activeSeconds: 100 },
      { id: 'web', title: 'Web', completed: 0, total: 1, percent: 0, activeSeconds: 0 },
    ]);
  });

  it('an empty outline rolls up to nothing, and an empty module is 0 %', () => {
    expect(rollUp([], new Map())).toEqual({ courses: [], tracks: [] });
    expect(
      rollUp([{ id: 'e', title: 'E', trackId: null, trackTitle: null, modules: [{ id: 'm', title: 'M', lessons: [] }] }], new Map()).courses[0]!.percent,
    ).toBe(0);
  });

  it('recommends the next unfinished lesson after the last completed one', () => {
    const done = progress([
      ['py', 'a', true, 0],
      ['py', 'c', true, 0],
    ]);
    expect(recommendNext(outline, done, { courseId: 'py', lessonId: 'c' })?.lessonId).toBe('d');
    expect(recommendNext(outline, done, { courseId: 'py', lessonId: 'a' })?.lessonId).toBe('b');
    expect(recommendNext(outline, new Map(), null)).toEqual({ courseId: 'py', lessonId: 'a', title: 'A', courseTitle: 'Python' });
    const all = progress([
      ['py', 'a', true, 0],
      ['py', 'b', true, 0],
      ['py', 'c', true, 0],
      ['py', 'd', true, 0],
    ]);
    expect(recommendNext(outline, all, { courseId: 'py', lessonId: 'd' })?.courseId).toBe('js');
    expect(recommendNext(outline, new Map([...all, [progressKey('js', 'x'), { completed: true, activeSeconds: 0 }]]), null)).toBeNull();
  });
});
