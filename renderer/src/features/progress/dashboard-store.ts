// The Progress view's data: fetched when the view opens and again after every award.
import { useEffect } from 'react';
import { create } from 'zustand';
import type { Dashboard } from '../../../../preload/contract/progress';
import { useAppStore } from '../../app/app-store';
import { client } from '../../platform/client';
import { useProgressStore } from '../hud/progress-store';
import { useLearnStore } from '../learn/learn-store';
import { messageOf } from '../../../../preload/contract';

interface DashboardState {
  dashboard: Dashboard | null;
  error: string | null;
  loadedVersion: number;
  load(version: number): Promise<void>;
}

export const useDashboardStore = create<DashboardState>((set) => ({
  dashboard: null,
  error: null,
  loadedVersion: -1,
  async load(version) {
    set({ loadedVersion: version });
    try {
      set({ dashboard: await client().call('progress.dashboard', {}), error: null });
    } catch (error) {
      set({ error: `Your progress could not be loaded: ${messageOf(error)}. Reopen the Progress view to try again.` });
    }
  },
}));

/** Loads the dashboard now and after every award. */
export function useDashboard() {
  const version = useProgressStore((state) => state.version);
  const { dashboard, error, loadedVersion, load } = useDashboardStore();
  useEffect(() => {
    if (loadedVersion !== version) void load(version);
  }, [version, loadedVersion, load]);
  return { dashboard, error };
}

export function openRecommended(courseId: string, lessonId: string) {
  useLearnStore.getState().openLesson(courseId, lessonId);
  void useAppStore.getState().updateLayout({ activity: 'learn' });
}
