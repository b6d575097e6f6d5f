// One XP table and one streak rule for the app and the hosted API: a learner's fortnight of
// lessons, checks, quizzes and challenges (with module completions, a 7-day streak whose freeze
// bridges a missed day, bonuses on and off) syncs to a real `drona server`, and the leaderboard's
// all-time XP and streak equal what the HUD shows.
import { expect, test, type Page } from '@playwright/test';
import type { LearningEvent } from '../../preload/contract/progress';
import { contractCall as call } from './support/contract-call';
import { completeFirstRun } from './support/learner';
import { seedProgress } from './support/seed-progress';
import { startServe, tempDataDir, type ServeProcess } from './support/serve';
import { signInToSync, startSyncServer, type SyncServer } from './support/sync-server';

const day = 86_400_000;
const minute = 60_000;

/**
 * The course's lessons, three a day from 02:00 local time, on days 0–6 and 8–10 (day 7 missed,
 * day 10 yesterday): a 7-day streak earns a freeze that bridges day 7.
 */
function history(lessons: { id: string; type: string }[], timezone: string): LearningEvent[] {
  const days = [0, 1, 2, 3, 4, 5, 6, 8, 9, 10];
  const midnight = new Date();
  midnight.setHours(0, 0, 0, 0);
  const events: LearningEvent[] = [];
  lessons.slice(0, days.length * 3).forEach((lesson, i) => {
    const at = midnight.getTime() - (11 - days[Math.floor(i / 3)]!) * day + 120 * minute + (i % 3) * 20 * minute;
    const base = { courseId: 'python-basics', lessonId: lesson.id, timezone, elapsedSeconds: 300, lessonType: lesson.type };
    if (lesson.type === 'quiz') {
      events.push({ ...base, kind: 'quiz-passed', idempotencyKey: `quiz-passed:python-basics:${lesson.id}`, occurredAt: at, score: i % 2 ? 100 : 85 });
      return;
    }
    const checked = lesson.type !== 'concept';
    if (checked) events.push({ ...base, kind: 'check-passed', idempotencyKey: `check-passed:python-basics:${lesson.id}:1`, occurredAt: at - minute });
    const kind = lesson.type === 'challenge' ? 'challenge-completed' : 'lesson-completed';
    events.push({
      ...base,
      kind,
      idempotencyKey: `lesson-completed:python-basics:${lesson.id}`,
      occurredAt: at,
      firstAttempt: i % 2 === 0,
      hintsUsed: i % 3 === 0 ? 0 : 1,
    });
  });
  return events;
}

/** The number in a text such as "4,461 XP". */
const figure = (text: string | null) => Number((text ?? '').replace(/[^\d]/g, ''));

async function yourScore(page: Page, board: string): Promise<number> {
  await page.getByRole('button', { name: board, exact: true }).click();
  const you = page.locator('tr.you');
  await expect(you).toContainText('Mira');
  return figure(await you.locator('td').last().textContent());
}

test('for the same events, the leaderboard shows the XP and the streak the HUD shows', async ({ page }) => {
  test.setTimeout(300_000);
  const server = await startSyncServer(0, tempDataDir('drona-parity-server-'));
  const running: { serve?: ServeProcess } = {};
  try {
    await syncAndCompare(page, server, running);
  } finally {
    await running.serve?.stop();
    await server.stop();
  }
});

/** Signs in, records the history with the app closed, lets it sync, and compares the HUD with the leaderboard. */
async function syncAndCompare(page: Page, server: SyncServer, running: { serve?: ServeProcess }): Promise<void> {
  const env = { DRONA_SYNC_SERVER_URL: server.url, DRONA_SYNC_INTERVAL_MS: '300' };
  let serve = (running.serve = await startServe({ env }));
  await page.goto(serve.url);
  await completeFirstRun(page, 'Mira');
  await signInToSync(page, server.url, 'Mira');
  const course = await call<{ modules: { lessons: { id: string; type: string }[] }[] }>(page, 'courses.get', { courseId: 'python-basics' });
  const timezone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);

  // The fortnight is recorded by the app's own progress service while it is closed.
  const dataDir = serve.dataDir;
  await page.goto('about:blank');
  await serve.stop();
  const lessons = course.modules.flatMap((m) => m.lessons);
  expect(lessons.length).toBeGreaterThanOrEqual(30);
  await seedProgress(dataDir, history(lessons, timezone));
  serve = running.serve = await startServe({ dataDir, env });
  await page.goto(serve.url);
  await expect.poll(async () => (await call<{ pending: number }>(page, 'sync.status', {})).pending, { timeout: 60_000 }).toBe(0);

  const hud = page.getByRole('status', { name: 'Your progress' });
  const hudXp = figure(await hud.locator('.hud-xp-total').textContent());
  const snapshot = await call<{ totalXp: number; streak: { current: number } }>(page, 'progress.snapshot', {});
  expect(hudXp).toBe(snapshot.totalXp);
  expect(hudXp).toBeGreaterThan(2000); // module completions and bonuses included
  const hudStreak = figure(await hud.getByLabel(/day streak$/).textContent());
  expect(hudStreak).toBe(10); // the freeze bridged day 7

  await page.getByRole('button', { name: 'Leaderboard', exact: true }).click();
  expect(await yourScore(page, 'All-time XP')).toBe(hudXp);
  expect(await yourScore(page, 'Streaks')).toBe(hudStreak);
  await page.screenshot({ path: 'test-results/screenshots/xp-parity-leaderboard.png' });
}
