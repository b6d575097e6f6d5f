// The streak reminder in serve mode. Time is controlled without touching the clock: the learner's
// timezone is UTC, a 6-day streak is seeded into the data folder on the six days before today
// (UTC) before the server starts, and the reminder time is set to 00:00, which has always passed
// today. Turning the reminder on at a time already past reminds at once; the app's own clock does
// the rest.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { contractCall as call } from './support/contract-call';
import { completeFirstRun } from './support/learner';
import { lessonCompleted, seedProgress } from './support/seed-progress';
import { startServe, tempDataDir, type ServeProcess } from './support/serve';

test.describe.configure({ timeout: 120_000 });

let serve: ServeProcess | undefined;
test.afterEach(async ({ page }) => {
  await page.close();
  await serve?.stop();
  serve = undefined;
});

const DAY_MS = 86_400_000;
const SEEDED_LESSONS = ['hello-python', 'numbers-and-strings', 'greeting', 'temperature', 'values-quiz', 'conditions'];

/**
 * A data folder whose learner finished one lesson on each of the six days before today (UTC), with
 * the reminder off: on, at its default 20:00, it would fire as the server starts when a run falls
 * late in the UTC evening, before the test could turn it on itself.
 */
async function dataDirWithSixDayStreak(): Promise<string> {
  const dataDir = tempDataDir();
  const now = Date.now();
  const lessons = SEEDED_LESSONS.map((lessonId, i) => lessonCompleted(lessonId, now - (SEEDED_LESSONS.length - i) * DAY_MS));
  await seedProgress(dataDir, lessons, { streakReminder: { enabled: false, time: '20:00' } });
  return dataDir;
}

/** First run, as a learner in UTC (the timezone the streak was seeded in). */
async function startAsLearnerInUtc(page: Page) {
  await completeFirstRun(page);
  await call(page, 'profile.update', { timezone: 'UTC' });
}

const banner = (page: Page) => page.getByRole('status', { name: 'Streak reminder' });
/** Waits until the window has loaded its figures (the HUD), which is when it asks for a pending reminder. */
async function settled(page: Page) {
  await expect(page.getByRole('status', { name: 'Your progress' }).getByLabel('6 day streak')).toBeVisible();
  await page.waitForTimeout(1500);
}

test('turned on at a time already past, the reminder shows (axe-clean); Continue learning opens the next lesson; it does not come back today', async ({
  page,
}) => {
  serve = await startServe({ dataDir: await dataDirWithSixDayStreak() });
  await page.goto(serve.url);
  await startAsLearnerInUtc(page);
  await page.reload();
  await settled(page);
  await expect(banner(page)).toHaveCount(0);

  await page.getByRole('navigation', { name: 'Activities' }).getByRole('button', { name: 'Settings' }).click();
  const toggle = page.getByRole('checkbox', { name: 'Streak reminder' });
  await expect(toggle).not.toBeChecked();
  await expect(page.getByLabel('Remind me at')).toBeDisabled();
  await toggle.check();
  await page.getByLabel('Remind me at').fill('00:00');

  await expect(banner(page)).toBeVisible();
  await expect(banner(page)).toContainText(/Your 6-day streak ends in (\d+ h )?\d+ (h|min)\. One lesson keeps it going\./);
  await page.screenshot({ path: 'test-results/screenshots/streak-reminder-banner.png' });
  const axe = await new AxeBuilder({ page }).include('.streak-reminder').include('.settings').analyze();
  expect(axe.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')).toEqual([]);

  // Keyboard: the buttons are ordinary, focusable buttons.
  const continueLearning = banner(page).getByRole('button', { name: 'Continue learning' });
  await continueLearning.focus();
  await expect(continueLearning).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('h1.lesson-title')).toHaveText('Repeating with for and while');
  await expect(banner(page)).toHaveCount(0);

  await page.reload();
  await settled(page);
  await expect(banner(page)).toHaveCount(0);
  expect(await call(page, 'progress.pendingStreakReminder', {})).toBeNull();

  // A restart the same day stays quiet too.
  const dataDir = serve.dataDir;
  await serve.stop();
  serve = await startServe({ dataDir });
  await page.goto(serve.url);
  await settled(page);
  await expect(banner(page)).toHaveCount(0);
});

test('a reminder not yet answered is shown by a window opened later; Not today puts it away; learning today ends it', async ({ page }) => {
  serve = await startServe({ dataDir: await dataDirWithSixDayStreak() });
  await page.goto(serve.url);
  await startAsLearnerInUtc(page);
  await call(page, 'settings.update', { streakReminder: { enabled: true, time: '00:00' } });

  // The server restarts; the window opened afterwards asks for the reminder it missed.
  const dataDir = serve.dataDir;
  await page.goto('about:blank');
  await serve.stop();
  serve = await startServe({ dataDir });
  await page.goto(serve.url);
  await expect(banner(page)).toBeVisible();
  await banner(page).getByRole('button', { name: 'Not today' }).click();
  await expect(banner(page)).toHaveCount(0);
  await page.reload();
  await settled(page);
  await expect(banner(page)).toHaveCount(0);

  // The next day's reminder would come again; learning today means none is due.
  await call(page, 'lesson.complete', { courseId: 'python-basics', lessonId: 'loops' });
  expect(await call(page, 'progress.pendingStreakReminder', {})).toBeNull();
});
