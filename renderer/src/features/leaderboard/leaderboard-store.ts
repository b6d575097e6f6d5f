import { create } from 'zustand';
import type { LeaderboardView } from '../../../../preload/contract/leaderboard';
import { client } from '../../platform/client';

type Board = LeaderboardView['board'];

interface LeaderboardState {
  board: Board;
  courseId: string | null;
  view: LeaderboardView | null;
  loading: boolean;
  select(board: Board, courseId?: string | null): void;
  refresh(): Promise<void>;
}

export const useLeaderboard = create<LeaderboardState>((set, get) => ({
  board: 'week',
  courseId: null,
  view: null,
  loading: false,
  select(board, courseId = null) {
    set({ board, courseId, view: null });
    void get().refresh();
  },
  async refresh() {
    const { board, courseId } = get();
    if (board === 'course' && !courseId) return;
    set({ loading: true });
    try {
      const view = await client().call('leaderboard.get', { board, ...(courseId ? { courseId } : {}) });
      if (get().board === board && get().courseId === courseId) set({ view });
    } finally {
      set({ loading: false });
    }
  },
}));
