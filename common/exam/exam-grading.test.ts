// Grading and timing: the 80% rule over weighted sections, a pending design review that decides
// only when it could, challenge weights, the clock across restarts, and the retake cooldown.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { awardFor } from '../rules/xp-rules';
import { challengeScore, choiceScore, gradeExam, sectionOrder, sectionWeights } from './exam-grading';
import { remainingMs, retakeAvailableAt, tick, timedOut, type SectionClock } from './exam-timing';

const percent = fc.double({ min: 0, max: 100, noNaN: true });
const all = (value: number | null) => ({ conceptual: value ?? 0, codeAnalysis: value ?? 0, challenges: value ?? 0, design: value });

describe('exam grading', () => {
  it('passes at 80% overall, not below', () => {
    expect(gradeExam(all(80), 80).verdict).toBe('passed');
    expect(gradeExam(all(79.9), 80).verdict).toBe('failed');
    expect(gradeExam(all(100), 80)).toMatchObject({ overall: 100, failedSections: [] });
  });

  it('the overall score is the weighted mean of the sections, and the verdict follows it', () => {
    fc.assert(
      fc.property(percent, percent, percent, percent, (conceptual, codeAnalysis, challenges, design) => {
        const result = gradeExam({ conceptual, codeAnalysis, challenges, design }, 80);
        const mean = (30 * conceptual + 20 * codeAnalysis + 40 * challenges + 10 * design) / 100;
        expect(Math.abs(result.overall - mean)).toBeLessThanOrEqual(0.05);
        expect(result.verdict).toBe(result.overall >= 80 ? 'passed' : 'failed');
        expect(result.failedSections).toEqual(sectionOrder.filter((kind) => ({ conceptual, codeAnalysis, challenges, design })[kind] < 80));
      }),
    );
  });

  it('a design answer waiting for review decides the verdict only when it could change it', () => {
    fc.assert(
      fc.property(percent, percent, percent, (conceptual, codeAnalysis, challenges) => {
        const pending = gradeExam({ conceptual, codeAnalysis, challenges, design: null }, 80);
        const worst = gradeExam({ conceptual, codeAnalysis, challenges, design: 0 }, 80).verdict;
        const best = gradeExam({ conceptual, codeAnalysis, challenges, design: 100 }, 80).verdict;
        expect(pending.verdict).toBe(worst === best ? worst : 'pending-review');
        expect(pending.failedSections).not.toContain('design');
      }),
    );
    // Failing one section can still pass overall, whatever the review says.
    expect(gradeExam({ conceptual: 100, codeAnalysis: 50, challenges: 100, design: null }, 80)).toMatchObject({
      verdict: 'passed',
      overall: 80,
      failedSections: ['codeAnalysis'],
    });
  });

  it('weights sum to 100', () => {
    expect(Object.values(sectionWeights).reduce((a, b) => a + b, 0)).toBe(100);
  });

  it('choice and challenge scores', () => {
    expect(choiceScore(15, 20)).toBe(75);
    expect(choiceScore(0, 0)).toBe(0);
    expect(
      challengeScore([
        { difficulty: 1, passed: 3, total: 3 },
        { difficulty: 2, passed: 1, total: 2 },
        { difficulty: 3, passed: 0, total: 4 },
      ]),
    ).toBeCloseTo((100 * (1 + 1)) / 6);
    fc.assert(
      fc.property(fc.array(fc.record({ difficulty: fc.constantFrom(1, 2, 3), passed: fc.nat(10), total: fc.nat(10) })), (results) => {
        const score = challengeScore(results);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(100);
      }),
    );
  });

  it('a first-attempt Silver earns the existing +50% bonus', () => {
    const context = { streakActive: false };
    const first = awardFor({ kind: 'certificate-earned', tier: 'silver', firstAttempt: true }, context)!;
    const later = awardFor({ kind: 'certificate-earned', tier: 'silver', firstAttempt: false }, context)!;
    expect(first.amount).toBe(later.amount * 1.5);
  });
});

describe('exam clock', () => {
  const start: SectionClock = { usedMs: 0, seenAt: 1_000 };

  it('counts the time between looks while the app runs', () => {
    const later = tick(tick(start, 61_000, false), 121_000, false);
    expect(later.usedMs).toBe(120_000);
    expect(remainingMs(later, 25)).toBe(25 * 60_000 - 120_000);
  });

  it('a restart resumes with the time that was left, however long the app was closed', () => {
    fc.assert(
      fc.property(fc.nat(3_600_000), fc.nat(86_400_000 * 30), (used, closedFor) => {
        const before = tick({ usedMs: 0, seenAt: 0 }, used, false);
        const resumed = tick(before, used + closedFor, true);
        expect(remainingMs(resumed, 60)).toBe(remainingMs(before, 60));
      }),
    );
  });

  it('never runs backwards when the clock does', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1_000_000, max: 1_000_000 }), { maxLength: 30 }), (steps) => {
        let clock = start;
        for (const step of steps) {
          const next = tick(clock, clock.seenAt + step, false);
          expect(next.usedMs).toBeGreaterThanOrEqual(clock.usedMs);
          clock = next;
        }
      }),
    );
  });

  it('times out when the section time is used up', () => {
    expect(timedOut(tick(start, 1_000 + 20 * 60_000 - 1, false), 20)).toBe(false);
    expect(timedOut(tick(start, 1_000 + 20 * 60_000, false), 20)).toBe(true);
    expect(remainingMs(tick(start, 1_000 + 99 * 60_000, false), 20)).toBe(0);
  });

  it('a retake waits for the course cooldown after a failed attempt', () => {
    expect(retakeAvailableAt(null, 24, 0)).toBeNull();
    expect(retakeAvailableAt(0, 24, 3_600_000)).toBe(24 * 3_600_000);
    expect(retakeAvailableAt(0, 24, 24 * 3_600_000)).toBeNull();
    expect(retakeAvailableAt(0, 0, 0)).toBeNull();
  });
});
