// The learner model's cards against a real store and a course.yaml on disk: authored concept
// checks once a concept is met, "solve again" when it fades, each card once, its answer feeding
// the concept's mastery.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { MasteryStore } from '../learner/mastery-store';
import { COURSE, openConceptStore } from '../learner/testing/concept-course';
import type { Store } from '../store/open-store';
import { LearnerCards, readConceptQuestions } from './learner-cards';
import { PracticeService } from './practice-service';

const DAY = 86_400_000;
const courseYaml = `id: py
concepts:
  - id: for-loops
    title: For loops
    lesson: loops
    questions:
      - id: range-end
        kind: single
        prompt: What does range(3) yield last?
        options:
          - { text: "2", correct: true }
          - { text: "3", correct: false }
  - id: strings
    title: Strings
    questions:
      - id: quote
        kind: single
        prompt: Which is a string?
        options:
          - { text: "'a'", correct: true }
          - { text: "a", correct: false }
`;

let store: Store | undefined;
afterEach(() => store?.close());

function setup() {
  store = openConceptStore();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-course-'));
  fs.writeFileSync(path.join(dir, 'course.yaml'), courseYaml);
  const clock = { now: 1_700_000_000_000 };
  const now = () => clock.now;
  const mastery = new MasteryStore(store);
  const warnings: string[] = [];
  const cards = new LearnerCards(store, { now, courseDir: () => dir, warn: (message) => void warnings.push(message) });
  const practice = new PracticeService(store, { now, timezone: () => 'UTC', mastery, generated: () => cards.cards() });
  const succeed = (key: string, conceptId: string) =>
    mastery.apply([{ key, courseId: COURSE, conceptId, kind: 'test-result', correct: true, timeRatio: 0.5, occurredAt: clock.now }]);
  return { practice, mastery, clock, succeed, warnings, dir };
}

describe('learner cards', () => {
  it('offers a concept’s authored checks a few days after the learner meets it, once', () => {
    const t = setup();
    expect(t.practice.due().cards).toEqual([]);
    t.succeed('a', 'for-loops');
    t.clock.now += DAY;
    expect(t.practice.due().cards).toEqual([]);
    t.clock.now += 2 * DAY;
    const due = t.practice.due().cards;
    expect(due).toEqual([
      expect.objectContaining({ source: 'course-check', prompt: 'What does range(3) yield last?', lessonId: 'loops', lessonTitle: 'Loops' }),
    ]);
    expect(t.practice.due().cards).toHaveLength(1);
    expect(t.warnings).toEqual([]);
  });

  it('asks to solve a fading concept again, and the answer moves its mastery', () => {
    const t = setup();
    t.succeed('a', 'for-loops');
    t.succeed('b', 'for-loops');
    t.clock.now += 3 * DAY;
    const [range] = t.practice.due().cards;
    t.practice.answer(range!.id, [0], 2_000);
    t.clock.now += 120 * DAY;
    const solveAgain = t.practice.due().cards.find((card) => card.source === 'solve-again');
    expect(solveAgain).toMatchObject({ lessonId: 'loops', lessonTitle: 'Loops', options: ['I solved it without hints', 'I needed help or could not finish'] });
    const before = t.mastery.forCourse(COURSE).find((row) => row.conceptId === 'for-loops')!;
    t.practice.answer(solveAgain!.id, [1], 20_000);
    const after = t.mastery.forCourse(COURSE).find((row) => row.conceptId === 'for-loops')!;
    expect(after.probability).toBeLessThan(before.probability);
    // Still fading, but the same spell: no second card.
    expect(t.practice.due().cards.filter((card) => card.source === 'solve-again')).toHaveLength(0);
  });

  it('warns and offers no authored cards when course.yaml’s questions are not understood', () => {
    const t = setup();
    fs.writeFileSync(path.join(t.dir, 'course.yaml'), 'concepts:\n  - id: for-loops\n    questions: [{ id: x, prompt: "?", options: [] }]\n');
    t.succeed('a', 'for-loops');
    t.clock.now += 3 * DAY;
    expect(t.practice.due().cards).toEqual([]);
    expect(t.warnings).toEqual([expect.stringContaining('no concept-check cards from py')]);
  });
});

describe('deriving the cards incrementally', () => {
  const totalChanges = (s: Store) => s.sqlite.prepare('SELECT total_changes()').pluck().get() as number;

  it('lists what is due without writing or deriving anything when nothing changed', () => {
    const t = setup();
    t.succeed('a', 'for-loops');
    t.clock.now += 3 * DAY;
    expect(t.practice.due().cards).toHaveLength(1);
    const before = totalChanges(store!);
    expect(t.practice.due().cards).toHaveLength(1);
    expect(totalChanges(store!)).toBe(before);
    // A fresh reader (after a restart) finds every card stored already.
    const restarted = new LearnerCards(store!, { now: () => t.clock.now, courseDir: () => t.dir, warn: () => undefined });
    expect(restarted.cards()).toEqual([]);
  });

  it('after any run of evidence, time and listings, a from-scratch derivation finds nothing missing', () => {
    const conceptIds = ['variables', 'for-loops', 'strings'] as const;
    const step = fc.oneof(
      fc.record({ succeed: fc.constantFrom(...conceptIds), correct: fc.boolean() }),
      fc.record({ days: fc.integer({ min: 0, max: 90 }) }),
      fc.constant({ list: true }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 12 }), (steps) => {
        store?.close();
        const t = setup();
        let n = 0;
        for (const s of steps) {
          if ('succeed' in s)
            t.mastery.apply([
              { key: `e${n++}`, courseId: COURSE, conceptId: s.succeed, kind: 'test-result', correct: s.correct, timeRatio: 1, occurredAt: t.clock.now },
            ]);
          else if ('days' in s) t.clock.now += s.days * DAY;
          else t.practice.due();
          t.practice.due();
          const fresh = new LearnerCards(store!, { now: () => t.clock.now, courseDir: () => t.dir, warn: () => undefined });
          expect(fresh.cards()).toEqual([]);
        }
      }),
      { numRuns: 25 },
    );
  });
});

describe('the built-in courses’ concept checks', () => {
  it('are all understood as cards', () => {
    const root = path.join(__dirname, '..', '..', 'courses');
    for (const name of fs.readdirSync(root).filter((entry) => fs.existsSync(path.join(root, entry, 'course.yaml')))) {
      const questions = [...readConceptQuestions(path.join(root, name)).values()].flat();
      expect(questions.length, name).toBeGreaterThan(0);
    }
  });
});
