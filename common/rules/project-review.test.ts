import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { goldReviewPercent, tierStatuses } from './certificate-criteria';
import {
  categoryFloorPercent,
  exceptionalPercent,
  projectReviewSchema,
  reviewEvidence,
  reviewVerdict,
  rubricCategories,
  rubricWeights,
  type AutomatedChecks,
  type RubricCategory,
} from './project-review';

const passingChecks: AutomatedChecks = { testsPassed: true, testCount: 12, lintClean: true, readme: true };
const scoresArb = fc.record(
  Object.fromEntries(rubricCategories.map((c) => [c, fc.integer({ min: 0, max: 100 })])) as Record<RubricCategory, fc.Arbitrary<number>>,
);
const checksArb = fc.record({ testsPassed: fc.boolean(), testCount: fc.nat(200), lintClean: fc.boolean(), readme: fc.boolean() });
const all = (score: number) => Object.fromEntries(rubricCategories.map((c) => [c, score])) as Record<RubricCategory, number>;

describe('the Gold rubric', () => {
  it('weighs the five categories 25/30/20/15/10', () => {
    expect(Object.values(rubricWeights).reduce((a, b) => a + b, 0)).toBe(100);
    expect(reviewVerdict({ ...all(0), functionality: 100 }, passingChecks).overall).toBe(30);
  });

  it('accepts exactly when overall ≥ 75%, no category < 60% and the tests pass with a README', () => {
    fc.assert(
      fc.property(scoresArb, checksArb, (scores, checks) => {
        const verdict = reviewVerdict(scores, checks);
        const overall = rubricCategories.reduce((sum, c) => sum + rubricWeights[c] * scores[c], 0) / 100;
        const floor = rubricCategories.every((c) => scores[c] >= categoryFloorPercent);
        expect(Math.abs(verdict.overall - overall)).toBeLessThanOrEqual(0.05 + 1e-9);
        expect(verdict.accepted).toBe(verdict.overall >= goldReviewPercent && floor && checks.testsPassed && checks.readme);
        expect(verdict.accepted).toBe(verdict.blockers.length === 0);
        expect(verdict.exceptional).toBe(verdict.accepted && verdict.overall >= exceptionalPercent);
        expect(verdict.belowFloor.every((c) => scores[c] < categoryFloorPercent)).toBe(true);
      }),
    );
  });

  it('never turns an accepted review down when a score goes up', () => {
    fc.assert(
      fc.property(scoresArb, fc.constantFrom(...rubricCategories), fc.integer({ min: 0, max: 100 }), (scores, category, raise) => {
        const before = reviewVerdict(scores, passingChecks);
        const after = reviewVerdict({ ...scores, [category]: Math.min(100, scores[category] + raise) }, passingChecks);
        if (before.accepted) expect(after.accepted).toBe(true);
        expect(after.overall).toBeGreaterThanOrEqual(before.overall);
      }),
    );
  });

  it('refuses a high overall with one category under the floor, and says which', () => {
    const verdict = reviewVerdict({ ...all(100), deployment: 59 }, passingChecks);
    expect(verdict.overall).toBe(95.9);
    expect(verdict).toMatchObject({ accepted: false, exceptional: false, belowFloor: ['deployment'] });
    expect(verdict.blockers).toEqual(['Deployment scored 59%; no category may be under 60%.']);
  });

  it('holds the boundaries: 75% accepted, 74.9% not; 90% exceptional', () => {
    expect(reviewVerdict(all(75), passingChecks).accepted).toBe(true);
    expect(reviewVerdict({ ...all(75), deployment: 74 }, passingChecks)).toMatchObject({ overall: 74.9, accepted: false });
    expect(reviewVerdict(all(90), passingChecks)).toMatchObject({ accepted: true, exceptional: true });
    expect(reviewVerdict(all(100), { ...passingChecks, readme: false }).blockers).toEqual(['The project has no README.']);
  });

  it('validates a review record (every score with its reasons) and makes it Gold evidence', () => {
    const score = (value: number) => ({ score: value, reasons: ['Clear module boundaries.'] });
    const record = {
      courseId: 'python-basics',
      project: { title: 'Gradebook', demoUrl: 'https://example.org/gradebook' },
      reviewer: { kind: 'person', name: 'Ravi' },
      scores: Object.fromEntries(rubricCategories.map((c) => [c, score(80)])),
      automated: passingChecks,
      reviewedAt: 1_700_000_000_000,
    };
    const review = projectReviewSchema.parse(record);
    expect(projectReviewSchema.safeParse({ ...record, scores: { ...record.scores, testing: { score: 80, reasons: [] } } }).success).toBe(false);
    const evidence = reviewEvidence(review);
    expect(evidence).toMatchObject({ score: 80, accepted: true, projectUrl: 'https://example.org/gradebook' });
    expect(evidence.summary).toContain('"Gradebook" reviewed by Ravi: Code quality 80%');
    const lessons = [{ id: 'one', type: 'concept' }];
    const held = {
      completedLessons: new Set(['one']),
      passedChecks: new Set<string>(),
      quizScores: new Map(),
      exam: { score: 85, passed: true },
      review: evidence,
    };
    expect(tierStatuses(lessons, held).find((t) => t.tier === 'gold')).toMatchObject({ eligible: true });
  });
});
