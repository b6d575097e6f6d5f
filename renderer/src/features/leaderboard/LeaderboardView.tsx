// Leaderboards from the sync server: the week's league (promotion and demotion zones), all-time
// XP, streaks and per course, with "you" highlighted; a cached copy with its age when offline.
import { useEffect, useMemo } from 'react';
import type { LeaderboardView } from '../../../../preload/contract/leaderboard';
import { useCall } from '../../platform/use-call';
import { NeedsSyncServer } from '../settings/NeedsSyncServer';
import { openSettingsAt } from '../settings/settings-focus';
import { useRegisterCommands } from '../palette/command-registry';
import { useLeaderboard } from './leaderboard-store';
import { LeaderboardTable } from './LeaderboardTable';
import './leaderboard.css';

const boards: { id: LeaderboardView['board']; label: string }[] = [
  { id: 'week', label: "This week's league" },
  { id: 'all', label: 'All-time XP' },
  { id: 'streak', label: 'Streaks' },
];

export function LeaderboardSide() {
  const { board, courseId, select } = useLeaderboard();
  const { data: courses, error: coursesError } = useCall('courses.list', {});
  return (
    <nav aria-label="Leaderboards" className="side-list leaderboard-side">
      {boards.map((b) => (
        <button key={b.id} type="button" className="button" aria-pressed={board === b.id} onClick={() => select(b.id)}>
          {b.label}
        </button>
      ))}
      <label htmlFor="leaderboard-course">Per course</label>
      <select id="leaderboard-course" value={board === 'course' ? (courseId ?? '') : ''} onChange={(e) => e.target.value && select('course', e.target.value)}>
        <option value="">Choose a course…</option>
        {(courses ?? []).map((c) => (
          <option key={c.id} value={c.id}>
            {c.title}
          </option>
        ))}
      </select>
      {coursesError && <p className="form-error">{coursesError}</p>}
    </nav>
  );
}

function age(fetchedAt: number): string {
  const minutes = Math.round((Date.now() - fetchedAt) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} h ago` : `${Math.round(hours / 24)} days ago`;
}

export function LeaderboardCanvas() {
  const { view, loading, refresh, board } = useLeaderboard();
  const { data: sync } = useCall('sync.status', {});
  const commands = useMemo(() => [{ id: 'leaderboard.refresh', title: 'Refresh leaderboard', category: 'Leaderboard', run: () => void refresh() }], [refresh]);
  useRegisterCommands(commands);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  const title =
    board === 'course' ? `Course leaderboard${view?.courseId ? `: ${view.courseId}` : ''}` : (boards.find((b) => b.id === board)?.label ?? 'Leaderboard');
  const noServer = sync !== null && !sync.serverUrl;
  if (noServer) {
    return (
      <div className="leaderboard panel-pad">
        <h1>{title}</h1>
        <NeedsSyncServer
          title="Leaderboards need a sync server"
          why="Scores are compared on a server your school, bootcamp or you run (drona server). Set its address and sign in to see where you stand."
          offline="your XP, streak, level and achievements are kept on this computer: see Progress. They are sent when a server is set."
        />
      </div>
    );
  }
  return (
    <div className="leaderboard panel-pad">
      <h1>{title}</h1>
      <p className="muted leaderboard-meta" role="status">
        {loading
          ? 'Loading…'
          : view && view.fetchedAt !== null
            ? `Updated ${age(view.fetchedAt)}${view.fromCache ? ' (cached copy: the server could not be reached)' : ''}`
            : ''}{' '}
        <button type="button" className="button" onClick={() => void refresh()}>
          Refresh
        </button>
      </p>
      {view && view.fetchedAt === null && !loading ? (
        // A server is set but was never reached: say so, and where to check its address.
        <section className="empty-state" aria-labelledby="leaderboard-unreached">
          <h2 id="leaderboard-unreached">The sync server has not answered yet</h2>
          {view.error && <p className="muted">{view.error}</p>}
          <p className="muted">Your XP, streak and achievements are kept on this computer meanwhile (see Progress) and sent when it answers.</p>
          <button type="button" className="button" onClick={() => openSettingsAt('sync-server')}>
            Check the server address
          </button>
        </section>
      ) : (
        view?.error && <p className="muted">{view.error}</p>
      )}
      {view?.league && (
        <section aria-labelledby="league-title">
          <h2 id="league-title">
            {view.league.tierName} league · week {view.league.week}
          </h2>
          <p className="muted">
            The top {view.league.promote} move up a league at the end of your week; the bottom {view.league.demote} move down.
          </p>
          {view.league.members.length === 0 ? (
            <p className="muted">Earn XP this week to join a league.</p>
          ) : (
            <LeaderboardTable
              rows={view.league.members}
              isMe={(row) => row.learnerId === view.learnerId}
              zone={(row) => (row.rank <= view.league!.promote ? 'promote' : row.rank > view.league!.members.length - view.league!.demote ? 'demote' : null)}
            />
          )}
        </section>
      )}
      {view?.around && (
        <section aria-labelledby="around-title">
          <h2 id="around-title">{view.around.me ? `You are #${view.around.me.rank}` : 'Top learners'}</h2>
          <LeaderboardTable
            rows={[...view.around.above, ...(view.around.me ? [view.around.me] : []), ...view.around.below]}
            isMe={(row) => row.learnerId === view.learnerId}
          />
          {!view.around.me && <p className="muted">You are not listed: earn XP on this board, or opt in to leaderboards in Settings → Sync.</p>}
        </section>
      )}
    </div>
  );
}
