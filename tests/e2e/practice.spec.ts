// Practice as a learner meets it: a quiz question missed today comes back the next day (the
// app's clock run a day ahead with `drona serve --clock-ahead-hours`), counted on the Practice
// activity and in the HUD; the review session is done by keyboard alone and ends in a summary.
import { contractCall } from './support/contract-call';
import { rightQuizAnswers } from './support/course-answers';
import { expect, test } from './support/fixtures';
import { activity, completeFirstRun } from './support/learner';
import { expectAxeClean } from './support/look';

test('a missed quiz question comes back in Practice the next day and is reviewed by keyboard alone', async ({ page, serveApp, workDir }) => {
  test.setTimeout(180_000); // two serve starts
  let serve = await serveApp({ dataDir: workDir });
  await page.goto(serve.url);
  await completeFirstRun(page);

  // Today: the values quiz with the first question (the type of `8 / 2`) answered "int".
  const answers = rightQuizAnswers('python-basics', 'values-and-types/values-quiz.md').map((answer, i) => (i === 0 ? { ...answer, selected: [1] } : answer));
  await contractCall(page, 'lesson.submitQuiz', { courseId: 'python-basics', lessonId: 'values-quiz', answers });
  await activity(page, 'Practice').click();
  await expect(page.getByRole('main', { name: 'Practice' })).toContainText('Nothing to review today');
  await expect(page.locator('.hud-reviews')).toHaveCount(0);

  // Tomorrow.
  await serve.stop();
  serve = await serveApp({ dataDir: workDir, args: ['--clock-ahead-hours', '25'] });
  await page.goto(serve.url);
  await expect(page.locator('#activity-badge-practice')).toHaveText('1 due today');
  await expect(page.locator('.hud-reviews')).toHaveText(/1 to review/);
  await page.locator('.hud-reviews').click();
  const session = page.getByRole('region', { name: 'Review session' });
  await expect(session).toContainText('Card 1 of 1');
  await expect(session).toContainText('from “Quiz: values and types”');
  await expect(session.locator('legend')).toContainText('What is the type of');
  // The answer is not in the page before it is given.
  await expect(session).not.toContainText('true division');
  await expectAxeClean(page, 'review card', 'main.canvas');

  await page.keyboard.press('1');
  await expect(session.getByRole('radio', { name: /float/ })).toBeChecked();
  await page.keyboard.press('Enter');
  await expect(session.getByRole('status')).toContainText('Correct.');
  await expect(session).toContainText('true division');
  await expectAxeClean(page, 'review feedback', 'main.canvas');
  await page.screenshot({ path: 'test-results/screenshots/practice-review.png' });
  await page.keyboard.press('Enter');

  const summary = page.getByRole('region', { name: 'Review summary' });
  await expect(summary.getByRole('heading', { name: 'Review done' })).toBeFocused();
  await expect(summary).toContainText('You recalled 1 of 1 card.');
  await expectAxeClean(page, 'review summary', 'main.canvas');
  await expect(page.locator('.hud-reviews')).toHaveCount(0);
  await expect(page.locator('#activity-badge-practice')).not.toHaveClass(/activity-badge/);
  await expect(page.getByRole('complementary', { name: 'Practice side panel' })).toContainText('Nothing is due today.');
});
