// Today's streak reminder for the banner: asked for once at start (a reminder given while no
// window was open is still waiting), then pushed by `progress.streakReminder`. While it shows,
// it is refreshed every minute (time left, answered in another window) and it goes away as
// soon as today counts.
import { create } from 'zustand';
import type { StreakReminder } from '../../../../preload/contract/progress';
import { client } from '../../platform/client';

interface StreakReminderState {
  reminder: StreakReminder | null;
  start(): () => void;
  refresh(): Promise<void>;
  /** "Continue learning" or "Not today": not shown again today, in any window. */
  answer(): Promise<void>;
}

const REFRESH_MS = 60_000;

export const useStreakReminderStore = create<StreakReminderState>((set, get) => ({
  reminder: null,

  start() {
    void get().refresh();
    const offReminder = client().on('progress.streakReminder', (reminder) => set({ reminder }));
    const offChanged = client().on('progress.changed', (snapshot) => snapshot.streak.todayDone && set({ reminder: null }));
    const timer = setInterval(() => get().reminder && void get().refresh(), REFRESH_MS);
    const onVisible = () => document.visibilityState === 'visible' && get().reminder && void get().refresh();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      offReminder();
      offChanged();
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  },

  async refresh() {
    try {
      set({ reminder: await client().call('progress.pendingStreakReminder', {}) });
    } catch {
      // A reminder is a nicety: on a failed call the banner keeps what it shows.
    }
  },

  async answer() {
    set({ reminder: null });
    try {
      await client().call('progress.dismissStreakReminder', {});
    } catch {
      // Hidden here already; at worst another window or a reload shows it once more today.
    }
  },
}));
