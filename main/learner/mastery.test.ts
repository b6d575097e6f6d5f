import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MASTERED, OBSERVATION, PRIOR, WEAK, applyEvidence, bandOf, evidenceKinds, updateMastery, type Evidence } from './mastery';

const probability = fc.double({ min: 0, max: 1, noNaN: true });
const timeRatio = fc.option(fc.double({ min: 0.01, max: 20, noNaN: true }), { nil: undefined });
const evidence = (conceptId: fc.Arbitrary<string>, correct: fc.Arbitrary<boolean> = fc.boolean()): fc.Arbitrary<Evidence> =>
  fc.record({ kind: fc.constantFrom(...evidenceKinds), conceptId, correct, timeRatio });

describe('the mastery model', () => {
  it('keeps slip + guess below 1 for every kind of evidence (the monotonicity rests on it)', () => {
    for (const kind of evidenceKinds) expect(OBSERVATION[kind].slip + OBSERVATION[kind].guess).toBeLessThan(1);
  });

  it('never lowers mastery on a success', () => {
    fc.assert(
      fc.property(probability, evidence(fc.constant('loops'), fc.constant(true)), (prior, item) => {
        fc.pre(item.kind !== 'hint-revealed');
        const clamped = Math.min(0.999, Math.max(0.001, prior));
        expect(updateMastery(prior, item)).toBeGreaterThanOrEqual(clamped - 1e-12);
      }),
    );
  });

  it('never raises mastery on a failure or a revealed hint', () => {
    fc.assert(
      fc.property(probability, evidence(fc.constant('loops'), fc.constant(false)), (prior, item) => {
        const clamped = Math.min(0.999, Math.max(0.001, prior));
        expect(updateMastery(prior, item)).toBeLessThanOrEqual(clamped + 1e-12);
      }),
    );
    fc.assert(
      fc.property(probability, timeRatio, (prior, ratio) => {
        const clamped = Math.min(0.999, Math.max(0.001, prior));
        expect(updateMastery(prior, { kind: 'hint-revealed', conceptId: 'x', correct: true, timeRatio: ratio })).toBeLessThanOrEqual(clamped + 1e-12);
      }),
    );
  });

  it('stays within [0, 1] whatever comes in, NaN priors included', () => {
    fc.assert(
      fc.property(fc.oneof(probability, fc.constant(Number.NaN), fc.double()), fc.array(evidence(fc.constant('c')), { maxLength: 40 }), (prior, items) => {
        let p = prior;
        for (const item of items) {
          p = updateMastery(p, item);
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it('does not care in which order independent evidence on different concepts arrives', () => {
    fc.assert(
      fc.property(fc.array(evidence(fc.constantFrom('a', 'b', 'c', 'd')), { maxLength: 30 }), (items) => {
        // Interleave differently while keeping each concept's own order.
        const byConcept = ['d', 'c', 'b', 'a'].flatMap((concept) => items.filter((item) => item.conceptId === concept));
        expect(applyEvidence(new Map(), byConcept)).toEqual(applyEvidence(new Map(), items));
      }),
    );
  });

  it('a quick success is stronger evidence than a slow one', () => {
    const quick = updateMastery(PRIOR, { kind: 'test-result', conceptId: 'x', correct: true, timeRatio: 0.5 });
    const usual = updateMastery(PRIOR, { kind: 'test-result', conceptId: 'x', correct: true });
    const slow = updateMastery(PRIOR, { kind: 'test-result', conceptId: 'x', correct: true, timeRatio: 5 });
    expect(quick).toBeGreaterThan(usual);
    expect(usual).toBeGreaterThan(slow);
    expect(slow).toBeGreaterThan(PRIOR);
  });

  it('reaches "mastered" after a few passing tests and "weak" after failed ones', () => {
    const pass: Evidence = { kind: 'test-result', conceptId: 'x', correct: true };
    const fail: Evidence = { kind: 'test-result', conceptId: 'x', correct: false };
    expect(bandOf(applyEvidence(new Map(), [pass, pass, pass]).get('x'))).toBe('mastered');
    expect(bandOf(applyEvidence(new Map(), [fail, fail]).get('x'))).toBe('weak');
    expect(bandOf(undefined)).toBe('unseen');
    expect(bandOf((MASTERED + WEAK) / 2)).toBe('learning');
  });

  it('two right placement answers on a new concept test it out; one is not enough', () => {
    const right: Evidence = { kind: 'placement', conceptId: 'x', correct: true };
    expect(bandOf(applyEvidence(new Map(), [right]).get('x'))).toBe('learning');
    expect(bandOf(applyEvidence(new Map(), [right, right]).get('x'))).toBe('mastered');
  });

  it('a guessable quiz answer moves less than a passing test', () => {
    const quiz = updateMastery(PRIOR, { kind: 'quiz-answer', conceptId: 'x', correct: true });
    const test = updateMastery(PRIOR, { kind: 'test-result', conceptId: 'x', correct: true });
    expect(test).toBeGreaterThan(quiz);
  });
});
