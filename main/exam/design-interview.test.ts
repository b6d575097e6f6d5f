import { describe, expect, it } from 'vitest';
import { followUpPrompt, parseScore } from './design-interview';

describe('design interview prompts', () => {
  it('reads a score from the reply, or none', () => {
    expect(parseScore('{"score": 72}')).toBe(72);
    expect(parseScore('Sure! {"score":100}')).toBe(100);
    expect(parseScore('{"score": 140}')).toBeNull();
    expect(parseScore('great answer')).toBeNull();
  });

  it('asks one follow-up from the bank, never a grade', () => {
    const prompt = followUpPrompt({
      id: 'd',
      kind: 'design-question',
      difficulty: 2,
      concepts: ['x'],
      prompt: 'Design X.',
      followUps: ['Why?'],
      rubric: ['r'],
    });
    expect(prompt).toContain('- Why?');
    expect(prompt).toContain('never give answers, hints or a grade');
  });
});
