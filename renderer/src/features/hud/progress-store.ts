// The HUD's data: one `progress.snapshot` at start, then `progress.changed` events; and the
// toasts from `progress.awarded`. Other features read the snapshot from here too.
import { create } from 'zustand';
import type { AwardedEvent, HudSnapshot } from '../../../../preload/contract/progress';
import { client } from '../../platform/client';
import { completionKinds, describeAward } from '../lesson/completion';

export interface Toast {
  readonly id: number;
  readonly kind: 'xp' | 'level' | 'achievement';
  readonly text: string;
  /** The event that earned it, and the lesson it was about. */
  readonly source: AwardedEvent['kind'];
  readonly courseId?: string | undefined;
  readonly lessonId?: string | undefined;
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

/** The toasts an award makes; the XP one says why (each part: base, bonuses and their reasons). Pure. */
export function toastsFor(awarded: AwardedEvent): Omit<Toast, 'id'>[] {
  const toasts: Omit<Toast, 'id'>[] = [];
  const parts = awarded.awarded.filter((award) => award.amount !== 0);
  const xp = parts.reduce((sum, award) => sum + award.amount, 0);
  const about = { source: awarded.kind, courseId: awarded.courseId, lessonId: awarded.lessonId };
  if (xp > 0) toasts.push({ kind: 'xp', text: `+${xp} XP · ${parts.map(describeAward).join(' · ')}`, ...about });
  if (awarded.levelAfter > awarded.levelBefore) toasts.push({ kind: 'level', text: `Level up! You reached level ${awarded.levelAfter}`, ...about });
  for (const achievement of awarded.achievements) toasts.push({ kind: 'achievement', text: `Achievement unlocked: ${achievement.title}`, ...about });
  return toasts;
}

/** The open lesson shows its own completion (the completion bar): only its toasts stay quiet, not another lesson's. Pure. */
export function quietedByOpenLesson(toast: Pick<Toast, 'source' | 'courseId' | 'lessonId'>, open: { courseId: string; lessonId: string } | null): boolean {
  return open !== null && completionKinds.has(toast.source) && toast.courseId === open.courseId && toast.lessonId === open.lessonId;
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
