// Progress and gamification in serve mode: the HUD follows recorded learning events (XP,
// level, streak, toasts), the gamification mode changes what it shows, and the Progress view
// renders its charts. The first test completes a lesson and a Check in the real lesson UI;
// further events go through the `progress.record` contract call from the page.
import { expect, test, type Page } from '@playwright/test';
import { contractCall as call } from './support/contract-call';
import { completeFirstRun } from './support/learner';
import { startServe, type ServeProcess } from './support/serve';

// Each test starts its own server and browser; on a busy 2-core machine that alone can take half a minute.
test.describe.configure({ timeout: 120_000 });

let serve: ServeProcess | undefined;
test.afterEach(async ({ page }) => {
  await page.close(); // the page's socket closes first, so the server stops promptly
  await serve?.stop();
  serve = undefined;
});

/** Calls the contract over the page's own origin (the token cookie authenticates the socket). */
const timezone = 'UTC';
const event = (kind: string, lessonId: string, facts: Record<string, unknown> = {}) => ({
  kind,
  idempotencyKey: `${kind}:python-basics:${lessonId}`,
  courseId: 'python-basics',
  lessonId,
  occurredAt: Date.now(),
  timezone,
  ...facts,
});

async function firstLessonAndCheck(page: Page) {
  await call(page, 'progress.record', event('lesson-completed', 'hello-python', { firstAttempt: true, lessonType: 'concept' }));
  await call(page, 'progress.record', event('check-passed', 'collatz', { firstAttempt: true }));
  await call(page, 'progress.record', event('challenge-completed', 'collatz', { firstAttempt: true, hintsUsed: 0, idempotencyKey: 'lesson-completed:python-basics:collatz' }));
}

const RIGHT = 'def make_greeting(name):\n    return f"Hello, {name}!"\n';

async function openLessonFromSide(page: Page, title: string) {
  const learn = page.getByRole('navigation', { name: 'Activities' }).getByRole('button', { name: 'Learn' });
  // Clicking the current activity toggles its side panel, so only switch when elsewhere.
  if ((await learn.getAttribute('aria-current')) !== 'page') await learn.click();
  const side = page.getByRole('complementary', { name: /side panel/ });
  const lesson = side.getByText(title, { exact: true });
  if ((await lesson.count()) === 0) await side.getByRole('button', { name: /Python Basics \d+\/\d+$/ }).click();
  await lesson.click();
  await expect(page.locator('h1.lesson-title')).toHaveText(title);
}

test('completing a lesson and a check in the lesson UI moves XP and level in the HUD, with toasts', async ({ page }) => {
  serve = await startServe();
  await page.goto(serve.url);
  await completeFirstRun(page);
  const hud = page.getByRole('status', { name: 'Your progress' });
  await expect(hud).toContainText('Level 1');
  await expect(hud).toContainText('0 XP');

  // A concept lesson, completed with "Mark complete".
  await openLessonFromSide(page, 'Hello, Python');
  await page.getByRole('button', { name: 'Mark complete' }).click();
  await expect(hud).toContainText('50 XP');
  await expect(page.getByText('+50 XP')).toBeVisible();
  await expect(page.getByText('Achievement unlocked: First Steps')).toBeVisible();
  await expect(hud.getByLabel('1 day streak')).toBeVisible();

  // A guided exercise, completed by a passing Check (first attempt, on a streak: 50 + 25 % + 10 %).
  await openLessonFromSide(page, 'Guided: a greeting function');
  await page.locator('.monaco-editor').first().click();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(RIGHT);
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'All 3 tests pass' })).toBeVisible({ timeout: 60_000 });
  await expect(hud).toContainText('117 XP');
  await expect(page.getByText('+67 XP')).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/progress-hud-lesson-check.png' });

  // More learning through the contract the lesson UI uses, up to a level-up.
  await call(page, 'progress.record', event('challenge-completed', 'collatz', { firstAttempt: true, hintsUsed: 0, idempotencyKey: 'lesson-completed:python-basics:collatz' }));
  await expect(page.getByText('Achievement unlocked: No Hints Needed')).toBeVisible();
  // A double click (the same event again) awards nothing.
  await call(page, 'progress.record', event('challenge-completed', 'collatz', { hintsUsed: 0, idempotencyKey: 'lesson-completed:python-basics:collatz' }));
  await expect(hud).toContainText('417 XP');
  await call(page, 'progress.record', event('quiz-passed', 'values-quiz', { score: 100, firstAttempt: true }));
  await expect(hud).toContainText('567 XP');
  await expect(hud).toContainText('Level 2');
  await expect(page.getByText('Level up! You reached level 2')).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/progress-hud-toasts.png' });

  // The figures survive a reload (derived from the ledger, one snapshot at start).
  await page.reload();
  await expect(page.getByRole('status', { name: 'Your progress' })).toContainText('567 XP');
});

test('the gamification mode changes what the HUD shows', async ({ page }) => {
  serve = await startServe();
  await page.goto(serve.url);
  await completeFirstRun(page);
  await firstLessonAndCheck(page);
  const hud = page.getByRole('status', { name: 'Your progress' });
  await expect(hud.getByRole('progressbar')).toBeVisible();

  await page.getByRole('navigation', { name: 'Activities' }).getByRole('button', { name: 'Settings' }).click();
  const mode = page.getByLabel('Game elements');
  await mode.selectOption('minimal');
  await expect(hud).toContainText('Level 1');
  await expect(hud.getByRole('progressbar')).toHaveCount(0);
  await expect(hud).not.toContainText('XP');
  await expect(hud.getByLabel(/day streak/)).toBeVisible();

  await mode.selectOption('off');
  await expect(page.getByRole('status', { name: 'Your progress' })).toHaveCount(0);
  // Progress is still tracked while nothing is shown.
  expect(await call(page, 'progress.record', event('lesson-completed', 'greeting', { lessonType: 'concept' }))).toMatchObject({ totalXp: 417 });
  await expect(page.getByText(/\+55 XP/)).toHaveCount(0);

  await mode.selectOption('moderate');
  await expect(page.getByRole('status', { name: 'Your progress' })).toContainText('417 XP');
  await expect(page.locator('.hud-animated')).toHaveCount(0);
  await mode.selectOption('full');
  await expect(page.locator('.hud-animated')).toHaveCount(1);
});

test('the HUD does not animate when the OS asks for reduced motion', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  serve = await startServe();
  await page.goto(serve.url);
  await completeFirstRun(page);
  await call(page, 'progress.record', event('lesson-completed', 'hello-python', { firstAttempt: true }));
  await expect(page.getByText('+62 XP')).toBeVisible();
  await expect(page.locator('.hud-animated')).toHaveCount(0);
  await expect(page.locator('.hud-toasts.animate')).toHaveCount(0);
});

test('the Progress view renders its charts, summary and achievements in both themes', async ({ page }) => {
  serve = await startServe();
  await page.setViewportSize({ width: 1400, height: 1000 });
  await page.goto(serve.url);
  await completeFirstRun(page);
  await firstLessonAndCheck(page);
  await page.getByRole('navigation', { name: 'Activities' }).getByRole('button', { name: 'Progress' }).click();
  const canvas = page.getByRole('main', { name: 'Progress' });
  await expect(canvas.getByRole('heading', { name: 'Progress', level: 1 })).toBeVisible();
  for (const heading of ['XP over time', 'Activity', 'Learning velocity', 'Streak history', 'Courses', /Achievements/, /Weekly summary/]) {
    await expect(canvas.getByRole('heading', { name: heading })).toBeVisible();
  }
  await expect(canvas.locator('.recharts-surface').first()).toBeVisible();
  await expect(canvas.getByRole('img', { name: /Activity calendar.*active on 1 days/ })).toBeVisible();
  await expect(canvas.getByRole('listitem', { name: 'First Steps: earned' })).toBeVisible();
  await expect(canvas.getByRole('listitem', { name: 'Getting Going: in progress' })).toContainText('2 / 10');
  await expect(canvas.getByRole('listitem', { name: 'Hidden achievement: hidden' }).first()).toBeVisible();
  const side = page.getByRole('complementary', { name: /side panel/ });
  await expect(side.getByRole('heading', { name: 'This week' })).toBeVisible();
  await expect(side).toContainText('362');
  await page.screenshot({ path: 'test-results/screenshots/progress-view-dark.png' });
  const html = page.locator('html');
  const before = await html.getAttribute('data-theme');
  await page.getByRole('button', { name: /Switch to (light|dark) theme/ }).click();
  await expect(html).not.toHaveAttribute('data-theme', before ?? '');
  await expect(canvas.locator('[data-chart-theme]')).toHaveAttribute('data-chart-theme', (await html.getAttribute('data-theme'))!);
  await page.screenshot({ path: 'test-results/screenshots/progress-view-light.png' });
});
