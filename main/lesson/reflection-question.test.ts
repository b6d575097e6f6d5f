// A reflection gets one question back: the Mentor's when a provider answers, else the lesson's
// authored follow-up; the learner's answer is journaled under the question they actually saw.
import { describe, expect, it } from 'vitest';
import { lessonActivityHarness } from './testing/lesson-activity-harness';

function activity(mentor: string | null) {
  return lessonActivityHarness({
    getLesson: async () => ({ type: 'reflection', reflection: { prompt: 'What surprised you?' } }),
    keys: async () => ({ reflectionFollowUp: 'What would you try differently next time?' }),
    askBack: async () => mentor,
  }).activity;
}

describe('reflection follow-up', () => {
  it("asks the Mentor's question and journals the answer under it", async () => {
    const lessons = activity('Which part felt easiest, and why?');
    expect((await lessons.saveReflection('py', 'think', 'Loops were easy.')).followUp).toBe('Which part felt easiest, and why?');
    expect((await lessons.saveReflection('py', 'think', 'The for loop.', true)).followUp).toBeNull();
    expect(lessons.journal('py', 'think').map((entry) => entry.text)).toEqual(['Which part felt easiest, and why?\n\nThe for loop.', 'Loops were easy.']);
  });

  it('falls back to the authored follow-up without a provider', async () => {
    const lessons = activity(null);
    expect((await lessons.saveReflection('py', 'think', 'Loops were easy.')).followUp).toBe('What would you try differently next time?');
    await lessons.saveReflection('py', 'think', 'Start smaller.', true);
    expect(lessons.journal('py', 'think')[0]!.text).toBe('What would you try differently next time?\n\nStart smaller.');
  });
});
