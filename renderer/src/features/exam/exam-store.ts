// Exam mode: which attempt the window shows full screen, and its view as main last returned it.
// Main owns the attempt, the clock and the grading; this store only holds what main said.
import { create } from 'zustand';
import { messageOf, type CallInput } from '../../../../preload/contract';
import type { ExamView } from '../../../../preload/contract/exam';
import { client } from '../../platform/client';

interface ExamMode {
  readonly view: ExamView | null;
  readonly error: string | null;
  /** When main last saved an answer of the attempt (epoch ms), for the "Saved" indicator. */
  readonly savedAt: number | null;
  /** When the window received `view` (its clocks count down from then until main answers again). */
  readonly receivedAt: number;
  show(view: ExamView): void;
  /** Asks main for the attempt as it stands (the clock moves; a section out of time is submitted). */
  refresh(): Promise<void>;
  setError(error: string | null): void;
  saved(at: number): void;
  /** Leaves exam mode (only once the attempt is finished). */
  exit(): void;
}

export const useExamMode = create<ExamMode>((set, get) => ({
  view: null,
  error: null,
  savedAt: null,
  receivedAt: 0,
  show: (view) => set({ view, savedAt: view.savedAt, error: null, receivedAt: Date.now() }),
  async refresh() {
    const current = get().view;
    if (!current) return;
    // Main may submit a section whose time ran out: it gets the answers still waiting first, and
    // an answer it did not save stays said.
    const saved = await sendUnsent();
    const saveError = get().error;
    try {
      get().show(await client().call('exam.current', { attemptId: current.attemptId }));
      if (!saved) set({ error: saveError });
    } catch (error) {
      set({ error: messageOf(error) });
    }
  },
  setError: (error) => set({ error }),
  saved: (at) => set({ savedAt: at, error: null }),
  exit: () => set({ view: null, error: null, savedAt: null }),
}));

/** Reopens the attempt in progress after a restart or a reload, with the time main kept for it. */
export async function resumeExam(): Promise<void> {
  try {
    const active = await client().call('exam.active', {});
    if (active) useExamMode.getState().show(await client().call('exam.current', { attemptId: active.attemptId }));
  } catch (error) {
    useExamMode.getState().setError(messageOf(error));
  }
}

/** Starts (or reopens) the course's exam; exam mode asks for full screen where the window may have it. */
export async function startExam(courseId: string): Promise<void> {
  const view = await client().call('exam.start', { courseId });
  useExamMode.getState().show(view);
  // A browser grants full screen only on a click, and a learner or the OS may refuse it: exam mode
  // already fills the window, so a refusal changes nothing that matters.
  document.documentElement.requestFullscreen?.().catch((error: unknown) => console.info(`full screen refused: ${messageOf(error)}`));
}

type Answer = CallInput<'exam.answer'>['answer'];

/** How long typing pauses before its answer is sent. */
export const QUIET_MS = 500;

/** Answers being typed, by item: sent once the typing pauses, or before the next exam step, whichever comes first. */
const unsent = new Map<string, { timer: ReturnType<typeof setTimeout>; answer: Answer }>();

/** Saves an answer being typed once the learner stops typing, so no keystroke is lost between saves. */
export function saveSoon(itemId: string, answer: Answer): void {
  const waiting = unsent.get(itemId);
  if (waiting) clearTimeout(waiting.timer);
  const timer = setTimeout(() => {
    unsent.delete(itemId);
    void saveAnswer(itemId, answer);
  }, QUIET_MS);
  unsent.set(itemId, { timer, answer });
}

/**
 * Sends the answers still waiting for a pause in the typing, before a step that may close their
 * section (a submit, the clock): a section takes no answer once submitted. False when one was not saved.
 */
async function sendUnsent(): Promise<boolean> {
  const due = [...unsent];
  unsent.clear();
  for (const [, { timer }] of due) clearTimeout(timer);
  const saved = await Promise.all(due.map(([itemId, { answer }]) => saveAnswer(itemId, answer)));
  return saved.every(Boolean);
}

/** Saves one answer at once (every change); the indicator shows when main saved it. False when it was not saved. */
export async function saveAnswer(itemId: string, answer: Answer): Promise<boolean> {
  const view = useExamMode.getState().view;
  // A finished attempt takes no answers, and its result is on screen: there is nothing to save or to say.
  if (!view || view.status !== 'in-progress') return false;
  try {
    const { savedAt } = await client().call('exam.answer', { attemptId: view.attemptId, itemId, answer });
    useExamMode.getState().saved(savedAt);
    return true;
  } catch (error) {
    useExamMode.getState().setError(`Your answer was not saved: ${messageOf(error)}`);
    return false;
  }
}

/**
 * Runs one of main's exam calls that returns the attempt, showing the new view or the error. The
 * answers still being typed are saved first; when one is not, the step waits and its error stays.
 */
export async function examStep(step: (attemptId: ExamView['attemptId']) => Promise<ExamView>): Promise<void> {
  const view = useExamMode.getState().view;
  if (!view || !(await sendUnsent())) return;
  try {
    useExamMode.getState().show(await step(view.attemptId));
  } catch (error) {
    useExamMode.getState().setError(messageOf(error));
  }
}
