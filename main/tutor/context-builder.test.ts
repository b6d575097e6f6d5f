import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildContext, estimateTokens, type ContextInput } from './context-builder';

const base: ContextInput = {
  system: 'You are a tutor.',
  lesson: { title: 'Loops', type: 'practice', objectives: ['Use a for loop'] },
  level: 'new',
  passages: [
    { heading: 'For loops', text: 'A for loop repeats a block once per item.' },
    { heading: 'Ranges', text: 'range(n) counts from 0 to n-1.' },
  ],
  files: [{ path: 'main.py', content: 'def total(prices):\n    pass\n' }],
  lastRun: {
    kind: 'check',
    outcome: 'fail',
    output: 'AssertionError: total([1, 2]) should be 3',
    tests: [
      { name: 'test_total', status: 'fail', message: 'total([1, 2]) should be 3' },
      { name: 'test_empty', status: 'pass' },
    ],
  },
  hintsRevealed: ['Start with a variable set to 0.'],
  recentMessages: [
    { role: 'user', content: 'What is a loop?' },
    { role: 'assistant', content: 'A loop repeats steps. What would you repeat here?' },
  ],
  request: 'Why did this fail?',
  budgetTokens: 4000,
};

describe('context builder', () => {
  it('includes everything in a fixed order when it fits', () => {
    const built = buildContext(base);
    expect(built.dropped).toEqual([]);
    expect(built.system).toContain('# Lesson: Loops (practice)');
    expect(built.system).toContain('Learner level: new');
    const order = ['From the lesson: For loops', 'From the lesson: Ranges', 'File main.py', 'Last check: fail', 'Hints already revealed'].map((s) =>
      built.context.indexOf(s),
    );
    expect(order.every((at) => at >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(built.context).toContain('Tests: 1/2 passed');
    expect(built.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    expect(built.messages.at(-1)!.content.endsWith('Why did this fail?')).toBe(true);
  });

  it('never exceeds the budget, and always keeps the request', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 60, max: 3000 }),
        fc.array(fc.string({ maxLength: 400 }), { maxLength: 8 }),
        fc.string({ maxLength: 3000 }),
        (budgetTokens, extra, output) => {
          const input: ContextInput = {
            ...base,
            budgetTokens,
            passages: extra.map((text, i) => ({ heading: `p${i}`, text })),
            recentMessages: extra.map((content, i) => ({ role: i % 2 ? 'assistant' : 'user', content })),
            lastRun: { ...base.lastRun!, output },
          };
          const built = buildContext(input);
          const fixed = estimateTokens(built.system) + estimateTokens(base.request) + 8;
          if (fixed <= budgetTokens) expect(built.tokens).toBeLessThanOrEqual(budgetTokens + 4 * (built.messages.length + 2));
          expect(built.messages.at(-1)!.content.endsWith(base.request)).toBe(true);
          expect(built.messages[0]!.role).toBe('user');
        },
      ),
    );
  });

  it('drops in priority order: messages and passages before files, files before the last run', () => {
    const long = 'x'.repeat(2000);
    const built = buildContext({
      ...base,
      budgetTokens: 400,
      passages: [{ heading: 'Long', text: long }],
      recentMessages: [{ role: 'user', content: long }],
    });
    expect(built.context).toContain('Last check: fail');
    expect(built.context).toContain('File main.py');
    expect(built.dropped.some((d) => d.startsWith('passage Long'))).toBe(true);
    expect(built.dropped.some((d) => d.includes('older message'))).toBe(true);
  });

  it('keeps the end of long output, where the error is', () => {
    const output = `${'noise\n'.repeat(1000)}Traceback: NameError: name 'totl' is not defined`;
    const built = buildContext({ ...base, budgetTokens: 600, lastRun: { kind: 'run', outcome: 'failed', output, tests: [] } });
    expect(built.context).toContain("NameError: name 'totl' is not defined");
    expect(built.dropped).toContain('last run (truncated)');
  });
});
