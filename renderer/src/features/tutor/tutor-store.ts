// The tutor panel's state: provider status, the open lesson's session, the streaming reply,
// the last failure, and a model pull's progress. Replies arrive as tutor.delta events.
import { create } from 'zustand';
import type { TutorAction, TutorFailure, TutorMessage, TutorMode, TutorSession, TutorStatus } from '../../../../preload/contract/tutor';
import { DronaError, messageOf } from '../../../../preload/contract/errors';
import { client } from '../../platform/client';

export interface LessonRef {
  readonly courseId: string;
  readonly lessonId: string;
}

export interface PullState {
  readonly model: string;
  readonly status: string;
  readonly completed: number;
  readonly total: number;
  readonly done: boolean;
  readonly error?: string;
}

interface TutorState {
  status: TutorStatus | null;
  lesson: LessonRef | null;
  session: TutorSession | null;
  streaming: { requestId: string; text: string; action: TutorAction; question: string } | null;
  failure: TutorFailure | null;
  pull: PullState | null;
  models: { name: string; size: number; embedding: boolean }[] | null;
  modelsError: string | null;
  loadModels(): Promise<void>;
  loadStatus(): Promise<void>;
  open(lesson: LessonRef | null): Promise<void>;
  ask(action: TutorAction, text: string, mode?: TutorMode): Promise<void>;
  stop(): Promise<void>;
  clear(): Promise<void>;
  pullModel(model: string): Promise<void>;
  /** The latest unasked offer, for the canvas's small cue; cleared when dismissed. */
  cue: { lesson: LessonRef; message: TutorMessage } | null;
  /** Asks main whether the lesson's signals call for an offer; one it makes joins the conversation. */
  nudge(lesson: LessonRef): Promise<void>;
  dismissCue(): void;
  rate(messageId: number, helpful: boolean, reason: string): Promise<void>;
  applyDelta(requestId: string, text: string, reset: boolean): void;
  applyPull(progress: PullState): void;
  setStatus(status: TutorStatus): void;
}

let counter = 0;
const newRequestId = () => `t${Date.now().toString(36)}-${(counter++).toString(36)}`;

export const useTutorStore = create<TutorState>((set, get) => ({
  status: null,
  lesson: null,
  session: null,
  streaming: null,
  failure: null,
  pull: null,
  models: null,
  modelsError: null,
  cue: null,

  async nudge(lesson) {
    const { offer } = await client().call('tutor.nudge', lesson);
    if (!offer) return;
    const { session, lesson: shown, streaming } = get();
    const same = shown?.courseId === lesson.courseId && shown.lessonId === lesson.lessonId;
    // A reply being streamed picks the offer up with the session reload that ends it.
    if (same && session && !streaming) set({ session: { ...session, messages: [...session.messages, offer] } });
    set({ cue: { lesson, message: offer } });
  },

  dismissCue: () => set({ cue: null }),

  async rate(messageId, helpful, reason) {
    const rated = await client().call('tutor.rate', { messageId, helpful, reason });
    const session = get().session;
    if (session) set({ session: { ...session, messages: session.messages.map((message) => (message.id === rated.id ? rated : message)) } });
  },

  async loadModels() {
    try {
      set({ models: (await client().call('tutor.models', {})).models, modelsError: null });
    } catch (error) {
      set({ models: null, modelsError: messageOf(error) });
    }
  },

  async loadStatus() {
    set({ status: await client().call('tutor.status', {}) });
  },

  setStatus: (status) => set({ status }),

  async open(lesson) {
    set({ lesson, session: null, failure: null, cue: null });
    if (!lesson) return;
    const session = await client().call('tutor.session', lesson);
    if (get().lesson === lesson) set({ session });
  },

  async ask(action, text, mode) {
    const { lesson, streaming, session } = get();
    if (!lesson || streaming) return;
    const requestId = newRequestId();
    const question = text.trim();
    set({ streaming: { requestId, text: '', action, question }, failure: null });
    try {
      const result = await client().call('tutor.ask', { ...lesson, requestId, action, text, ...(mode ? { mode } : {}) });
      const status = get().status;
      if (status) set({ status: { ...status, budget: result.budget } });
      if (result.status === 'failed') set({ failure: result.failure });
    } catch (error) {
      set({ failure: { code: 'provider_error', message: messageOf(error), nextStep: error instanceof DronaError ? 'Try again.' : 'Check the Output panel.' } });
    } finally {
      set({ streaming: null });
      if (get().lesson === lesson)
        set({
          session: await client()
            .call('tutor.session', lesson)
            .catch(() => session),
        });
    }
  },

  async stop() {
    const streaming = get().streaming;
    if (streaming) await client().call('tutor.stop', { requestId: streaming.requestId });
  },

  async clear() {
    const lesson = get().lesson;
    if (!lesson) return;
    set({ session: await client().call('tutor.clearSession', lesson), failure: null });
  },

  async pullModel(model) {
    set({ pull: { model, status: 'starting', completed: 0, total: 0, done: false } });
    try {
      await client().call('tutor.pullModel', { model });
      set({ pull: { model, status: 'success', completed: 1, total: 1, done: true } });
    } catch (error) {
      set({ pull: { model, status: 'failed', completed: 0, total: 0, done: true, error: messageOf(error) } });
    }
  },

  applyDelta(requestId, text, reset) {
    const streaming = get().streaming;
    if (!streaming || streaming.requestId !== requestId) return;
    set({ streaming: { ...streaming, text: reset ? text : streaming.text + text } });
  },

  applyPull(progress) {
    const pull = get().pull;
    if (pull && pull.model === progress.model && !pull.done) set({ pull: progress });
  },
}));

/** Subscribes the store to main's events once; returns the unsubscribe. */
export function connectTutorEvents(): () => void {
  const offDelta = client().on('tutor.delta', (p) => useTutorStore.getState().applyDelta(p.requestId, p.text, p.reset ?? false));
  const offPull = client().on('tutor.pullProgress', (p) => useTutorStore.getState().applyPull(p));
  return () => {
    offDelta();
    offPull();
  };
}

export type { TutorMessage };
