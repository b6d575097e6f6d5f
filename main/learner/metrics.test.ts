import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { engagementScore, knowledgeRetention, learningVelocity, predictedCompletion, sessionsInSlots, skillDecayRisk, struggleIndex } from './metrics';

const DAY = 86_400_000;
const now = Date.UTC(2026, 11, 5, 12);
const count = fc.integer({ min: 0, max: 500 });
const seconds = fc.integer({ min: 0, max: 40 * 3600 });

describe('learning velocity', () => {
  it('is modules per active hour, and says nothing under a minute of activity', () => {
    expect(learningVelocity(3, 2 * 3600)).toBe(1.5);
    expect(learningVelocity(3, 30)).toBeNull();
  });
  it('grows with modules and shrinks with time', () => {
    fc.assert(
      fc.property(count, count, fc.integer({ min: 60, max: 1e6 }), fc.integer({ min: 0, max: 1e6 }), (a, b, t, extra) => {
        expect(learningVelocity(Math.max(a, b), t)!).toBeGreaterThanOrEqual(learningVelocity(Math.min(a, b), t)!);
        expect(learningVelocity(a, t + extra)!).toBeLessThanOrEqual(learningVelocity(a, t)!);
      }),
    );
  });
});

describe('knowledge retention', () => {
  it('is the share recalled, with no reviews saying nothing', () => {
    expect(knowledgeRetention([], now)).toBeNull();
    expect(
      knowledgeRetention(
        [
          { recalled: true, at: now },
          { recalled: false, at: now },
        ],
        now,
      ),
    ).toBeCloseTo(0.5);
  });
  it('weighs a recent lapse more than an old one', () => {
    const recentLapse = knowledgeRetention(
      [
        { recalled: false, at: now },
        { recalled: true, at: now - 30 * DAY },
      ],
      now,
    )!;
    const oldLapse = knowledgeRetention(
      [
        { recalled: true, at: now },
        { recalled: false, at: now - 30 * DAY },
      ],
      now,
    )!;
    expect(recentLapse).toBeLessThan(0.5);
    expect(oldLapse).toBeGreaterThan(0.5);
  });
  it('stays in [0, 1] and one more recall never lowers it', () => {
    const review = fc.record({ recalled: fc.boolean(), at: fc.integer({ min: now - 400 * DAY, max: now }) });
    fc.assert(
      fc.property(fc.array(review, { minLength: 1, maxLength: 50 }), fc.integer({ min: now - 400 * DAY, max: now }), (reviews, at) => {
        const before = knowledgeRetention(reviews, now)!;
        expect(before).toBeGreaterThanOrEqual(0);
        expect(before).toBeLessThanOrEqual(1);
        expect(knowledgeRetention([...reviews, { recalled: true, at }], now)!).toBeGreaterThanOrEqual(before - 1e-12);
      }),
    );
  });
});

describe('engagement score', () => {
  it('is 0 with no sessions and 100 for a healthy week', () => {
    expect(engagementScore({ sessions: 0, activeSeconds: 0, interactions: 0 })).toBe(0);
    expect(engagementScore({ sessions: 5, activeSeconds: 5 * 1500, interactions: 65 })).toBe(100);
  });
  it('cannot be bought by one factor alone: a marathon with no interaction scores 0', () => {
    expect(engagementScore({ sessions: 1, activeSeconds: 10 * 3600, interactions: 0 })).toBe(0);
    expect(engagementScore({ sessions: 50, activeSeconds: 50 * 60, interactions: 50 })).toBeLessThan(60);
  });
  it('stays in [0, 100] and never drops when a session as long and busy as the average is added', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), seconds, count, (sessions, activeSeconds, interactions) => {
        const score = engagementScore({ sessions, activeSeconds, interactions });
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(100);
        if (sessions > 0) {
          const more = {
            sessions: sessions + 1,
            activeSeconds: (activeSeconds * (sessions + 1)) / sessions,
            interactions: (interactions * (sessions + 1)) / sessions,
          };
          expect(engagementScore(more)).toBeGreaterThanOrEqual(score);
        }
      }),
    );
  });
});

describe('struggle index', () => {
  it('is 1 for a first-try, no-hint, on-par concept', () => {
    expect(struggleIndex({ conceptId: 'x', attempts: 1, hints: 0, activeSeconds: 300, parSeconds: 300 })).toBe(1);
  });
  it('never falls as attempts, hints or time grow', () => {
    const effort = fc.record({
      attempts: count,
      hints: fc.integer({ min: 0, max: 10 }),
      activeSeconds: seconds,
      parSeconds: fc.option(fc.integer({ min: 1, max: 3600 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(effort, fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 3600 }), (e, more, time) => {
        const base = struggleIndex({ conceptId: 'x', ...e });
        expect(struggleIndex({ conceptId: 'x', ...e, attempts: e.attempts + more })).toBeGreaterThanOrEqual(base);
        expect(struggleIndex({ conceptId: 'x', ...e, hints: e.hints + more })).toBeGreaterThanOrEqual(base);
        expect(struggleIndex({ conceptId: 'x', ...e, activeSeconds: e.activeSeconds + time })).toBeGreaterThanOrEqual(base);
        expect(base).toBeGreaterThan(0);
      }),
    );
  });
});

describe('predicted completion', () => {
  it('gives a range from the faster recent pace to the slower one', () => {
    const forecast = predictedCompletion({ remainingLessons: 10, recentPace: 2, longerPace: 1, activeDaysPerWeek: 7, now })!;
    expect((forecast.earliest - now) / DAY).toBe(5);
    expect((forecast.latest - now) / DAY).toBe(10);
  });
  it('spreads over inactive days, and a finished course is done now', () => {
    const forecast = predictedCompletion({ remainingLessons: 10, recentPace: 2, longerPace: 2, activeDaysPerWeek: 3.5, now })!;
    expect((forecast.earliest - now) / DAY).toBe(10);
    expect(predictedCompletion({ remainingLessons: 0, recentPace: 0, longerPace: 0, activeDaysPerWeek: 0, now })).toEqual({ earliest: now, latest: now });
  });
  it('says nothing without a pace, and never puts earliest after latest or before tomorrow', () => {
    expect(predictedCompletion({ remainingLessons: 5, recentPace: 0, longerPace: 0, activeDaysPerWeek: 3, now })).toBeNull();
    const pace = fc.double({ min: 0.01, max: 20, noNaN: true });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), pace, pace, fc.double({ min: 0.1, max: 7, noNaN: true }), (remaining, a, b, days) => {
        const forecast = predictedCompletion({ remainingLessons: remaining, recentPace: a, longerPace: b, activeDaysPerWeek: days, now })!;
        expect(forecast.earliest).toBeLessThanOrEqual(forecast.latest);
        expect(forecast.earliest).toBeGreaterThanOrEqual(now + DAY);
      }),
    );
  });
});

describe('skill decay risk', () => {
  it('is 0 just after practice and high after a month away from a shaky concept', () => {
    expect(skillDecayRisk({ daysSincePractice: 0, mastery: 0.5, lapseRate: 0 })).toBe(0);
    expect(skillDecayRisk({ daysSincePractice: 30, mastery: 0.3, lapseRate: 0.5 })).toBeGreaterThan(0.6);
    expect(skillDecayRisk({ daysSincePractice: 30, mastery: 0.95, lapseRate: 0 })).toBeLessThan(0.2);
  });
  it('stays in [0, 1), grows with time away, and falls with mastery', () => {
    const unit = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3650 }), fc.integer({ min: 0, max: 100 }), unit, unit, (days, more, mastery, lapses) => {
        const risk = skillDecayRisk({ daysSincePractice: days, mastery, lapseRate: lapses });
        expect(risk).toBeGreaterThanOrEqual(0);
        expect(risk).toBeLessThanOrEqual(1);
        expect(skillDecayRisk({ daysSincePractice: days + more, mastery, lapseRate: lapses })).toBeGreaterThanOrEqual(risk);
        expect(skillDecayRisk({ daysSincePractice: days, mastery: Math.min(1, mastery + 0.1), lapseRate: lapses })).toBeLessThanOrEqual(risk + 1e-12);
      }),
    );
  });
});

describe('sessions in half-hour slots', () => {
  const bits = (...slots: number[]) => slots.reduce((sum, slot) => sum + 2 ** slot, 0);
  it('ends a session at an empty half hour, and runs on across midnight', () => {
    // Day 10: 0–1, 3, then 47 runs on into day 11's 0; day 11: 2.
    expect(sessionsInSlots([])).toBe(0);
    expect(
      sessionsInSlots([
        { day: 10, slots: bits(0, 1, 3, 47) },
        { day: 11, slots: bits(0, 2) },
      ]),
    ).toBe(4);
    // A day with nothing in between (missing) breaks the run at midnight.
    expect(
      sessionsInSlots([
        { day: 10, slots: bits(47) },
        { day: 12, slots: bits(0) },
      ]),
    ).toBe(2);
  });
  it('counts the runs of occupied half hours, as read one slot at a time', () => {
    const day = fc.record({ gap: fc.integer({ min: 1, max: 3 }), slots: fc.array(fc.integer({ min: 0, max: 47 }), { maxLength: 20 }) });
    fc.assert(
      fc.property(fc.array(day, { maxLength: 8 }), (spec) => {
        let at = 0;
        const days = spec.map(({ gap, slots }) => ({ day: (at += gap), slots: bits(...new Set(slots)) }));
        // The oracle: every half hour from the first day to the last, in order.
        const occupied = new Set(spec.flatMap(({ slots }, i) => slots.map((slot) => days[i]!.day * 48 + slot)));
        const runs = [...occupied].filter((slot) => !occupied.has(slot - 1)).length;
        expect(sessionsInSlots(days)).toBe(runs);
      }),
    );
  });
});

describe('knowledge retention of grouped reviews', () => {
  it('counts an outcome seen n times like n separate reviews', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ recalled: fc.boolean(), age: fc.integer({ min: 0, max: 60 }), times: fc.integer({ min: 1, max: 5 }) }), {
          minLength: 1,
          maxLength: 20,
        }),
        (groups) => {
          const grouped = groups.map((g) => ({ recalled: g.recalled, at: now - g.age * DAY, times: g.times }));
          const spread = groups.flatMap((g) => Array.from({ length: g.times }, () => ({ recalled: g.recalled, at: now - g.age * DAY })));
          expect(knowledgeRetention(grouped, now)!).toBeCloseTo(knowledgeRetention(spread, now)!, 9);
        },
      ),
    );
  });
});
