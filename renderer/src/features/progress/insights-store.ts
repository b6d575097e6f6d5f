// The learning metrics, the weekly digest page and its once-a-week notice: loaded when shown,
// the metrics again after every award (like the dashboard).
import { useEffect } from 'react';
import { create } from 'zustand';
import type { DigestNotice, LearningMetrics, WeeklyDigest } from '../../../../preload/contract/progress-metrics';
import { messageOf } from '../../../../preload/contract';
import { useAppStore } from '../../app/app-store';
import { client } from '../../platform/client';
import { useProgressStore } from '../hud/progress-store';

interface InsightsState {
  metrics: LearningMetrics | null;
  metricsError: string | null;
  loadedVersion: number;
  /** The digest page is shown in the Progress canvas (instead of the dashboard) when set. */
  digestOpen: boolean;
  digest: WeeklyDigest | null;
  digestError: string | null;
  notice: DigestNotice | null;
  loadMetrics(version: number): Promise<void>;
  openDigest(weekStart?: string): Promise<void>;
  closeDigest(): void;
  startNotice(): () => void;
  dismissNotice(): Promise<void>;
}

export const useInsightsStore = create<InsightsState>((set, get) => ({
  metrics: null,
  metricsError: null,
  loadedVersion: -1,
  digestOpen: false,
  digest: null,
  digestError: null,
  notice: null,

  async loadMetrics(version) {
    set({ loadedVersion: version });
    try {
      set({ metrics: await client().call('progress.metrics', {}), metricsError: null });
    } catch (error) {
      set({ metricsError: `Your learning metrics could not be worked out: ${messageOf(error)}. Reopen Progress to try again.` });
    }
  },

  async openDigest(weekStart) {
    set({ digestOpen: true, digestError: null });
    void useAppStore.getState().updateLayout({ activity: 'progress' });
    if (get().notice && (!weekStart || weekStart === get().notice?.weekStart)) void get().dismissNotice();
    try {
      set({ digest: await client().call('progress.weeklyDigest', weekStart ? { weekStart } : {}) });
    } catch (error) {
      set({ digestError: `The weekly digest could not be loaded: ${messageOf(error)}.` });
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
  const { metrics, metricsError, loadedVersion, loadMetrics } = useInsightsStore();
  useEffect(() => {
    if (loadedVersion !== version) void loadMetrics(version);
  }, [version, loadedVersion, loadMetrics]);
  return { metrics, error: metricsError };
}
