// The learning metrics and the weekly digest as a learner meets them: after a quiz, Progress
// shows the six metrics (a figure, or what to do when there is not enough yet) with one plain
// line each; the digest opens from Progress and from the command palette; the next week the
// app announces last week's digest in the window (serve mode's notice). Axe-clean, both themes.
import { contractCall } from './support/contract-call';
import { rightQuizAnswers } from './support/course-answers';
import { expect, test } from './support/fixtures';
import { activity, completeFirstRun } from './support/learner';
import { expectAxeCleanAtRest } from './support/look';

const METRICS = ['Learning velocity', 'Knowledge retention', 'Engagement score', 'Predicted completion', 'Struggle index', 'Skill decay risk'];

/** Hours from now to the Tuesday noon (UTC) of next week: any timezone is then past Monday 09:00 of it. */
function hoursToNextWeek(now = Date.now()): number {
  const today = new Date(now);
  const weekday = (today.getUTCDay() + 6) % 7; // Monday = 0
  const tuesday = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - weekday + 8, 12);
  return Math.ceil((tuesday - now) / 3_600_000);
}

test('Progress shows the six learning metrics and the weekly digest, in both themes', async ({ page, serveApp, workDir }) => {
  test.setTimeout(180_000); // two serve starts
  let serve = await serveApp({ dataDir: workDir });
  await page.setViewportSize({ width: 1400, height: 1000 });
  await page.goto(serve.url);
  await completeFirstRun(page);
  await contractCall(page, 'lesson.submitQuiz', {
    courseId: 'python-basics',
    lessonId: 'values-quiz',
    answers: rightQuizAnswers('python-basics', 'values-and-types/values-quiz.md'),
  });

  await activity(page, 'Progress').click();
  const canvas = page.getByRole('main', { name: 'Progress' });
  const metrics = canvas.getByRole('region', { name: 'Learning metrics' });
  for (const title of METRICS) {
    const card = metrics.getByRole('listitem', { name: title });
    await expect(card).toBeVisible();
    await expect(card.locator('.metric-explain')).not.toBeEmpty();
    await expect(card.locator('.metric-value, .metric-empty')).toHaveCount(1);
  }
  // One quiz today: a session this week and a pace for the current course; no reviews yet.
  await expect(metrics.getByRole('listitem', { name: 'Engagement score' })).toContainText('/ 100');
  await expect(metrics.getByRole('listitem', { name: 'Predicted completion' })).toContainText('Python Basics');
  await expect(metrics.getByRole('listitem', { name: 'Knowledge retention' })).toContainText('Not enough yet');
  await expectAxeCleanAtRest(page, 'progress metrics', 'main.canvas');
  await page.screenshot({ path: 'test-results/screenshots/metrics-dark.png' });

  // The digest, from the side panel.
  const side = page.getByRole('complementary', { name: /side panel/ });
  await side.getByRole('button', { name: 'Open weekly digest' }).click();
  await expect(canvas.getByRole('heading', { name: 'Weekly digest', level: 1 })).toBeVisible();
  const totals = canvas.getByRole('region', { name: 'The week in numbers' });
  await expect(totals).toContainText('Lessons');
  await expect(totals.locator('dd').nth(1)).toHaveText('1');
  await expect(canvas.getByRole('button', { name: /Next week/ })).toBeDisabled();
  await expectAxeCleanAtRest(page, 'weekly digest', 'main.canvas');
  await canvas.getByRole('button', { name: /Previous week/ }).click();
  await expect(canvas).toContainText('A quiet week');
  await canvas.getByRole('button', { name: 'Back to Progress' }).click();
  await expect(metrics).toBeVisible();

  // Light theme, and the digest by command.
  const html = page.locator('html');
  const before = await html.getAttribute('data-theme');
  await page.getByRole('button', { name: /Switch to (light|dark) theme/ }).click();
  await expect(html).not.toHaveAttribute('data-theme', before ?? '');
  await expectAxeCleanAtRest(page, 'progress metrics, other theme', 'main.canvas');
  await page.keyboard.press('Control+Shift+P');
  await page.keyboard.type('weekly digest');
  await page.keyboard.press('Enter');
  await expect(canvas.getByRole('heading', { name: 'Weekly digest', level: 1 })).toBeVisible();
  await expectAxeCleanAtRest(page, 'weekly digest, other theme', 'main.canvas');
  await page.screenshot({ path: 'test-results/screenshots/digest-light.png' });

  // Next week: the app announces last week's digest in the window; opening it clears the notice.
  await serve.stop();
  serve = await serveApp({ dataDir: workDir, args: ['--clock-ahead-hours', String(hoursToNextWeek())] });
  await page.goto(serve.url);
  const notice = page.getByRole('status', { name: 'Weekly digest' });
  await expect(notice).toContainText('Your week in review');
  await expectAxeCleanAtRest(page, 'digest notice', '.digest-notice');
  await notice.getByRole('button', { name: 'Open digest' }).click();
  await expect(notice).toHaveCount(0);
  await expect(page.getByRole('main', { name: 'Progress' }).getByRole('region', { name: 'The week in numbers' }).locator('dd').nth(1)).toHaveText('1');
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Activities' })).toBeVisible();
  await expect(page.getByRole('status', { name: 'Weekly digest' })).toHaveCount(0);
});
