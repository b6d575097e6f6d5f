// A calendar heatmap of qualifying activities per local day: 26 weeks, Monday first.
const WEEKS = 26;
const CELL = 12;
const GAP = 3;
const DAY_MS = 86_400_000;

function dayOf(date: string) {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

export function ActivityHeatmap({ days, today }: { days: readonly { date: string; count: number }[]; today: string }) {
  const counts = new Map(days.map((day) => [day.date, day.count]));
  const last = dayOf(today);
  const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7;
  const first = last - weekday - (WEEKS - 1) * 7;
  const max = Math.max(1, ...days.map((day) => day.count));
  const cells = [];
  let active = 0;
  for (let day = first; day <= last; day++) {
    const date = new Date(day * DAY_MS).toISOString().slice(0, 10);
    const count = counts.get(date) ?? 0;
    if (count) active++;
    const level = count === 0 ? 0 : Math.ceil((count / max) * 4);
    const column = Math.floor((day - first) / 7);
    const row = (day - first) % 7;
    cells.push(
      <rect key={date} className={`heat heat-${level}`} x={column * (CELL + GAP)} y={row * (CELL + GAP)} width={CELL} height={CELL} rx={2}>
        <title>{`${date}: ${count} ${count === 1 ? 'activity' : 'activities'}`}</title>
      </rect>,
    );
  }
  return (
    <div className="heatmap">
      <svg
        role="img"
        aria-label={`Activity calendar, last ${WEEKS} weeks: active on ${active} days`}
        width={WEEKS * (CELL + GAP)}
        height={7 * (CELL + GAP)}
        viewBox={`0 0 ${WEEKS * (CELL + GAP)} ${7 * (CELL + GAP)}`}
      >
        {cells}
      </svg>
      <p className="heatmap-legend muted" aria-hidden="true">
        Less <span className="heat-swatch heat-0" /> <span className="heat-swatch heat-1" /> <span className="heat-swatch heat-2" />{' '}
        <span className="heat-swatch heat-3" /> <span className="heat-swatch heat-4" /> More
      </p>
    </div>
  );
}
