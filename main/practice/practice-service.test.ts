import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { DronaError } from '../../preload/contract';
import type { ReviewCardItem } from '../../preload/contract/practice';
import { openStore, type Store } from '../store/open-store';
import { isExactAnswer } from '../learner/exact-answer';
import { PracticeService, type NewCard } from './practice-service';

const DAY = 86_400_000;
const stores: Store[] = [];
afterEach(() => {
  while (stores.length) stores.pop()!.close();
});

const item: ReviewCardItem = {
  prompt: 'What does `len([1, 2, 3])` return?',
  options: [
    { text: '2', correct: false, explanation: 'Counting starts at one for lengths.' },
    { text: '3', correct: true },
    { text: 'An error', correct: false },
  ],
};
const card = (n: number, dueAt: number, extra: Partial<NewCard> = {}): NewCard => ({
  key: `missed-quiz:py:l1:q${n}`,
  source: 'missed-quiz',
  courseId: 'py',
  lessonId: 'l1',
  item,
  dueAt,
  ...extra,
});

function setup(start = Date.UTC(2026, 11, 5, 9)) {
  const store = openStore(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'drona-practice-')), 'drona.db'));
  stores.push(store);
  const clock = { now: start };
  const changes: number[] = [];
  const practice = new PracticeService(store, { now: () => clock.now, timezone: () => 'Europe/Berlin', changed: (n) => changes.push(n) });
  return { store, clock, practice, changes };
}

describe('isExactAnswer', () => {
  it('is right only for exactly the right set of options, in any order', () => {
    const two: ReviewCardItem = {
      prompt: 'p',
      options: [
        { text: 'a', correct: true },
        { text: 'b', correct: false },
        { text: 'c', correct: true },
      ],
    };
    expect(isExactAnswer(two.options, [2, 0])).toBe(true);
    expect(isExactAnswer(two.options, [0])).toBe(false);
    expect(isExactAnswer(two.options, [0, 1, 2])).toBe(false);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2 }), { maxLength: 4 }), (selected) => {
        expect(isExactAnswer(two.options, selected)).toBe(new Set(selected).size === 2 && selected.includes(0) && selected.includes(2));
      }),
    );
  });
});

describe('Practice', () => {
  it('shows a missed question the next day, not today', () => {
    const { practice, clock } = setup();
    practice.add([card(1, clock.now + DAY)]);
    expect(practice.due().cards).toHaveLength(0);
    expect(practice.due().nextDueAt).toBe(clock.now + DAY);
    clock.now += DAY;
    const due = practice.due();
    expect(due.cards).toHaveLength(1);
    expect(due.cards[0]).toMatchObject({ source: 'missed-quiz', prompt: item.prompt, options: ['2', '3', 'An error'], multiple: false });
  });

  it('never sends which option is right before the card is answered', () => {
    const { practice, clock } = setup();
    practice.add([card(1, clock.now)]);
    expect(JSON.stringify(practice.due())).not.toMatch(/correct|explanation|Counting starts/);
  });

  it('keeps one card per cause however often it is added', () => {
    const { practice, clock, changes } = setup();
    expect(practice.add([card(1, clock.now), card(1, clock.now), card(2, clock.now)])).toBe(2);
    expect(practice.add([card(1, clock.now)])).toBe(0);
    expect(practice.due().cards).toHaveLength(2);
    expect(changes).toEqual([2]);
  });

  it('grades in main, reschedules by FSRS and logs the answer', () => {
    const { practice, clock, store } = setup();
    practice.add([card(1, clock.now)]);
    const [due] = practice.due().cards;
    const wrong = practice.answer(due!.id, [0], 4000);
    expect(wrong).toMatchObject({ correct: false, correctOptions: [1], rating: 'again', dueCount: 0 });
    expect(wrong.explanations[0]).toBe('Counting starts at one for lengths.');
    // Practice is daily: a miss comes back the next day, not minutes later.
    expect(wrong.nextDueAt - clock.now).toBe(DAY);
    clock.now = wrong.nextDueAt;
    const right = practice.answer(due!.id, [1], 3000);
    expect(right).toMatchObject({ correct: true, rating: 'easy' });
    expect(right.nextDueAt).toBeGreaterThan(clock.now);
    const log = store.sqlite.prepare('SELECT correct, rating FROM review_log ORDER BY id').all();
    expect(log).toEqual([
      { correct: 0, rating: 'again' },
      { correct: 1, rating: 'easy' },
    ]);
  });

  it('rates a slow right answer Hard and a quick one Easy', () => {
    const { practice, clock } = setup();
    practice.add([card(1, clock.now), card(2, clock.now)]);
    const [a, b] = practice.due().cards;
    expect(practice.answer(a!.id, [1], 2000).rating).toBe('easy');
    expect(practice.answer(b!.id, [1], 120_000).rating).toBe('hard');
  });

  it('refuses an unknown card or an option that is not there, changing nothing', () => {
    const { practice, clock, store } = setup();
    practice.add([card(1, clock.now)]);
    const [due] = practice.due().cards;
    expect(() => practice.answer(9999, [1], 1000)).toThrow(DronaError);
    expect(() => practice.answer(due!.id, [5], 1000)).toThrow(/has 3 options/);
    expect(store.sqlite.prepare('SELECT count(*) AS n FROM review_log').get()).toEqual({ n: 0 });
    expect(practice.due().cards).toHaveLength(1);
  });

  it('refuses a malformed card item with a message naming the problem', () => {
    const { practice, clock } = setup();
    expect(() =>
      practice.add([
        card(1, clock.now, {
          item: {
            prompt: 'p',
            options: [
              { text: 'a', correct: false },
              { text: 'b', correct: false },
            ],
          },
        }),
      ]),
    ).toThrow(/at least one option must be right/);
  });

  it('counts "due today" up to the end of the learner\'s local day', () => {
    // 22:30 in Berlin: a card due at 23:30 local is today, one at 00:30 tomorrow is not.
    const { practice } = setup(Date.UTC(2026, 11, 5, 21, 30));
    practice.add([card(1, Date.UTC(2026, 11, 5, 22, 30)), card(2, Date.UTC(2026, 11, 5, 23, 30))]);
    expect(practice.dueCount()).toBe(1);
  });
});
