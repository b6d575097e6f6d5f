// A project lesson's milestones and "Review my code", walked as a learner in serve mode with no
// tutor provider: the milestones in order with their acceptance checks, a submission before any
// Check recorded with its rubric review (not accepted), and the offline structured review in the
// tutor panel (correctness, efficiency, style). axe clean.
import { expect, test } from '@playwright/test';
import { lessonPerTest } from './support/learner';
import { expectAxeCleanAtRest } from './support/look';

const openLesson = lessonPerTest();

test('a project shows its milestones in order and records a submission with its rubric review', async ({ page }) => {
  test.setTimeout(150_000);
  await openLesson(page, 'frequency report', 'Project: word-frequency report');
  const milestones = page.getByRole('region', { name: 'Project milestones' });
  const items = milestones.locator('ol.code-along-steps > li');
  await expect(items).toHaveCount(3);
  await expect(items.nth(0)).toHaveAttribute('aria-current', 'step');
  await expect(items.nth(0)).toContainText('Count the words');
  await expect(items.nth(1)).toContainText('Opens when milestone 1 is accepted');
  await expectAxeCleanAtRest(page, 'project, first milestone', '.lesson-canvas');

  // Submitted before any Check: not accepted, and the review says what is open and the rubric to read against.
  await items.nth(0).getByRole('button', { name: 'Submit milestone' }).click();
  const review = items.nth(0).getByRole('status', { name: 'Review of Count the words' });
  await expect(review).toContainText('not accepted yet');
  await expect(review).toContainText('press Check first');
  await expect(review).toContainText('The counting loop reads each word once');
  await expect(items.nth(1)).toContainText('Opens when milestone 1 is accepted');
  await expectAxeCleanAtRest(page, 'project, milestone reviewed', '.lesson-canvas');

  // "Review my code" without a provider: the structured review from the code and the rules.
  await page.getByRole('tab', { name: 'Tutor' }).click();
  const tutor = page.getByRole('region', { name: 'Tutor' });
  await tutor.getByRole('button', { name: 'Review my code' }).click();
  const reply = tutor.getByRole('article').last();
  await expect(reply).toContainText('Correctness');
  await expect(reply).toContainText('Efficiency');
  await expect(reply).toContainText('Style');
  await expectAxeCleanAtRest(page, 'project, review', '.tutor-panel, [aria-label="Tutor"]');
});
