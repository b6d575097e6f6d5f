// A guided discovery walked through LessonActivity against a real store: answers judged and
// recorded in order, the authored follow-up after a wrong answer, a check step judged from
// main's own latest Check, and the discovery completing the lesson; a reflection's follow-up.
import { describe, expect, it } from 'vitest';
import { checkResultOf } from '../../preload/contract/testing/sandbox-results';
import type { LessonKeys } from '../courses/lesson-content/lesson-content-service';
import { journalEntries } from '../store/schema';
import type { LessonSources } from './lesson-sources';
import { lessonActivityHarness } from './testing/lesson-activity-harness';

const guided: NonNullable<LessonKeys['guided']> = {
  steps: [
    {
      id: 'pick',
      question: '7 / 2?',
      kind: 'choice',
      options: [
        { text: '3', correct: false },
        { text: '3.5', correct: true },
      ],
      intent: 'floats',
      followUp: 'What is type(7 / 2)?',
    },
    { id: 'say', question: 'And //?', kind: 'free', accept: ['rounds down'], intent: 'floor', followUp: 'What is -7 // 2?' },
    { id: 'make', question: 'Make half() work.', kind: 'check', tests: ['test_half'], intent: 'uses //', followUp: 'Which operator gave a whole number?' },
  ],
  discovery: '/ gives a float; // the floor.',
};

function setup(judgeFree?: LessonSources['judgeFree']) {
  return lessonActivityHarness({
    getLesson: async (_course, lesson) => (lesson === 'think' ? { type: 'reflection', reflection: { prompt: 'Why?' } } : { type: 'guided' }),
    keys: async (_course, lesson) => (lesson === 'think' ? { reflectionFollowUp: 'What would you try next?' } : { guided }),
    ...(judgeFree ? { judgeFree } : {}),
  });
}

describe('guided discovery', () => {
  it('walks the steps in order, with follow-ups, to the discovery', async () => {
    const { activity, recorded, state } = setup();
    const wrong = await activity.answerStep('py', 'div', 'pick', { kind: 'choice', option: 0 });
    expect(wrong).toMatchObject({ verdict: 'wrong', followUp: 'What is type(7 / 2)?', standing: { stepsPassed: [], discovery: null } });
    await expect(activity.answerStep('py', 'div', 'say', { kind: 'free', text: 'rounds down' })).rejects.toThrow(/not open yet/);
    expect((await activity.answerStep('py', 'div', 'pick', { kind: 'choice', option: 1 })).standing.stepsPassed).toEqual(['pick']);
    expect(await activity.answerStep('py', 'div', 'say', { kind: 'free', text: 'It Rounds  down.' })).toMatchObject({ verdict: 'right', followUp: null });
    await expect(activity.answerStep('py', 'div', 'make', { kind: 'check' })).rejects.toThrow(/Press Check first/);
    state.lastCheck = checkResultOf({ status: 'fail', tests: [{ name: 'test_half', status: 'fail', concepts: [] }] });
    expect((await activity.answerStep('py', 'div', 'make', { kind: 'check' })).verdict).toBe('wrong');
    expect(recorded).toEqual([]);
    state.lastCheck = checkResultOf({ status: 'pass', tests: [{ name: 'test_half', status: 'pass', concepts: [] }] });
    const done = await activity.answerStep('py', 'div', 'make', { kind: 'check' });
    expect(done.standing).toMatchObject({ status: 'completed', stepsPassed: ['pick', 'say', 'make'], discovery: '/ gives a float; // the floor.' });
    expect(recorded).toEqual(['lesson-completed']);
    await expect(activity.answerStep('py', 'div', 'make', { kind: 'check' })).rejects.toThrow(/already answered/);
    // The standing reads the same from the record alone.
    expect((await activity.standing('py', 'div')).stepsPassed).toEqual(['pick', 'say', 'make']);
  });

  it("lets the tutor judge a free answer the key does not accept, with its own question; the key's answers never reach it", async () => {
    const asked: string[] = [];
    const { activity } = setup(async (_course, _lesson, step, answer) => {
      asked.push(answer);
      expect(step.intent).toBe('floor');
      return answer.includes('whole') ? { verdict: 'right', followUp: null } : { verdict: 'wrong', followUp: 'What about -7 // 2?' };
    });
    await activity.answerStep('py', 'div', 'pick', { kind: 'choice', option: 1 });
    expect(await activity.answerStep('py', 'div', 'say', { kind: 'free', text: 'no idea' })).toMatchObject({
      verdict: 'wrong',
      followUp: 'What about -7 // 2?',
      judgedBy: 'tutor',
    });
    expect(await activity.answerStep('py', 'div', 'say', { kind: 'free', text: 'the whole part, lower one' })).toMatchObject({
      verdict: 'right',
      judgedBy: 'tutor',
      standing: { stepsPassed: ['pick', 'say'] },
    });
    expect(asked).toEqual(['no idea', 'the whole part, lower one']);
  });

  it('keeps the authored follow-up when the tutor has nothing to say (no provider)', async () => {
    const { activity } = setup(async () => null);
    await activity.answerStep('py', 'div', 'pick', { kind: 'choice', option: 1 });
    expect(await activity.answerStep('py', 'div', 'say', { kind: 'free', text: 'no idea' })).toMatchObject({
      verdict: 'wrong',
      followUp: 'What is -7 // 2?',
      judgedBy: 'lesson',
    });
  });

  it('refuses a step the lesson does not have', async () => {
    await expect(setup().activity.answerStep('py', 'div', 'nope', { kind: 'choice', option: 0 })).rejects.toThrow(/no step "nope"/);
  });
});

describe('reflection follow-up', () => {
  it('asks the authored question back, and journals the answer under it', async () => {
    const { activity, store } = setup();
    expect((await activity.saveReflection('py', 'think', 'Loops clicked.')).followUp).toBe('What would you try next?');
    expect((await activity.saveReflection('py', 'think', 'Nested ones.', true)).followUp).toBeNull();
    expect(
      store.db
        .select({ text: journalEntries.text })
        .from(journalEntries)
        .all()
        .map((row) => row.text),
    ).toEqual(['Loops clicked.', 'What would you try next?\n\nNested ones.']);
  });
});
