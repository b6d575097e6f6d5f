// The unasked offers scored on the MRBench dimensions that can be checked mechanically: the
// answer is never revealed, the failing test is named where there is one, a question or a next
// step is present, and the offer is short. The offers are authored, so this needs no provider.
// Also the learners' ratings of replies, counted from a data folder's store when one is given.
import { isLeak, secretShingles } from '../../main/tutor/answer-leak-guard';
import { offerText } from '../../main/tutor/initiative/offer-text';
import { ratingOf } from '../../main/tutor/tutor-sessions';
import type { Offer } from '../../main/tutor/initiative/trigger-rules';
import { fixtureSolution, fixtureStarter } from '../../main/tutor/testing/fixture-lesson';
import type { Store } from '../../main/store/open-store';
import { aiMessages } from '../../main/store/schema';

export interface OfferResult {
  readonly pattern: Offer['pattern'];
  readonly revealed: boolean;
  readonly namesFailingTest: boolean | null;
  readonly questionOrStep: boolean;
  readonly words: number;
}

const offers: readonly Offer[] = [
  { pattern: 'socratic', why: 'Your last Check failed on test_empty_list.', praise: false, failingTest: 'test_empty_list' },
  { pattern: 'simpler-explanation', why: 'No edit for 90 s after a failing Check.', praise: false },
  { pattern: 'praise', why: 'Your last Check passed.', praise: true },
  { pattern: 'praise', why: 'Your last Check passed.', praise: false },
  { pattern: 'harder', why: '3 right answers in a row, each within 60 s.', praise: true },
  { pattern: 'check-in', why: '7 exchanges since the last check-in.', praise: false },
];

export function scoreOffers(): OfferResult[] {
  const secret = secretShingles({ solution: [fixtureSolution], starter: [fixtureStarter] });
  const lesson = { title: 'Adding up prices', objectives: ['Use a loop with an accumulator'] };
  return offers.map((offer) => {
    const text = offerText(offer, lesson);
    return {
      pattern: offer.pattern,
      revealed: isLeak(text, secret),
      namesFailingTest: offer.failingTest ? text.includes(offer.failingTest) : null,
      questionOrStep: /\?|\*\*(Continue|Quiz me|Explain it more simply)\*\*/.test(text),
      words: text.split(/\s+/).length,
    };
  });
}

export interface RatingCount {
  readonly helpful: number;
  readonly notHelpful: number;
  readonly reasons: Record<string, number>;
}

/** Learners' ratings of tutor replies in one store. */
export function countRatings(store: Store): RatingCount {
  const count = { helpful: 0, notHelpful: 0, reasons: {} as Record<string, number> };
  for (const { meta } of store.db.select({ meta: aiMessages.meta }).from(aiMessages).all()) {
    const rating = ratingOf(meta);
    if (!rating) continue;
    if (rating.helpful) count.helpful += 1;
    else {
      count.notHelpful += 1;
      count.reasons[rating.reason || 'no reason'] = (count.reasons[rating.reason || 'no reason'] ?? 0) + 1;
    }
  }
  return count;
}

export function formatOffers(results: readonly OfferResult[], ratings: RatingCount | null): string {
  const yes = (value: boolean | null) => (value === null ? '-' : value ? 'yes' : 'no');
  return [
    `${'offer'.padEnd(20)} ${'revealed'.padEnd(9)} ${'names test'.padEnd(11)} ${'question/step'.padEnd(14)} words`,
    ...results.map(
      (r) => `${r.pattern.padEnd(20)} ${yes(r.revealed).padEnd(9)} ${yes(r.namesFailingTest).padEnd(11)} ${yes(r.questionOrStep).padEnd(14)} ${r.words}`,
    ),
    ...(ratings
      ? [
          '',
          `learner ratings: ${ratings.helpful} helpful, ${ratings.notHelpful} not helpful` +
            (Object.keys(ratings.reasons).length
              ? ` (${Object.entries(ratings.reasons)
                  .map(([reason, n]) => `${reason}: ${n}`)
                  .join('; ')})`
              : ''),
        ]
      : []),
  ].join('\n');
}
