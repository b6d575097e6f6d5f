// The Progress activity: the side panel (this week, what to learn next, the weekly digest) and
// the dashboard canvas or the digest page. The dashboard and its charts (recharts) are a lazy
// chunk, fetched when the browser is idle after start-up so opening the view does not wait for it.
import { lazy, Suspense } from 'react';
import { openRecommended, useDashboard } from './dashboard-store';
import { useInsightsStore } from './insights-store';
import { WeekTiles } from './WeekTiles';
import { WeeklyDigestPage } from './WeeklyDigestPage';
import './progress.css';

const loadDashboard = () => import('./ProgressDashboard');
const ProgressDashboard = lazy(loadDashboard);
if (typeof requestIdleCallback === 'function') requestIdleCallback(() => void loadDashboard(), { timeout: 5000 });

export function ProgressSide() {
  const { dashboard } = useDashboard();
  if (!dashboard) return <p className="panel-pad muted">Loading your progress…</p>;
  const { week, recommended } = dashboard;
  return (
    <div className="progress-side panel-pad">
      <section aria-labelledby="week-heading">
        <h2 id="week-heading">This week</h2>
        <WeekTiles
          week={week}
          bestDay={week.bestDay ? new Date(`${week.bestDay.date}T12:00:00Z`).toLocaleDateString(undefined, { weekday: 'short', timeZone: 'UTC' }) : '—'}
        />
      </section>
      <section aria-labelledby="next-heading">
        <h2 id="next-heading">Next up</h2>
        {recommended ? (
          <>
            <p>
              <strong>{recommended.title}</strong>
              <br />
              <span className="muted">{recommended.courseTitle}</span>
            </p>
            <button className="button primary" onClick={() => openRecommended(recommended.courseId, recommended.lessonId)}>
              Continue learning
            </button>
          </>
        ) : (
          <p className="muted">Install a course from Learn to get a recommendation.</p>
        )}
      </section>
      <section aria-labelledby="digest-heading">
        <h2 id="digest-heading">Weekly digest</h2>
        <button className="button" onClick={() => void useInsightsStore.getState().openDigest()}>
          Open weekly digest
        </button>
      </section>
    </div>
  );
}

export function ProgressCanvas() {
  const digestOpen = useInsightsStore((state) => state.digestOpen);
  if (digestOpen) return <WeeklyDigestPage />;
  return (
    <Suspense fallback={<p className="panel-pad muted">Loading charts…</p>}>
      <ProgressDashboard />
    </Suspense>
  );
}
