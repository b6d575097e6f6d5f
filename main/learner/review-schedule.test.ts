import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDue, newReviewState, ratingFor, review, type ReviewRating, type ReviewState } from './review-schedule';

const DAY = 86_400_000;
const start = Date.UTC(2026, 11, 5, 9);
const ratings = fc.constantFrom<ReviewRating>('again', 'hard', 'good', 'easy');

describe('the review rating', () => {
  it('is Again for any wrong answer, however fast', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e4, noNaN: true }), (seconds) => {
        expect(ratingFor({ correct: false, responseSeconds: seconds })).toBe('again');
      }),
    );
  });

  it('goes Easy → Good → Hard as a right answer gets slower, never back', () => {
    const order: ReviewRating[] = ['easy', 'good', 'hard'];
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e3, noNaN: true }),
        fc.double({ min: 0, max: 1e3, noNaN: true }),
        fc.double({ min: 1, max: 120, noNaN: true }),
        (a, b, expected) => {
          const [fast, slow] = a <= b ? [a, b] : [b, a];
          const first = order.indexOf(ratingFor({ correct: true, responseSeconds: fast, expectedSeconds: expected }));
          const second = order.indexOf(ratingFor({ correct: true, responseSeconds: slow, expectedSeconds: expected }));
          expect(first).toBeLessThanOrEqual(second);
        },
      ),
    );
  });

  it('uses 20 s as the par when a card has none, and the boundaries are inclusive', () => {
    expect(ratingFor({ correct: true, responseSeconds: 10 })).toBe('easy');
    expect(ratingFor({ correct: true, responseSeconds: 30 })).toBe('good');
    expect(ratingFor({ correct: true, responseSeconds: 31 })).toBe('hard');
    expect(ratingFor({ correct: true, responseSeconds: 5, expectedSeconds: 0 })).toBe('easy');
  });
});

describe('the review schedule (FSRS through ts-fsrs)', () => {
  it('a new card is due at once, today', () => {
    const card = newReviewState(start);
    expect(card.state).toBe('new');
    expect(isDue(card, start)).toBe(true);
  });

  it('schedules a card that is recalled well further out each time', () => {
    let card = newReviewState(start);
    let now = start;
    const gaps: number[] = [];
    for (let i = 0; i < 5; i++) {
      card = review(card, 'good', now);
      gaps.push(card.due - now);
      now = card.due;
    }
    for (let i = 1; i < gaps.length; i++) expect(gaps[i]).toBeGreaterThanOrEqual(gaps[i - 1]!);
    expect(gaps.at(-1)!).toBeGreaterThan(7 * DAY);
  });

  it('brings a forgotten card back sooner than a recalled one, and counts the lapse', () => {
    let card = newReviewState(start);
    let now = start;
    for (let i = 0; i < 3; i++) {
      card = review(card, 'good', now);
      now = card.due;
    }
    const forgot = review(card, 'again', now);
    const recalled = review(card, 'good', now);
    expect(forgot.due).toBeLessThan(recalled.due);
    expect(forgot.lapses).toBe(card.lapses + 1);
  });

  it('never schedules into the past and survives a round trip through JSON', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(ratings, fc.integer({ min: 0, max: 40 * DAY })), { minLength: 1, maxLength: 12 }), (steps) => {
        let card: ReviewState = newReviewState(start);
        let now = start;
        for (const [rating, wait] of steps) {
          now += wait;
          card = JSON.parse(JSON.stringify(review(card, rating, now))) as ReviewState;
          expect(card.due).toBeGreaterThanOrEqual(now);
          expect(card.lastReview).toBe(now);
        }
      }),
    );
  });

  it('is deterministic: the same answers give the same dates', () => {
    const run = () =>
      ['good', 'hard', 'again', 'easy'].reduce<ReviewState>((card, rating, i) => review(card, rating as ReviewRating, start + i * DAY), newReviewState(start));
    expect(run()).toEqual(run());
  });
});
