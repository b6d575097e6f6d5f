// The Progress activity: the side panel (this week, what to learn next) and the dashboard
// canvas. The canvas and its charts (recharts) load lazily, only when the view opens.
import { lazy, Suspense } from 'react';
import { openRecommended, useDashboard } from './dashboard-store';
import { WeekTiles } from './WeekTiles';
import './progress.css';

const ProgressDashboard = lazy(() => import('./ProgressDashboard'));

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
    </div>
  );
}

export function ProgressCanvas() {
  return (
    <Suspense fallback={<p className="panel-pad muted">Loading charts…</p>}>
      <ProgressDashboard />
    </Suspense>
  );
}
