// One practice lesson with a graded exercise, for the service tests, the eval harness and the bench.
import type { TutorSources } from '../tutor-sources';

export const fixtureStarter = 'def total(prices):\n    # add up the prices\n    pass\n';
export const fixtureSolution = 'def total(prices):\n    result = 0\n    for price in prices:\n        result += price\n    return result\n';
export const fixtureHints = [
  'Start with a variable that holds 0.',
  'Loop over the prices and add each one to that variable.',
  'Return the variable after the loop.',
];

/** In-memory sources: a lesson, its exercise, passages, learner files, and hint reveals. */
export function fixtureSources(overrides: Partial<TutorSources> = {}): TutorSources & { revealed: string[] } {
  const revealed: string[] = [];
  const passages = [
    { heading: 'For loops', text: 'A for loop runs its body once for each item in a list.' },
    { heading: 'Accumulators', text: 'An accumulator is a variable you update inside a loop, such as a running total.' },
    { heading: 'Return values', text: 'return hands a value back to the caller; code after it does not run.' },
  ];
  return {
    revealed,
    lesson: async () => ({ title: 'Adding up prices', type: 'practice', objectives: ['Use a loop with an accumulator'] }),
    exercise: async () => ({
      files: [{ path: 'main.py', content: fixtureStarter, role: 'editable' }],
      solution: [{ path: 'main.py', content: fixtureSolution }],
      hints: fixtureHints,
    }),
    passages: async (query, { limit }) => {
      const words = query.toLowerCase().split(/\W+/).filter(Boolean);
      const score = (p: { heading: string; text: string }) => words.filter((w) => `${p.heading} ${p.text}`.toLowerCase().includes(w)).length;
      return [...passages].sort((a, b) => score(b) - score(a)).slice(0, limit);
    },
    learnerFiles: async () => [{ path: 'main.py', content: 'def total(prices):\n    for p in prices:\n        return p\n' }],
    revealedHints: async () => [...revealed],
    revealNextHint: async () => {
      const next = fixtureHints[revealed.length];
      if (next === undefined) return null;
      revealed.push(next);
      return next;
    },
    ...overrides,
  };
}
