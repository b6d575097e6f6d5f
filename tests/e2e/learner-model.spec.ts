// The learner model end to end, as one learner meets it in serve mode: the first run with role,
// goal and the placement quiz; the lessons it shows known marked "Tested out"; a quiz question
// missed today back in Practice the next day (the app's clock run ahead); the review session,
// after which Next up's reason changes; Progress with the skill map and the six metrics; then
// export and delete, and the app starts fresh. Axe is clean on each view.
import type { Page } from '@playwright/test';
import path from 'node:path';
import { readZip } from '../../main/data/read-zip';
import { contractCall } from './support/contract-call';
import { rightQuizAnswers } from './support/course-answers';
import { expect, test } from './support/fixtures';
import { activity, answerPlacement } from './support/learner';
import { expectAxeCleanAtRest } from './support/look';

const METRICS = ['Learning velocity', 'Knowledge retention', 'Engagement score', 'Predicted completion', 'Struggle index', 'Skill decay risk'];

/** Learn, Python Basics' outline, and its Next up. */
async function nextUp(page: Page) {
  // Clicking the activity already shown would fold its side panel away.
  if ((await activity(page, 'Learn').getAttribute('aria-current')) !== 'page') await activity(page, 'Learn').click();
  const outline = page.getByRole('navigation', { name: 'Course outline' });
  if (!(await outline.isVisible()))
    await page
      .getByRole('navigation', { name: 'Courses' })
      .getByRole('treeitem', { name: /Python Basics/ })
      .click();
  await expect(outline).toBeVisible();
  return { outline, nextUp: outline.getByRole('region', { name: 'Next up' }) };
}

test('placement, tested out, a missed question reviewed the next day, Next up, Progress, then export and delete', async ({ page, serveApp, workDir }) => {
  test.setTimeout(420_000); // two serve starts and a placement quiz
  const dataDir = path.join(workDir, 'data');
  let serve = await serveApp({ dataDir });
  await page.setViewportSize({ width: 1400, height: 1000 });
  await page.goto(serve.url);

  // First run: role, goal with a weekly time, the placement quiz of a learner who knows values and types.
  await page.getByLabel('What should we call you?').fill('Asha');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('radio', { name: 'Professional' }).check();
  await page.getByLabel('Your goal: what do you want to be able to do? (optional)').fill('Automate my reports');
  await page.getByLabel('Time for it each week, in minutes').fill('90');
  await page.getByLabel('Course').selectOption({ label: 'Python Basics' });
  await page.getByRole('button', { name: 'Take the placement quiz' }).click();
  const known = new Set(['Printing and comments', 'Variables', 'Arithmetic operators', 'Strings and f-strings', 'Converting between types']);
  await answerPlacement(page, known);
  await expect(page.getByRole('status')).toContainText('You tested out of 5 lessons');
  await page.getByRole('button', { name: 'Start learning' }).click();

  const first = await nextUp(page);
  await expect(first.outline.getByRole('treeitem', { name: /Quiz: values and types/ })).toContainText('Tested out');
  await expect(first.outline.getByRole('treeitem', { name: /Making decisions with if/ })).not.toContainText('Tested out');
  await expect(first.nextUp).toContainText('Making decisions with if');
  const pathReason = 'A short lesson keeps you on track for your goal';
  await expect(first.nextUp).toContainText(pathReason);

  // Today: the values quiz (tested out, still open to study) with its first question, the type of `8 / 2`, answered "int".
  const answers = rightQuizAnswers('python-basics', 'values-and-types/values-quiz.md').map((answer, i) => (i === 0 ? { ...answer, selected: [1] } : answer));
  await contractCall(page, 'lesson.submitQuiz', { courseId: 'python-basics', lessonId: 'values-quiz', answers });
  await expect(page.locator('.hud-reviews')).toHaveCount(0);

  // The next day: the missed question is due, and Next up says so.
  await serve.stop();
  serve = await serveApp({ dataDir, args: ['--clock-ahead-hours', '25'] });
  await page.goto(serve.url);
  await expect(page.locator('#activity-badge-practice')).toHaveText('1 due today');
  const tomorrow = await nextUp(page);
  await expect(tomorrow.nextUp).toContainText('due for review');
  await expect(tomorrow.nextUp).not.toContainText(pathReason);

  // The review session, by keyboard.
  await activity(page, 'Practice').click();
  const session = page.getByRole('region', { name: 'Review session' });
  await expect(session).toContainText('from “Quiz: values and types”');
  await expect(session.locator('legend')).toContainText('What is the type of');
  await expectAxeCleanAtRest(page, 'review card', 'main.canvas');
  await page.keyboard.press('1');
  await expect(session.getByRole('radio', { name: /float/ })).toBeChecked();
  await page.keyboard.press('Enter');
  await expect(session.getByRole('status')).toContainText('Correct.');
  await page.keyboard.press('Enter');
  const summary = page.getByRole('region', { name: 'Review summary' });
  await expect(summary).toContainText('You recalled 1 of 1 card.');
  await expectAxeCleanAtRest(page, 'review summary', 'main.canvas');

  // Nothing due: Next up goes back to the path, with its reason.
  const after = await nextUp(page);
  await expect(after.nextUp).not.toContainText('due for review');
  await expect(after.nextUp).toContainText('Making decisions with if');
  await expect(after.nextUp).toContainText(pathReason);

  // Progress: the skill map and the six metrics.
  await activity(page, 'Progress').click();
  const canvas = page.getByRole('main', { name: 'Progress' });
  const map = canvas.getByRole('region', { name: 'Skill map' });
  await expect(map.getByRole('heading', { name: 'Values and types' })).toBeVisible();
  await expect(map.getByRole('button', { name: /Arithmetic operators/ })).not.toContainText('Not started');
  const metrics = canvas.getByRole('region', { name: 'Learning metrics' });
  for (const title of METRICS) {
    const card = metrics.getByRole('listitem', { name: title });
    await expect(card).toBeVisible();
    await expect(card.locator('.metric-value, .metric-empty')).toHaveCount(1);
  }
  // One review answered: retention has a figure now.
  await expect(metrics.getByRole('listitem', { name: 'Knowledge retention' })).not.toContainText('Not enough yet');
  await expectAxeCleanAtRest(page, 'progress', 'main.canvas');

  // Export, then delete everything: the app starts fresh at the first run.
  await activity(page, 'Settings').click();
  const data = page.getByRole('region', { name: 'Your data' });
  await data.scrollIntoViewIfNeeded();
  const [download] = await Promise.all([page.waitForEvent('download'), data.getByRole('button', { name: 'Export…' }).click()]);
  await download.saveAs(path.join(workDir, 'export.zip'));
  const exported = await readZip(path.join(workDir, 'export.zip'));
  for (const table of ['concept_mastery', 'mastery_evidence', 'review_cards', 'review_log'])
    expect((JSON.parse(exported.get(`tables/${table}.json`)!.toString()) as unknown[]).length, table).toBeGreaterThan(0);
  await data.getByRole('button', { name: 'Delete everything…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete everything?' });
  await dialog.getByRole('button', { name: 'Continue without a backup' }).click(); // the export above is the copy
  await dialog.getByLabel(/to confirm/).fill('delete');
  await dialog.getByRole('button', { name: 'Delete everything' }).click();
  await expect(page.getByLabel('What should we call you?')).toBeVisible({ timeout: 30_000 });
  expect(await contractCall(page, 'practice.due', {})).toMatchObject({ cards: [] });
  expect(await contractCall(page, 'progress.snapshot', {})).toMatchObject({ totalXp: 0 });
});
