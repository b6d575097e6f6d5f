import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkInEvery, idleAfterFailureSeconds, nextOffer, quickSeconds, quickStreak, type Signal, type TriggerContext } from './trigger-rules';

const context: TriggerContext = { lessonType: 'practice', exam: false, initiative: 'normal', gamification: 'full' };
const t0 = 1_000_000;
const fail = (at: number, failingTest = 'test_add', errorKind?: string): Signal => ({ kind: 'check', at, passed: false, failingTest, errorKind });

describe('confusion', () => {
  it('offers a simpler explanation after N seconds without an edit following a failure, not before', () => {
    const n = idleAfterFailureSeconds.normal;
    expect(nextOffer([fail(t0)], t0 + (n - 1) * 1000, context)?.pattern).toBe('socratic');
    expect(nextOffer([fail(t0)], t0 + n * 1000, context)).toEqual({
      pattern: 'simpler-explanation',
      why: `No edit for ${n} s after a failing Check.`,
      praise: false,
    });
    expect(nextOffer([fail(t0), { kind: 'edit', at: t0 + 5 }], t0 + n * 1000, context)).toBeNull();
    expect(nextOffer([fail(t0)], t0 + idleAfterFailureSeconds.more * 1000, { ...context, initiative: 'more' })?.pattern).toBe('simpler-explanation');
  });

  it('offers it on the same error kind twice in a row', () => {
    expect(nextOffer([fail(t0, 'a', 'NameError'), fail(t0 + 1, 'a', 'NameError')], t0 + 2, context)?.why).toBe(
      'The same error (NameError) came up in two Checks in a row.',
    );
    expect(nextOffer([fail(t0, 'a', 'NameError'), fail(t0 + 1, 'a', 'TypeError')], t0 + 2, context)?.pattern).toBe('socratic');
  });
});

describe('guided recovery and encouragement', () => {
  it('asks about the failing test right after a failing Check', () => {
    expect(nextOffer([fail(t0, 'test_empty')], t0, context)).toEqual({
      pattern: 'socratic',
      why: 'Your last Check failed on test_empty.',
      praise: false,
      failingTest: 'test_empty',
    });
  });

  it('praises a passing Check or a right answer, without praise under minimal gamification', () => {
    expect(nextOffer([fail(t0), { kind: 'check', at: t0 + 1, passed: true }], t0 + 2, context)).toMatchObject({ pattern: 'praise', praise: true });
    expect(nextOffer([{ kind: 'answer', at: t0, right: true }], t0, { ...context, gamification: 'minimal' })).toMatchObject({
      pattern: 'praise',
      praise: false,
      why: 'You answered right.',
    });
    expect(nextOffer([{ kind: 'answer', at: t0, right: false }], t0, context)).toBeNull();
  });
});

describe('adaptive depth', () => {
  const right = (at: number): Signal => ({ kind: 'answer', at, right: true });
  const gap = quickSeconds * 1000;
  it('offers the harder variant after quick right answers in a row, not after slow ones or with a miss among them', () => {
    const quick = Array.from({ length: quickStreak }, (_, index) => right(t0 + index * gap));
    expect(nextOffer(quick, t0 + quickStreak * gap, context)).toMatchObject({ pattern: 'harder', praise: true });
    expect(nextOffer(quick, t0 + quickStreak * gap, { ...context, gamification: 'minimal' })).toMatchObject({ pattern: 'harder', praise: false });
    const slow = Array.from({ length: quickStreak }, (_, index) => right(t0 + index * (gap + 1)));
    expect(nextOffer(slow, t0 + quickStreak * gap * 2, context)?.pattern).toBe('praise');
    const missed: Signal[] = [...quick.slice(0, -1), { kind: 'check', at: t0 + gap * 1.5, passed: false }, quick.at(-1)!];
    expect(nextOffer(missed, quick.at(-1)!.at, context)?.pattern).toBe('praise');
  });

  it('offers it once per run: the answers after the offer start a new run', () => {
    const quick = Array.from({ length: quickStreak }, (_, index) => right(t0 + index));
    const offered: Signal = { kind: 'interaction', at: t0 + quickStreak, offer: 'harder' };
    expect(nextOffer([...quick, offered, right(t0 + 10)], t0 + 11, context)?.pattern).toBe('praise');
    const again = Array.from({ length: quickStreak }, (_, index) => right(t0 + 10 + index));
    expect(nextOffer([...quick, offered, ...again], t0 + 20, context)?.pattern).toBe('harder');
  });

  it('never offers something harder twice without a new run of quick right answers in between (property)', () => {
    // The learner acts one signal at a time; after each, the tutor makes the offer the rule calls for.
    // Mostly quick and right, so long runs are common.
    const gap = fc.oneof({ arbitrary: fc.nat(quickSeconds * 1000), weight: 4 }, { arbitrary: fc.nat(quickSeconds * 3000), weight: 1 });
    const right = fc.constantFrom(true, true, true, false);
    const act = fc.oneof(
      { arbitrary: fc.record({ kind: fc.constant('answer' as const), gap, right }), weight: 4 },
      { arbitrary: fc.record({ kind: fc.constant('check' as const), gap, passed: right }), weight: 2 },
      { arbitrary: fc.record({ kind: fc.constant('edit' as const), gap }), weight: 1 },
    );
    fc.assert(
      fc.property(fc.array(act, { maxLength: 40 }), fc.constantFrom<TriggerContext['initiative']>('more', 'normal'), (acts, initiative) => {
        const signals: Signal[] = [];
        let at = t0;
        let rightSinceHarder = 0;
        for (const { gap, ...signal } of acts) {
          at += gap;
          signals.push({ ...signal, at } as Signal);
          const isRight = (signal.kind === 'answer' && signal.right) || (signal.kind === 'check' && signal.passed);
          rightSinceHarder = isRight ? rightSinceHarder + 1 : 0;
          const offer = nextOffer(signals, at, { ...context, initiative });
          if (!offer) continue;
          if (offer.pattern === 'harder') {
            expect(rightSinceHarder).toBeGreaterThanOrEqual(quickStreak);
            rightSinceHarder = 0;
          }
          signals.push({ kind: 'interaction', at, offer: offer.pattern });
        }
      }),
    );
  });

  it('counts only the learner signals: an exchange in between does not break the run', () => {
    const signals: Signal[] = [right(t0), { kind: 'interaction', at: t0 + 1 }, right(t0 + 2), right(t0 + 3)];
    expect(nextOffer(signals, t0 + 4, context)?.pattern).toBe('harder');
  });
});

describe('check-in', () => {
  const talk = (count: number, from = t0): Signal[] => Array.from({ length: count }, (_, index) => ({ kind: 'interaction', at: from + index }));
  it('comes every 7 interactions (5 with more initiative), counted from the last check-in', () => {
    expect(nextOffer(talk(checkInEvery.normal - 1), t0 + 100, context)).toBeNull();
    expect(nextOffer(talk(checkInEvery.normal), t0 + 100, context)?.pattern).toBe('check-in');
    expect(nextOffer(talk(checkInEvery.more), t0 + 100, { ...context, initiative: 'more' })?.pattern).toBe('check-in');
    expect(
      nextOffer([...talk(checkInEvery.normal), { kind: 'interaction', at: t0 + 50, offer: 'check-in' }, ...talk(2, t0 + 60)], t0 + 100, context),
    ).toBeNull();
  });
});

describe('silence', () => {
  it('never speaks with initiative off, in a challenge or in an exam, whatever happened', () => {
    const signal = fc.oneof(
      fc.record({
        kind: fc.constant('check' as const),
        at: fc.nat(),
        passed: fc.boolean(),
        failingTest: fc.constant('t'),
        errorKind: fc.constantFrom('A', 'B'),
      }),
      fc.record({ kind: fc.constant('edit' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('answer' as const), at: fc.nat(), right: fc.boolean() }),
      fc.record({ kind: fc.constant('interaction' as const), at: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.array(signal, { maxLength: 20 }), fc.nat(), (signals, now) => {
        expect(nextOffer(signals, now, { ...context, initiative: 'off' })).toBeNull();
        expect(nextOffer(signals, now, { ...context, lessonType: 'challenge' })).toBeNull();
        expect(nextOffer(signals, now, { ...context, exam: true })).toBeNull();
      }),
    );
  });
});
