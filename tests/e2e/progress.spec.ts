// Progress and gamification in serve mode: the HUD follows what the learner does (XP, level,
// streak, toasts), the gamification mode changes what it shows, and the Progress view renders
// its charts. Learning happens in the real lesson UI and its calls (Mark complete, Check, quiz
// answers); earlier history is seeded into the data folder before the server starts, since a
// window cannot record learning events itself.
import { expect, test, type Page } from '@playwright/test';
import { contractCall as call } from './support/contract-call';
import { rightQuizAnswers, solutionOf } from './support/course-answers';
import { completeFirstRun, replaceEditorText } from './support/learner';
import { lessonCompleted, seedProgress } from './support/seed-progress';
import { startServe, tempDataDir, type ServeProcess } from './support/serve';

// Each test starts its own server and browser; on a busy 2-core machine that alone can take half a minute.
test.describe.configure({ timeout: 120_000 });

let serve: ServeProcess | undefined;
test.afterEach(async ({ page }) => {
  await page.close(); // the page's socket closes first, so the server stops promptly
  await serve?.stop();
  serve = undefined;
});

/** A data folder holding today's first lesson and the Collatz challenge done without hints (362 XP). */
async function dataDirWithFirstLessonAndChallenge(): Promise<string> {
  const dataDir = tempDataDir();
  const now = Date.now();
  await seedProgress(dataDir, [
    lessonCompleted('hello-python', now, { firstAttempt: true, lessonType: 'concept' }),
    {
      kind: 'check-passed',
      idempotencyKey: 'check-passed:python-basics:collatz:1',
      courseId: 'python-basics',
      lessonId: 'collatz',
      occurredAt: now,
      timezone: 'UTC',
    },
    {
      kind: 'challenge-completed',
      idempotencyKey: 'lesson-completed:python-basics:collatz',
      courseId: 'python-basics',
      lessonId: 'collatz',
      occurredAt: now,
      timezone: 'UTC',
      firstAttempt: true,
      hintsUsed: 0,
    },
  ]);
  return dataDir;
}

const RIGHT = 'def make_greeting(name):\n    return f"Hello, {name}!"\n';

/** Pastes `text` over the editor's content: a paste keeps its indentation, where typing would auto-indent it again. */

async function openLessonFromSide(page: Page, title: string) {
  const learn = page.getByRole('navigation', { name: 'Activities' }).getByRole('button', { name: 'Learn' });
  // Clicking the current activity toggles its side panel, so only switch when elsewhere.
  if ((await learn.getAttribute('aria-current')) !== 'page') await learn.click();
  const side = page.getByRole('complementary', { name: /side panel/ });
  const lesson = side.getByRole('treeitem').getByText(title, { exact: true });
  if ((await lesson.count()) === 0) await side.getByRole('treeitem', { name: /Python Basics \d+\/\d+$/ }).click();
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
  await replaceEditorText(page, RIGHT);
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'All 3 tests pass' })).toBeVisible({ timeout: 60_000 });
  await expect(hud).toContainText('117 XP');
  await expect(page.getByText('+67 XP')).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/progress-hud-lesson-check.png' });

  // A challenge solved without hints: 150 + 100 %.
  await openLessonFromSide(page, 'Challenge: the Collatz sequence');
  await replaceEditorText(page, solutionOf('python-basics', 'collatz'));
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(page.getByRole('heading', { name: /^All \d+ tests pass$/ })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText('Achievement unlocked: No Hints Needed')).toBeVisible();
  await expect(hud).toContainText('417 XP');
  // Checking the solved challenge again awards nothing more.
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(page.getByRole('heading', { name: /^All \d+ tests pass$/ })).toBeVisible({ timeout: 60_000 });
  await expect(hud).toContainText('417 XP');
  // A perfect quiz, through the call the quiz UI makes: 100 + 50 %, and a level-up. Away from
  // any open lesson (which shows its own completion bar instead), the corner toasts announce it.
  await page.getByRole('navigation', { name: 'Activities' }).getByRole('button', { name: 'Progress' }).click();
  await call(page, 'lesson.submitQuiz', {
    courseId: 'python-basics',
    lessonId: 'values-quiz',
    answers: rightQuizAnswers('python-basics', 'values-and-types/values-quiz.md'),
  });
  await expect(hud).toContainText('567 XP');
  await expect(hud).toContainText('Level 2');
  await expect(page.getByText('Level up! You reached level 2')).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/progress-hud-toasts.png' });

  // The figures survive a reload (derived from the ledger, one snapshot at start).
  await page.reload();
  await expect(page.getByRole('status', { name: 'Your progress' })).toContainText('567 XP');
});

test('the gamification mode changes what the HUD shows', async ({ page }) => {
  serve = await startServe({ dataDir: await dataDirWithFirstLessonAndChallenge() });
  await page.goto(serve.url);
  await completeFirstRun(page);
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
  // Progress is still tracked while nothing is shown: a lesson on a streak, 50 + 10 %.
  await call(page, 'lesson.complete', { courseId: 'python-basics', lessonId: 'numbers-and-strings' });
  expect(await call(page, 'progress.snapshot', {})).toMatchObject({ totalXp: 417 });
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
  await openLessonFromSide(page, 'Hello, Python');
  await page.getByRole('button', { name: 'Mark complete' }).click();
  await expect(page.getByText('+50 XP')).toBeVisible();
  await expect(page.locator('.hud-animated')).toHaveCount(0);
  await expect(page.locator('.hud-toasts.animate')).toHaveCount(0);
  // The lesson's own completion moment stays still too.
  await expect(page.getByRole('region', { name: 'Lesson complete' })).toBeVisible();
  await expect(page.locator('.completion-bar.animate')).toHaveCount(0);
});

test('the Progress view renders its charts, summary and achievements in both themes', async ({ page }) => {
  serve = await startServe({ dataDir: await dataDirWithFirstLessonAndChallenge() });
  await page.setViewportSize({ width: 1400, height: 1000 });
  await page.goto(serve.url);
  await completeFirstRun(page);
  await page.getByRole('navigation', { name: 'Activities' }).getByRole('button', { name: 'Progress' }).click();
  const canvas = page.getByRole('main', { name: 'Progress' });
  await expect(canvas.getByRole('heading', { name: 'Progress', level: 1 })).toBeVisible();
  for (const heading of ['XP over time', 'Activity', 'Lessons per week', 'Streak history', 'Courses', /Achievements/, /Weekly summary/]) {
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
