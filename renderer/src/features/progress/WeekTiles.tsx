import type { Dashboard } from '../../../../preload/contract/progress';
import { formatDuration } from './format';

/** This week's lessons, XP, time and best day, as the side panel and the weekly summary show them. */
export function WeekTiles({ week, bestDay, wide = false }: { week: Dashboard['week']; bestDay: string; wide?: boolean }) {
  return (
    <dl className={wide ? 'progress-tiles wide' : 'progress-tiles'}>
      <div>
        <dt>Lessons</dt>
        <dd>{week.lessons}</dd>
      </div>
      <div>
        <dt>XP</dt>
        <dd>{week.xp.toLocaleString()}</dd>
      </div>
      <div>
        <dt>Time</dt>
        <dd>{formatDuration(week.activeSeconds)}</dd>
      </div>
      <div>
        <dt>Best day</dt>
        <dd>{bestDay}</dd>
      </div>
    </dl>
  );
}
