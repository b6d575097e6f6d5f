// Leaderboards against the real hosted API on loopback: a fresh board, then the cached one with
// its age when the server is gone, and plain words when there is no server or no sign-in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HostedApiHarness } from '../sync/testing/hosted-api-harness';
import { LeaderboardService } from './leaderboard-service';

describe('leaderboards against the hosted API', () => {
  let h: HostedApiHarness;
  let leaderboard: LeaderboardService;

  beforeAll(async () => {
    h = await HostedApiHarness.create('drona-leaderboard-');
    leaderboard = new LeaderboardService(h.store, h.sync, () => h.clock);
  });
  afterAll(() => h.close());

  it('asks the learner to sign in before showing a board', async () => {
    const board = await leaderboard.get('all', undefined);
    expect(board).toMatchObject({ fromCache: true, fetchedAt: null, around: null, error: expect.stringContaining('Sign in') });
  });

  it('shows the cached leaderboard with its age when the server is gone', async () => {
    await h.start();
    await h.sync.signIn({ displayName: 'Olu', optedIn: true });
    h.addEvent('lesson-completed:course:one', 'lesson-completed', 'one', h.clock - 60_000);
    expect((await h.sync.syncNow()).pending).toBe(0);
    const fresh = await leaderboard.get('all', undefined);
    expect(fresh.fromCache).toBe(false);
    expect(fresh.around!.me).toMatchObject({ rank: 1, displayName: 'Olu' });
    await h.stop();
    h.clock += 600_000;
    const cached = await leaderboard.get('all', undefined);
    expect(cached).toMatchObject({ fromCache: true, fetchedAt: fresh.fetchedAt, around: fresh.around });
    expect(cached.error).toMatch(/cannot be reached/);
  });

  it('shows the weekly league with the board around the learner', async () => {
    await h.start();
    const week = await leaderboard.get('week', undefined);
    expect(week).toMatchObject({ fromCache: false, error: null, board: 'week' });
    expect(week.league).not.toBeNull();
    await h.stop();
  });
});
