// Practice's data: the cards due today (loaded when the view opens) and their count, kept fresh
// by `practice.changed` so the activity bar and the HUD show it without opening Practice.
import { create } from 'zustand';
import type { PracticeDue } from '../../../../preload/contract/practice';
import { messageOf } from '../../../../preload/contract';
import { useAppStore } from '../../app/app-store';
import { client } from '../../platform/client';

interface PracticeState {
  due: PracticeDue | null;
  dueCount: number | null;
  error: string | null;
  /** Bumped by "to review" buttons elsewhere, so the open review session takes the keyboard focus. */
  focusRequest: number;
  open(): void;
  start(): () => void;
  load(): Promise<void>;
}

export const usePracticeStore = create<PracticeState>((set, get) => ({
  due: null,
  dueCount: null,
  error: null,
  focusRequest: 0,
  open() {
    set((state) => ({ focusRequest: state.focusRequest + 1 }));
    void useAppStore.getState().updateLayout({ activity: 'practice' });
  },
  start() {
    void get().load();
    const off = client().on('practice.changed', ({ dueCount }) => set({ dueCount }));
    // "Due today" moves at midnight and while the app sleeps: look again when the learner comes back.
    const onVisible = () => document.visibilityState === 'visible' && void get().load();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      off();
      document.removeEventListener('visibilitychange', onVisible);
    };
  },
  async load() {
    try {
      const due = await client().call('practice.due', {});
      set({ due, dueCount: due.cards.length, error: null });
    } catch (error) {
      set({ error: messageOf(error) });
    }
  },
}));
