// Tests speak in wall-clock times ("2026-03-08T01:59" in America/New_York): this turns one into
// the instant, by correcting a UTC guess with what the timezone shows (three passes settle DST).

/** The instant when the wall clock in `timezone` shows `wall` (YYYY-MM-DDTHH:mm[:ss]). */
export function at(timezone: string, wall: string): number {
  const [date, time] = wall.split('T') as [string, string];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm, ss = 0] = time.split(':').map(Number) as [number, number, number?];
  const target = Date.UTC(y, m - 1, d, hh, mm, ss);
  let guess = target;
  for (let i = 0; i < 3; i++) {
    const shown = new Date(guess).toLocaleString('sv-SE', { timeZone: timezone }).replace(' ', 'T');
    const [sd, st] = shown.split('T') as [string, string];
    const [sy, sm, sdd] = sd.split('-').map(Number) as [number, number, number];
    const [sh, smin, ssec] = st.split(':').map(Number) as [number, number, number];
    guess += target - Date.UTC(sy, sm - 1, sdd, sh, smin, ssec);
  }
  return guess;
}
