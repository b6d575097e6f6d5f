// Leaderboards from the sync server: the weekly league and the learner's neighbourhood on a board.
// The last answer per board is kept, so with the server gone the view still shows it, with its age.
import type { LeaderboardView } from '../../preload/contract/leaderboard';
import { aroundResponse, leagueResponse } from '../../common/sync-api/schemas';
import type { Store } from '../store/open-store';
import { asDronaError, type AccountSession } from '../sync/account-session';
import { readRow, writeRow } from '../sync/sync-state';

interface CachedBoard {
  fetchedAt: number;
  league: LeaderboardView['league'];
  around: LeaderboardView['around'];
}

export class LeaderboardService {
  constructor(
    private readonly store: Store,
    private readonly session: AccountSession,
    private readonly now: () => number = Date.now,
  ) {}

  async get(board: LeaderboardView['board'], courseId: string | undefined): Promise<LeaderboardView> {
    const account = this.session.account();
    // The key predates this folder; keeping it keeps the boards cached by earlier versions.
    const cacheKey = `sync.leaderboard:${board}:${courseId ?? ''}`;
    const base = { board, courseId: courseId ?? null, learnerId: account.learnerId };
    const cached = readRow<CachedBoard>(this.store, cacheKey);
    const fromCache = (error: string): LeaderboardView => ({
      ...base,
      fetchedAt: cached?.fetchedAt ?? null,
      fromCache: true,
      error,
      league: cached?.league ?? null,
      around: cached?.around ?? null,
    });
    if (!account.serverUrl) return fromCache('Leaderboards need a sync server: set one in Settings → Sync.');
    if (!account.signedIn) return fromCache('Sign in to the sync server to see leaderboards (Settings → Sync).');
    try {
      const fresh: CachedBoard = { fetchedAt: this.now(), league: null, around: null };
      if (board === 'week') fresh.league = await this.session.authorized('GET', '/v1/league', undefined, leagueResponse);
      const boardId = board === 'course' ? `course:${courseId ?? ''}` : board;
      const around = await this.session.authorized('GET', `/v1/leaderboards/${encodeURIComponent(boardId)}/around-me`, undefined, aroundResponse);
      fresh.around = { me: around.me, above: around.above, below: around.below };
      writeRow(this.store, cacheKey, fresh, this.now());
      return { ...base, ...fresh, fromCache: false, error: null };
    } catch (error) {
      return fromCache(asDronaError(error).message);
    }
  }
}
