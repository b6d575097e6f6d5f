import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysBetween, isoWeek, localDate, weekOf } from './calendar';
import { bronzeQuizPercent, evidenceFromEvents, tierStatuses } from './certificate-criteria';
import { outcome, tierAfter, topTier, zones } from './leagues';
import { earnedXp } from './completion-rules';
import type { EventKind } from './plausibility';
import { addActivity, dateOfDay, dayNumber, emptyStreak, resumeStreak } from './streaks';

describe('calendar', () => {
  it("dates and weeks follow the learner's timezone", () => {
    const at = Date.UTC(2026, 10, 29, 20); // Sunday 20:00 UTC
    expect(localDate(at, 'Asia/Tokyo')).toBe('2026-11-30');
    expect(localDate(at, 'America/New_York')).toBe('2026-11-29');
    expect(weekOf(at, 'Asia/Tokyo')).toBe('2026-W49');
    expect(weekOf(at, 'America/New_York')).toBe('2026-W48');
  });
  it('computes ISO weeks at year boundaries', () => {
    expect(isoWeek('2026-01-01')).toBe('2026-W01');
    expect(isoWeek('2027-01-01')).toBe('2026-W53');
    expect(isoWeek('2024-12-30')).toBe('2025-W01');
  });
  it('weeks sort in time order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4000 }), fc.integer({ min: 0, max: 30 }), (offset, gap) => {
        const a = new Date(Date.UTC(2020, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
        const b = new Date(Date.UTC(2020, 0, 1) + (offset + gap) * 86_400_000).toISOString().slice(0, 10);
        expect(isoWeek(a) <= isoWeek(b)).toBe(true);
        expect(daysBetween(a, b)).toBe(gap);
      }),
    );
  });
});

describe("xp on the server: the app's table", () => {
  const tz = 'UTC';
  const xp = (kind: EventKind, facts: Record<string, unknown>) => earnedXp({ kind, occurredAt: Date.UTC(2026, 0, 1, 12), facts }, emptyStreak, tz);
  it('scores by the table, never by a client total, reading only well-typed facts', () => {
    expect(xp('lesson-completed', { xp: 9999 })).toBe(50);
    expect(xp('lesson-completed', { firstAttempt: true })).toBe(62);
    expect(xp('lesson-completed', { firstAttempt: 'yes' })).toBe(50);
    expect(xp('quiz-passed', { score: 85 })).toBe(100);
    expect(xp('quiz-passed', { score: 1e9 })).toBe(150); // a perfect score at most
    expect(xp('quiz-passed', { score: 79 })).toBe(0);
    expect(xp('challenge-completed', { hintsUsed: 0 })).toBe(300);
    expect(xp('challenge-completed', { hintsUsed: '0' })).toBe(150);
    expect(xp('certificate-earned', { tier: 'platinum' })).toBe(0);
    expect(xp('hint-revealed', {})).toBe(0);
    expect(xp('check-passed', {})).toBe(0);
  });
  it('adds the streak bonus when the streak before the event is alive', () => {
    const monday = Date.UTC(2026, 0, 5, 12);
    const streak = addActivity(emptyStreak, { occurredAt: monday - 86_400_000, timezone: tz, localDate: '2026-01-04' });
    expect(earnedXp({ kind: 'lesson-completed', occurredAt: monday, facts: {} }, streak, tz)).toBe(55);
    expect(earnedXp({ kind: 'lesson-completed', occurredAt: monday + 2 * 86_400_000, facts: {} }, streak, tz)).toBe(50); // broken, no freezes
  });
  it('a streak resumed from its stored figures goes on as replaying every day would', () => {
    const days = fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 40 }).map((d) => d.sort((a, b) => a - b));
    fc.assert(
      fc.property(days, fc.nat(), (offsets, cut) => {
        const events = offsets.map((d) => ({ occurredAt: Date.UTC(2026, 0, 1 + d, 12), timezone: tz, localDate: dateOfDay(dayNumber('2026-01-01') + d) }));
        const split = cut % events.length;
        const stored = events.slice(0, split).reduce(addActivity, emptyStreak);
        const lastDate = stored.lastDay === null ? null : dateOfDay(stored.lastDay);
        const resumed = events.slice(split).reduce(addActivity, resumeStreak(stored.current, stored.freezes, lastDate, tz));
        const replayed = events.reduce(addActivity, emptyStreak);
        expect([resumed.current, resumed.freezes, resumed.lastDay]).toEqual([replayed.current, replayed.freezes, replayed.lastDay]);
      }),
    );
  });
});

describe('leagues', () => {
  it('promotes the top, demotes the bottom, never beyond the tiers', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: topTier }), fc.nat(), (size, tier, seed) => {
        const rank = (seed % size) + 1;
        const next = tierAfter(tier, outcome(rank, size, tier, 100));
        expect(next).toBeGreaterThanOrEqual(0);
        expect(next).toBeLessThanOrEqual(topTier);
        const zone = zones(size);
        expect(zone.promote + zone.demote).toBeLessThanOrEqual(size);
      }),
    );
    expect(outcome(1, 30, 0, 500)).toBe('promote');
    expect(outcome(7, 30, 0, 500)).toBe('promote');
    expect(outcome(8, 30, 0, 500)).toBe('stay');
    expect(outcome(26, 30, 3, 10)).toBe('demote');
    expect(outcome(30, 30, 0, 0)).toBe('stay');
    expect(outcome(1, 30, topTier, 900)).toBe('stay');
    expect(outcome(1, 1, 0, 0)).toBe('stay');
  });
});

describe('certificate criteria', () => {
  const lessons = [
    { id: 'a', type: 'concept' },
    { id: 'q', type: 'quiz' },
    { id: 'c', type: 'challenge' },
    { id: 'p', type: 'project' },
  ];
  const all = new Set(['a', 'q', 'c', 'p']);
  const lessonEvidence = (quiz: number) => ({ completedLessons: all, passedChecks: new Set<string>(), quizScores: new Map([['q', quiz]]) });
  it('puts the Bronze quiz bar at 70%, exactly', () => {
    expect(bronzeQuizPercent).toBe(70);
    expect(tierStatuses(lessons, lessonEvidence(69))[0]).toMatchObject({ eligible: false, missing: ['Score at least 70% on the quiz "q" (best so far 69%).'] });
    expect(tierStatuses(lessons, lessonEvidence(70))[0]).toMatchObject({ eligible: true, missing: [] });
  });
  it('asks a held exam for Silver and an accepted review for Gold, never quiz scores', () => {
    const none = tierStatuses(lessons, { completedLessons: new Set(), passedChecks: new Set(), quizScores: new Map() });
    expect(none.map((t) => t.eligible)).toEqual([false, false, false]);
    expect(tierStatuses(lessons, lessonEvidence(100)).map((t) => t.eligible)).toEqual([true, false, false]);
    const failed = tierStatuses(lessons, { ...lessonEvidence(100), exam: { score: 79, passed: false } });
    expect(failed[1]!.missing).toEqual(['Pass the Silver exam with at least 80% (best so far 79%).']);
    const silver = tierStatuses(lessons, { ...lessonEvidence(70), exam: { score: 80, passed: true } });
    expect(silver.map((t) => t.eligible)).toEqual([true, true, false]);
    const gold = tierStatuses(lessons, { ...lessonEvidence(70), exam: { score: 80, passed: true }, review: { score: 90, accepted: true } });
    expect(gold.map((t) => t.eligible)).toEqual([true, true, true]);
  });
  it('counts each lesson once however its events repeat, and a passed quiz or challenge completes its lesson', () => {
    const evidence = evidenceFromEvents([
      { kind: 'quiz-passed', lessonId: 'q', score: 60 },
      { kind: 'quiz-passed', lessonId: 'q', score: 90 },
      { kind: 'quiz-passed', lessonId: 'q', score: 'lots' },
      { kind: 'challenge-completed', lessonId: 'c' },
      { kind: 'lesson-completed', lessonId: 'a' },
      { kind: 'lesson-completed', lessonId: 'a' },
      { kind: 'hint-revealed', lessonId: 'p' },
      { kind: 'lesson-completed', lessonId: null },
    ]);
    expect([...evidence.completedLessons].sort()).toEqual(['a', 'c', 'q']);
    expect([...evidence.passedChecks]).toEqual(['c']);
    expect(evidence.quizScores.get('q')).toBe(90);
    expect(evidenceFromEvents([{ kind: 'quiz-passed', lessonId: 'q', score: 1e9 }]).quizScores.get('q')).toBe(100);
  });
  it('a higher tier is never eligible without the lower ones', () => {
    fc.assert(
      fc.property(
        fc.subarray(['a', 'q', 'c', 'p']),
        fc.integer({ min: 0, max: 100 }),
        fc.option(fc.record({ score: fc.integer({ min: 0, max: 100 }), passed: fc.boolean() })),
        fc.option(fc.record({ score: fc.integer({ min: 0, max: 100 }), accepted: fc.boolean() })),
        (done, score, exam, review) => {
          const s = tierStatuses(lessons, { completedLessons: new Set(done), passedChecks: new Set(), quizScores: new Map([['q', score]]), exam, review });
          if (s[2]!.eligible) expect(s[1]!.eligible).toBe(true);
          if (s[1]!.eligible) expect(s[0]!.eligible).toBe(true);
          expect(s[0]!.eligible).toBe(done.length === 4 && score >= 70);
        },
      ),
    );
  });
});
