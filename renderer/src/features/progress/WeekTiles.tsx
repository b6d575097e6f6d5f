import type { ReactNode } from 'react';
import type { Dashboard } from '../../../../preload/contract/progress';
import { formatDuration } from './format';

/** Labelled figures in a row of tiles: the side panel's week, the weekly summary and the digest. */
export function Tiles({ tiles, wide = false }: { tiles: readonly (readonly [label: string, value: ReactNode])[]; wide?: boolean }) {
  return (
    <dl className={wide ? 'progress-tiles wide' : 'progress-tiles'}>
      {tiles.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** This week's lessons, XP, time and best day, as the side panel and the weekly summary show them. */
export function WeekTiles({ week, bestDay, wide = false }: { week: Dashboard['week']; bestDay: string; wide?: boolean }) {
  return (
    <Tiles
      wide={wide}
      tiles={[
        ['Lessons', week.lessons],
        ['XP', week.xp.toLocaleString()],
        ['Time', formatDuration(week.activeSeconds)],
        ['Best day', bestDay],
      ]}
    />
  );
}
