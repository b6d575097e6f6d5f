// Assembly and adaptive selection: same seed, same exam; fresh seeds, fresh exams; difficulty
// follows the answers; never a question twice; the bank never runs dry for a valid bank.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinBank } from './testing/builtin-banks';
import { drawExam, nextConceptual, nextDifficulty, optionOrder, shuffled } from './exam-selection';

const banks = {
  python: builtinBank('python-basics'),
  javascript: builtinBank('javascript-basics'),
  'python-data-structures': builtinBank('python-data-structures'),
  'javascript-async': builtinBank('javascript-async'),
  'python-oop-testing': builtinBank('python-oop-testing'),
};
const drawn = ['python', 'javascript', 'python-data-structures', 'python-oop-testing'] as const;

/** Runs the Conceptual section with answers from `correctness` (cycled). */
function conceptualRun(which: keyof typeof banks, seed: string, correctness: readonly boolean[]) {
  const asked: { itemId: string; correct: boolean; difficulty: number }[] = [];
  for (;;) {
    const next = nextConceptual(banks[which], seed, asked);
    if (!next) return asked;
    asked.push({ itemId: next.id, correct: correctness[asked.length % correctness.length]!, difficulty: next.difficulty });
  }
}

describe('exam selection', () => {
  it('shuffles into a permutation, the same for the same seed', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.string(), (items, seed) => {
        const once = shuffled(items, seed);
        expect(once).toEqual(shuffled(items, seed));
        expect([...once].sort()).toEqual([...items].sort());
      }),
    );
  });

  it('every option order is a permutation of the options', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.integer({ min: 2, max: 8 }), (seed, id, n) => {
        expect([...optionOrder(seed, id, n)].sort()).toEqual([...Array(n).keys()]);
      }),
    );
  });

  it.each(drawn)('%s: the same seed gives the same exam, with a challenge per difficulty', (which) => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.boolean(), { minLength: 1, maxLength: 20 }), (seed, answers) => {
        const draw = drawExam(banks[which], seed);
        expect(draw).toEqual(drawExam(banks[which], seed));
        expect(draw.codeAnalysis).toHaveLength(10);
        expect(new Set(draw.codeAnalysis).size).toBe(10);
        expect(draw.challenges.map((id) => banks[which].items.find((item) => item.id === id)!.difficulty)).toEqual([1, 2, 3]);
        const run = conceptualRun(which, seed, answers);
        expect(run).toHaveLength(20);
        expect(new Set(run.map((answer) => answer.itemId)).size).toBe(20);
        expect(conceptualRun(which, seed, answers)).toEqual(run);
      }),
      { numRuns: 40 },
    );
  });

  it('fresh seeds draw fresh selections', () => {
    const seeds = ['attempt-1', 'attempt-2', 'attempt-3', 'attempt-4'];
    const draws = seeds.map((seed) => drawExam(banks.python, seed).codeAnalysis.join());
    expect(new Set(draws).size).toBe(seeds.length);
    const first = conceptualRun('python', 'attempt-1', [true, false]).map((a) => a.itemId);
    const second = conceptualRun('python', 'attempt-2', [true, false]).map((a) => a.itemId);
    expect(first.filter((id) => second.includes(id)).length).toBeLessThan(20);
  });

  it('difficulty starts at medium, rises after a right answer and falls after a wrong one, within 1–3', () => {
    expect(nextDifficulty([])).toBe(2);
    expect(nextDifficulty([true])).toBe(3);
    expect(nextDifficulty([true, true, true])).toBe(3);
    expect(nextDifficulty([false, false, false])).toBe(1);
    expect(nextDifficulty([false, true])).toBe(2);
    fc.assert(
      fc.property(fc.array(fc.boolean()), fc.boolean(), (answers, last) => {
        const before = nextDifficulty(answers);
        const after = nextDifficulty([...answers, last]);
        expect(after - before).toBe(last ? Math.min(1, 3 - before) : 0 - Math.min(1, before - 1));
      }),
    );
  });

  it('asks what the answers call for while the bank has it: all right climbs to hard, all wrong falls to easy', () => {
    expect(
      conceptualRun('python', 's', [true])
        .slice(1, 10)
        .map((a) => a.difficulty),
    ).toEqual(Array(9).fill(3));
    expect(
      conceptualRun('python', 's', [false])
        .slice(1, 15)
        .map((a) => a.difficulty),
    ).toEqual(Array(14).fill(1));
  });
});
