// The weekly digest: one week's time, lessons, XP, reviews, mastery gained and streak, with the
// weeks before and after one click away. Shown in the Progress canvas.
import { ChevronLeft, ChevronRight } from 'lucide-react';
import { useEffect } from 'react';
import type { WeeklyDigest } from '../../../../preload/contract/progress-metrics';
import { ColumnHeads } from '../../platform/ColumnHeads';
import { formatDuration } from './format';
import { useInsightsStore } from './insights-store';
import { Tiles } from './WeekTiles';
import { ProgressCard } from './ProgressCard';

const shortDate = (date: string) => new Date(`${date}T12:00:00Z`).toLocaleDateString(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });
const weekday = (date: string) => new Date(`${date}T12:00:00Z`).toLocaleDateString(undefined, { weekday: 'short', timeZone: 'UTC' });

export function WeeklyDigestPage() {
  const { digest, digestError, digestRequested, openDigest, closeDigest } = useInsightsStore();
  useEffect(() => {
    // Opened without a week (the command, the side panel before any answer): this week's digest.
    if (!digest && !digestError && digestRequested === null) void openDigest();
  }, [digest, digestError, digestRequested, openDigest]);
  return (
    <div className="progress-dashboard digest">
      <header className="progress-header digest-header">
        <div>
          <h1>Weekly digest</h1>
          {digest && (
            <p className="muted">
              {shortDate(digest.weekStart)} – {shortDate(digest.weekEnd)}
            </p>
          )}
        </div>
        <nav className="digest-nav" aria-label="Weeks">
          <button className="button" disabled={!digest} onClick={() => digest && void openDigest(digest.previousWeekStart)}>
            <ChevronLeft size={14} aria-hidden="true" /> Previous week
          </button>
          <button className="button" disabled={!digest?.nextWeekStart} onClick={() => digest?.nextWeekStart && void openDigest(digest.nextWeekStart)}>
            Next week <ChevronRight size={14} aria-hidden="true" />
          </button>
          <button className="button" onClick={closeDigest}>
            Back to Progress
          </button>
        </nav>
      </header>
      {digestError ? <p role="alert">{digestError}</p> : digest ? <DigestBody digest={digest} /> : <p className="muted">Summing up the week…</p>}
    </div>
  );
}

function DigestBody({ digest }: { digest: WeeklyDigest }) {
  const quiet = digest.activeSeconds === 0 && digest.lessons === 0 && digest.xp === 0 && digest.reviews === 0;
  const gained = Math.round(digest.masteryGained * 100);
  return (
    <>
      {quiet && <p className="progress-card muted">A quiet week: nothing was recorded. A short lesson or a few review cards start the next one.</p>}
      <ProgressCard id="digest-totals" title="The week in numbers">
        <Tiles
          wide
          tiles={[
            ['Time learning', formatDuration(digest.activeSeconds)],
            ['Lessons', digest.lessons],
            ['XP', digest.xp.toLocaleString()],
            [
              'Reviews',
              <>
                {digest.reviews}
                {digest.reviews > 0 && <span className="digest-sub"> ({digest.reviewsRecalled} remembered)</span>}
              </>,
            ],
            ['Mastery gained', `${gained >= 0 ? '+' : ''}${gained} pts`],
            [
              'Streak',
              <>
                {digest.streak.current} days <span className="digest-sub">(longest {digest.streak.longest})</span>
              </>,
            ],
          ]}
        />
      </ProgressCard>
      <ProgressCard id="digest-days" title="Day by day">
        <table className="digest-days">
          <ColumnHeads labels={['Day', 'Time', 'XP']} />
          <tbody>
            {digest.days.map((day) => (
              <tr key={day.date}>
                <th scope="row">{`${weekday(day.date)} ${shortDate(day.date)}`}</th>
                <td>{formatDuration(day.activeSeconds)}</td>
                <td>{day.xp}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ProgressCard>
      <ProgressCard id="digest-mastered" title="Concepts mastered">
        {digest.conceptsMastered.length ? (
          <ul>
            {digest.conceptsMastered.map((concept) => (
              <li key={`${concept.courseId}/${concept.conceptId}`}>{concept.title}</li>
            ))}
          </ul>
        ) : (
          <p className="muted">None this week. Mastery grows with quiz answers, Checks and reviews.</p>
        )}
      </ProgressCard>
    </>
  );
}
