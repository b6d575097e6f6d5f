// The HUD's data: one `progress.snapshot` at start, then `progress.changed` events; and the
// toasts from `progress.awarded`. Other features read the snapshot from here too.
import { create } from 'zustand';
import type { AwardedEvent, HudSnapshot } from '../../../../preload/contract/progress';
import { client } from '../../platform/client';

export interface Toast {
  readonly id: number;
  readonly kind: 'xp' | 'level' | 'achievement';
  readonly text: string;
  /** The event that earned it. */
  readonly source: AwardedEvent['kind'];
}

interface ProgressState {
  snapshot: HudSnapshot | null;
  toasts: Toast[];
  /** Bumps on every award, so views that show more than the HUD (the Progress view) reload. */
  version: number;
  start(): () => void;
  refresh(): Promise<void>;
  dismiss(id: number): void;
}

let nextToast = 1;
const TOAST_MS = 4500;

export function toastsFor(awarded: AwardedEvent): Omit<Toast, 'id'>[] {
  const toasts: Omit<Toast, 'id'>[] = [];
  const xp = awarded.awarded.reduce((sum, award) => sum + award.amount, 0);
  const source = awarded.kind;
  if (xp > 0) toasts.push({ kind: 'xp', text: `+${xp} XP`, source });
  if (awarded.levelAfter > awarded.levelBefore) toasts.push({ kind: 'level', text: `Level up! You reached level ${awarded.levelAfter}`, source });
  for (const achievement of awarded.achievements) toasts.push({ kind: 'achievement', text: `Achievement unlocked: ${achievement.title}`, source });
  return toasts;
}

export const useProgressStore = create<ProgressState>((set, get) => ({
  snapshot: null,
  toasts: [],
  version: 0,

  start() {
    void get().refresh();
    const offChanged = client().on('progress.changed', (snapshot) => set({ snapshot }));
    const offAwarded = client().on('progress.awarded', (awarded) => {
      const toasts = toastsFor(awarded).map((toast) => ({ ...toast, id: nextToast++ }));
      set((state) => ({ toasts: [...state.toasts, ...toasts].slice(-5), version: state.version + 1 }));
      for (const toast of toasts) setTimeout(() => get().dismiss(toast.id), TOAST_MS);
    });
    // The streak's "today" changes at midnight: look again when the learner comes back.
    const onVisible = () => document.visibilityState === 'visible' && void get().refresh();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      offChanged();
      offAwarded();
      document.removeEventListener('visibilitychange', onVisible);
    };
  },

  async refresh() {
    try {
      set({ snapshot: await client().call('progress.snapshot', {}) });
    } catch {
      // The HUD keeps its last figures; the next progress.changed brings fresh ones.
    }
  },

  dismiss: (id) => set((state) => ({ toasts: state.toasts.filter((toast) => toast.id !== id) })),
}));
