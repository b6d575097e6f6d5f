import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DronaClient } from '../../../../preload/client';
import { DronaError } from '../../../../preload/contract';
import type { ExamView } from '../../../../preload/contract/exam';
import { client, setClient } from '../../platform/client';
import { renderHook } from '../../platform/testing/render-hook';
import { examStep, QUIET_MS, useExamMode } from './exam-store';
import { useAutosave } from './use-autosave';

const design: ExamView = {
  attemptId: 7,
  courseId: 'c',
  title: 'Silver exam',
  status: 'in-progress',
  sectionIndex: 0,
  sections: [{ kind: 'design', title: 'Design', minutes: 30, questions: 1, remainingMs: 60_000, submitted: false, timedOut: false, score: null }],
  questions: [{ itemId: 'd1', kind: 'design-question', number: 1, prompt: 'Design a cache.', saved: null }],
  asked: 0,
  interview: [],
  interviewer: false,
  savedAt: null,
  result: null,
  gradedBy: 'app',
};
const finished: ExamView = { ...design, status: 'pending-review', sectionIndex: 1, questions: [] };

/** Main as the exam sees it: answers are saved while the attempt is open and refused once it is finished. */
function fakeMain(refuse?: string) {
  const calls: { name: string; input: unknown }[] = [];
  let open = true;
  const fake: DronaClient = {
    transport: 'serve',
    call: (async (name: string, input: unknown) => {
      calls.push({ name, input });
      if (name === 'exam.answer') {
        if (!open) throw new DronaError('conflict', 'This exam attempt is finished.');
        if (refuse) throw new DronaError('internal', refuse);
        return { savedAt: 1 };
      }
      if (name === 'exam.submitSection') {
        open = false;
        return finished;
      }
      throw new Error(`unexpected call ${name}`);
    }) as DronaClient['call'],
    on: () => () => {},
  };
  setClient(fake);
  useExamMode.getState().show(design);
  return calls;
}

afterEach(() => {
  vi.useRealTimers();
  useExamMode.getState().exit();
});

describe('exam autosave', () => {
  it('saves what was typed just before the final submit, and says nothing once the attempt is finished', async () => {
    vi.useFakeTimers();
    const calls = fakeMain();
    const hook = await renderHook((itemId: string) => useAutosave(itemId), 'd1');
    hook.current({ kind: 'design', text: 'An LRU cache' });
    // Submitted within the quiet time: the answer must reach main before the section closes.
    await hook.act(() => void examStep(submit));
    await hook.unmount();
    await vi.advanceTimersByTimeAsync(QUIET_MS * 4);
    expect(calls.map((call) => call.name)).toEqual(['exam.answer', 'exam.submitSection']);
    expect(calls[0]!.input).toEqual({ attemptId: 7, itemId: 'd1', answer: { kind: 'design', text: 'An LRU cache' } });
    expect(useExamMode.getState()).toMatchObject({ view: finished, error: null });
  });

  it('still says when an answer was not saved while the attempt is open, and then does not submit', async () => {
    vi.useFakeTimers();
    const calls = fakeMain('The disk is full.');
    const hook = await renderHook((itemId: string) => useAutosave(itemId), 'd1');
    hook.current({ kind: 'design', text: 'typed' });
    await vi.advanceTimersByTimeAsync(QUIET_MS);
    expect(useExamMode.getState().error).toBe('Your answer was not saved: The disk is full.');

    hook.current({ kind: 'design', text: 'typed more' });
    await hook.act(() => void examStep(submit));
    expect(calls.map((call) => call.name)).toEqual(['exam.answer', 'exam.answer']);
    expect(useExamMode.getState()).toMatchObject({ view: design, error: 'Your answer was not saved: The disk is full.' });
    await hook.unmount();
  });
});

function submit(attemptId: ExamView['attemptId']): Promise<ExamView> {
  return client().call('exam.submitSection', { attemptId });
}
