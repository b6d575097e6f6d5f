import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canAnswer,
  challengeClock,
  challengeLimitSeconds,
  codeAlongStates,
  currentStepIndex,
  isComplete,
  isTest,
  judgeStep,
  normaliseAnswer,
  stepStates,
  testsPass,
  type GuidedStepRule,
} from './lesson-steps';

const ids = fc.uniqueArray(fc.stringMatching(/^[a-z]{1,6}$/), { minLength: 0, maxLength: 8 });

describe('guided steps unlock in order', () => {
  it('is exactly one current step until all pass, every later step locked', () => {
    fc.assert(
      fc.property(ids, fc.array(fc.nat()), (stepIds, picks) => {
        const passed = new Set(picks.map((pick) => stepIds[pick % Math.max(1, stepIds.length)]).filter((id): id is string => id !== undefined));
        const states = stepStates(stepIds, passed);
        const current = currentStepIndex(stepIds, passed);
        expect(states.filter((state) => state === 'current')).toHaveLength(current < stepIds.length ? 1 : 0);
        states.forEach((state, index) => expect(state).toBe(index < current ? 'passed' : index === current ? 'current' : 'locked'));
        // Only the current step takes an answer; completion is "no current step left".
        stepIds.forEach((id, index) => expect(canAnswer(stepIds, passed, id)).toBe(index === current));
        expect(isComplete(stepIds, passed)).toBe(stepIds.length > 0 && current === stepIds.length);
      }),
    );
  });

  it('never counts a step passed out of order', () => {
    expect(stepStates(['a', 'b', 'c'], new Set(['b', 'c']))).toEqual(['current', 'locked', 'locked']);
    expect(isComplete([], new Set())).toBe(false);
  });
});

describe('judging a guided step', () => {
  const free: GuidedStepRule = { id: 'f', kind: 'free', accept: ['a float', '0.5'] };
  const choice: GuidedStepRule = { id: 'c', kind: 'choice', options: [{ correct: false }, { correct: true }] };
  const check: GuidedStepRule = { id: 'k', kind: 'check', tests: ['test_half'] };

  it('accepts a free answer holding an accepted phrase as whole words, case and punctuation aside', () => {
    expect(judgeStep(free, { kind: 'free', text: 'It gives  A FLOAT!' })).toBe('right');
    expect(judgeStep(free, { kind: 'free', text: 'about 0.5.' })).toBe('right');
    expect(judgeStep(free, { kind: 'free', text: 'afloat' })).toBe('wrong');
    expect(judgeStep(free, { kind: 'free', text: '10.55' })).toBe('wrong');
    expect(judgeStep({ ...free, accept: ['...'] }, { kind: 'free', text: '...' })).toBe('wrong');
  });

  it('judges a choice by its correct option, and any other index as wrong', () => {
    fc.assert(
      fc.property(fc.integer({ min: -3, max: 5 }), (option) => {
        expect(judgeStep(choice, { kind: 'choice', option })).toBe(option === 1 ? 'right' : 'wrong');
      }),
    );
  });

  it('passes a check only when every named test ran and passed', () => {
    expect(judgeStep(check, { kind: 'check', results: [{ name: 'test_half', status: 'pass' }] })).toBe('right');
    expect(judgeStep(check, { kind: 'check', results: [{ name: 'test_half', status: 'fail' }] })).toBe('wrong');
    expect(judgeStep(check, { kind: 'check', results: [] })).toBe('wrong');
  });

  it('calls an answer of another kind wrong', () => {
    expect(judgeStep(check, { kind: 'free', text: 'test_half' })).toBe('wrong');
    expect(judgeStep(free, { kind: 'choice', option: 0 })).toBe('wrong');
  });

  it('normalises idempotently', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(normaliseAnswer(normaliseAnswer(text))).toBe(normaliseAnswer(text));
      }),
    );
  });
});

describe('test names', () => {
  it('matches suites and parametrized cases', () => {
    expect(isTest('test_add', 'test_add[1-2]')).toBe(true);
    expect(isTest('test_add', 'TestMath > test_add')).toBe(true);
    expect(isTest('Cart > adds', 'Cart > adds')).toBe(true);
    expect(isTest('Cart > adds', 'Other > adds')).toBe(false);
    expect(isTest('test_add', 'test_add_more')).toBe(false);
  });

  it('needs every case of a parametrized test to pass', () => {
    const cases = (second: 'pass' | 'fail') => [
      { name: 't[1]', status: 'pass' as const },
      { name: 't[2]', status: second },
    ];
    expect(testsPass(['t'], cases('fail'))).toBe(false);
    expect(testsPass(['t'], cases('pass'))).toBe(true);
  });
});

describe('code-along steps', () => {
  const steps = [
    { id: 'one', tests: ['a'] },
    { id: 'two', tests: ['b', 'c'] },
    { id: 'three', tests: ['d'] },
  ];
  const run = (passing: string[]) => ['a', 'b', 'c', 'd'].map((name) => ({ name, status: passing.includes(name) ? 'pass' : 'fail' }));

  it('unlocks the next step once the current step’s tests pass', () => {
    expect(codeAlongStates(steps, run([]))).toEqual(['current', 'locked', 'locked']);
    expect(codeAlongStates(steps, run(['a', 'b']))).toEqual(['passed', 'current', 'locked']);
    expect(codeAlongStates(steps, run(['a', 'b', 'c']))).toEqual(['passed', 'passed', 'current']);
    expect(codeAlongStates(steps, run(['a', 'b', 'c', 'd']))).toEqual(['passed', 'passed', 'passed']);
  });

  it('keeps a later step locked while an earlier one fails, whatever else passes', () => {
    fc.assert(
      fc.property(fc.subarray(['a', 'b', 'c', 'd']), (passing) => {
        const states = codeAlongStates(steps, run(passing));
        const firstOpen = states.findIndex((state) => state !== 'passed');
        if (firstOpen >= 0) expect(states.slice(firstOpen + 1).every((state) => state === 'locked')).toBe(true);
      }),
    );
  });
});

describe('challenge clock', () => {
  it('submits at par plus allowance, never before', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 120 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 3 * 3600 * 1000 }), (par, allowance, spent) => {
        const limit = challengeLimitSeconds(par, allowance);
        const clock = challengeClock(1_000, 1_000 + spent, limit);
        expect(clock.expired).toBe(Math.floor(spent / 1000) >= limit);
        expect(clock.elapsed + clock.remaining).toBe(Math.max(limit, clock.elapsed));
      }),
    );
    expect(challengeClock(5_000, 1_000, 60)).toEqual({ elapsed: 0, remaining: 60, expired: false });
  });
});
