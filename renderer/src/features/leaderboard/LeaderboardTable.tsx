// The one leaderboard table, for the global boards and a cohort's: rank, name and score, the
// learner's own row marked (and, in a league, the promotion and demotion zones).
import type { LeaderboardRow } from '../../../../preload/contract/leaderboard';
import { ColumnHeads } from '../../platform/ColumnHeads';
import './leaderboard-table.css';

export type Zone = 'promote' | 'demote' | null;

export function LeaderboardTable<Row extends LeaderboardRow>({
  rows,
  isMe,
  label,
  scoreLabel = 'Score',
  zone,
}: {
  rows: readonly Row[];
  isMe: (row: Row) => boolean;
  label?: string;
  scoreLabel?: string;
  zone?: (row: Row) => Zone;
}) {
  return (
    <table className="leaderboard-table" aria-label={label}>
      <ColumnHeads labels={['Rank', 'Learner', scoreLabel]} />
      <tbody>
        {rows.map((row) => {
          const z = zone?.(row) ?? null;
          const you = isMe(row);
          return (
            <tr key={row.learnerId} className={[you ? 'you' : '', z ?? ''].join(' ').trim() || undefined} aria-current={you ? 'true' : undefined}>
              <td>{row.rank}</td>
              <td>
                {/* Isolated: a name stored with a bidi override cannot reorder the tags after it. */}
                <bdi dir="auto">{row.displayName}</bdi>
                {you && <span className="you-tag"> (you)</span>}
                {z === 'promote' && <span className="zone-tag"> ↑ promotion zone</span>}
                {z === 'demote' && <span className="zone-tag"> ↓ demotion zone</span>}
              </td>
              <td>{row.score}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
