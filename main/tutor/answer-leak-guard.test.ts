import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeTokens, isLeak, LeakGate, leakScore, secretShingles } from './answer-leak-guard';

const starter = 'def total(prices):\n    # add up the prices\n    pass\n';
const solution = 'def total(prices):\n    result = 0\n    for price in prices:\n        result += price\n    return result\n';
const secret = secretShingles({ solution: [solution], starter: [starter] });

function streamThrough(text: string, chunk: (t: string) => string[]): { shown: string; blocked: boolean } {
  let shown = '';
  const gate = new LeakGate(secret, (t) => (shown += t));
  for (const piece of chunk(text)) if (!gate.push(piece)) break;
  if (!gate.isBlocked) gate.finish();
  return { shown, blocked: gate.isBlocked };
}
const byWords = (t: string) => t.match(/\s*\S+|\s+/g) ?? [];

describe('answer-leak guard', () => {
  it('ignores comments, spacing and the starter when scoring', () => {
    expect(codeTokens('x = 1  # note\ny=2 // c')).toEqual(['x', '=', '1', 'y', '=', '2']);
    expect(leakScore(starter, secret)).toBe(0);
    expect(leakScore(solution, secret)).toBe(1);
    const reformatted = 'def total( prices ):\n  result=0 # start\n  for price in prices: result += price\n  return result';
    expect(isLeak(reformatted, secret)).toBe(true);
  });

  it('lets a Socratic reply and an example on a different problem through', () => {
    const reply =
      'What should `total` start at before the loop? Try a variable, then add each price to it. For example, counting words:\n\n```python\ncount = 0\nfor word in words:\n    count = count + 1\n```\n';
    const out = streamThrough(reply, byWords);
    expect(out).toEqual({ shown: reply, blocked: false });
  });

  it('never shows a reply that contains the solution, whatever the chunking', () => {
    const leaky = `Sure! Here is the answer:\n\n\`\`\`python\n${solution}\`\`\`\n\nRun it.`;
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 80 }), (sizes) => {
        const pieces: string[] = [];
        let at = 0;
        for (let i = 0; at < leaky.length; i++) {
          const size = sizes[i % sizes.length]!;
          pieces.push(leaky.slice(at, at + size));
          at += size;
        }
        const out = streamThrough(leaky, () => pieces);
        expect(out.blocked).toBe(true);
        expect(isLeak(out.shown, secret)).toBe(false);
        expect(out.shown).not.toContain('result += price');
      }),
    );
  });

  it('blocks a solution written as prose without a fence before it crosses the threshold', () => {
    const prose = 'Set result = 0 then for price in prices : result += price and finally return result — done.';
    const out = streamThrough(prose, byWords);
    expect(out.blocked).toBe(true);
    expect(isLeak(out.shown, secret)).toBe(false);
  });

  it('holds a fenced block back until its fence closes', () => {
    const released: string[] = [];
    const gate = new LeakGate(secret, (t) => released.push(t));
    gate.push('Look:\n```python\nx = 1\n');
    expect(released.join('')).toBe('Look:\n');
    gate.push('```\nok ');
    expect(released.join('')).toBe('Look:\n```python\nx = 1\n```\nok ');
  });

  it('has nothing to guard when there is no secret', () => {
    expect(leakScore('anything', new Set())).toBe(0);
  });
});
