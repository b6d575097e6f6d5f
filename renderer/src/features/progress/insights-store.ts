// The weekly digest page and its once-a-week notice; the learning metrics load through useCall,
// again after every award.
import { create } from 'zustand';
import type { DigestNotice, WeeklyDigest } from '../../../../preload/contract/progress-metrics';
import { messageOf } from '../../../../preload/contract';
import { useAppStore } from '../../app/app-store';
import { client } from '../../platform/client';
import { useProgressStore } from '../hud/progress-store';
import { useCall } from '../../platform/use-call';

interface InsightsState {
  /** The digest page is shown in the Progress canvas (instead of the dashboard) when set. */
  digestOpen: boolean;
  digest: WeeklyDigest | null;
  digestError: string | null;
  /** The week asked for last ('' for this week) while its digest is on its way; null when none is. */
  digestRequested: string | null;
  notice: DigestNotice | null;
  openDigest(weekStart?: string): Promise<void>;
  closeDigest(): void;
  startNotice(): () => void;
  dismissNotice(): Promise<void>;
}

export const useInsightsStore = create<InsightsState>((set, get) => ({
  digestOpen: false,
  digest: null,
  digestError: null,
  digestRequested: null,
  notice: null,

  async openDigest(weekStart) {
    const requested = weekStart ?? '';
    set({ digestOpen: true, digestError: null, digestRequested: requested });
    void useAppStore.getState().updateLayout({ activity: 'progress' });
    if (get().notice && (!weekStart || weekStart === get().notice?.weekStart)) void get().dismissNotice();
    // Only the newest request's answer is shown: a slower one for another week must not replace it.
    const current = () => get().digestRequested === requested;
    try {
      const digest = await client().call('progress.weeklyDigest', weekStart ? { weekStart } : {});
      if (current()) set({ digest, digestRequested: null });
    } catch (error) {
      if (current()) set({ digestError: `The weekly digest could not be loaded: ${messageOf(error)}.`, digestRequested: null });
    }
  },

  closeDigest() {
    set({ digestOpen: false });
  },

  startNotice() {
    void client()
      .call('progress.pendingDigestNotice', {})
      .then((notice) => set({ notice }))
      .catch(() => {
        // The notice is a nicety: without it the digest is still one click away in Progress.
      });
    return client().on('progress.digestReady', (notice) => set({ notice }));
  },

  async dismissNotice() {
    set({ notice: null });
    try {
      await client().call('progress.dismissDigestNotice', {});
    } catch {
      // Hidden here already; at worst a reload shows the notice once more.
    }
  },
}));

/** Loads the metrics now and after every award. */
export function useMetrics() {
  const version = useProgressStore((state) => state.version);
  const { data, error } = useCall('progress.metrics', {}, [version]);
  return { metrics: data, error: error && `Your learning metrics could not be worked out: ${error}. Reopen Progress to try again.` };
}
