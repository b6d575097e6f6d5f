// The Gold project as a learner meets it in serve mode with no tutor provider: Python Basics done
// offline and its Silver exam passed (seeded as main would grade it), the learner takes on the
// course's brief by keyboard, ticks a milestone, submits a real project folder whose tests main
// runs in the sandbox, sees it kept for a person's review, enters the reviewer's scores, sees the
// rubric verdict with reasons, and self-issues Gold carrying the review as evidence. Axe is clean
// on the project view before and after the review.
import path from 'node:path';
import { pythonBasicsDoneOffline } from './support/course-done-offline';
import { expect, test } from './support/fixtures';
import { seedSilverPass, writeProject } from './support/gold-project';
import { expectAxeCleanAtRest, lookInBothThemes } from './support/look';

test('a learner takes on a brief, submits the project, has it reviewed and self-issues Gold', async ({ page, serveApp, workDir }, testInfo) => {
  test.setTimeout(240_000);
  const dataDir = path.join(workDir, 'data');
  const first = await pythonBasicsDoneOffline(page, serveApp, dataDir, 'Asha');
  await page.goto('about:blank');
  await first.serve.stop();
  // Silver's exam, passed as main grades it (the exam spec takes one through the UI).
  seedSilverPass(dataDir);
  const folder = path.join(workDir, 'expense-tracker');
  writeProject(folder);
  const serve = await serveApp({ dataDir });
  await page.goto(serve.url);

  await page.getByRole('navigation', { name: 'Activities' }).getByRole('button', { name: 'Certificates' }).click();
  const project = page.getByRole('region', { name: 'Python Basics: Gold project' });
  await expect(project).toContainText('Code quality 25%, Functionality 30%, Testing 20%, Documentation 15%, Deployment 10%');
  await expect(project.getByRole('radio', { name: /Expense tracker/ })).toBeChecked();
  await expectAxeCleanAtRest(page, 'briefs', '.project-view');

  // By keyboard: the brief is picked; Enter on the button takes it on; Space ticks the first milestone.
  await project.getByRole('button', { name: 'Take on this project' }).focus();
  await page.keyboard.press('Enter');
  const milestones = project.getByRole('group', { name: /^Milestones: 0 of 5 done/ });
  await expect(milestones).toBeVisible();
  await milestones.getByRole('checkbox').first().focus();
  await page.keyboard.press('Space');
  await expect(project.getByRole('group', { name: /^Milestones: 1 of 5 done/ })).toBeVisible();

  // A relative path is refused in the learner's words; the real folder is submitted and tested in the sandbox.
  const submit = project.getByRole('form', { name: 'Submit the project' });
  await submit.getByLabel('Project folder (its full path on this computer)').fill('expense-tracker');
  await submit.getByRole('button', { name: 'Submit the project' }).click();
  await expect(submit.getByRole('alert')).toContainText('is not a full path');
  await submit.getByLabel('Project folder (its full path on this computer)').fill(folder);
  await submit.getByLabel('Link to a live demo (optional)').fill('https://example.org/tracker');
  // The submit form's fields and buttons stand out 3:1 in both themes (WCAG 1.4.11).
  await page.mouse.move(0, 0);
  await lookInBothThemes(page, testInfo, 'project-submit', '.project-view');
  await submit.getByRole('button', { name: 'Submit the project' }).click();
  const review = project.getByRole('region', { name: 'Project review' });
  await expect(review.getByRole('list', { name: 'Automated checks' })).toContainText('Tests: 2 of 2 passed in the sandbox', { timeout: 120_000 });
  await expect(review).toContainText('README: present');
  await expect(review).toContainText('Waiting for review.');
  await expect(submit.getByRole('status')).toContainText('Submitted');

  // No tutor provider: a person's scores are entered; Documentation under 60% blocks it at first.
  const form = review.getByRole('form', { name: "Reviewer's scores" });
  await form.getByLabel("Reviewer's name").fill('Ms Rao');
  const scores: Record<string, number> = { 'Code quality': 85, Functionality: 90, Testing: 80, Documentation: 55, Deployment: 70 };
  for (const [title, score] of Object.entries(scores)) {
    const group = form.getByRole('group', { name: new RegExp(`^${title}`) });
    await group.getByLabel('Score').fill(String(score));
    await group.getByLabel('Reason').fill(`${title}: seen in tracker.py and its tests`);
  }
  await page.mouse.move(0, 0);
  await lookInBothThemes(page, testInfo, 'project-review-form', '.project-view');
  await form.getByRole('button', { name: 'Save the review' }).click();
  await expect(review).toContainText('Not accepted yet');
  await expect(review.getByRole('list', { name: 'What keeps it from passing' })).toContainText('Documentation scored 55%; no category may be under 60%.');

  await review.getByText("Enter a reviewer's scores").click();
  await form
    .getByRole('group', { name: /^Documentation/ })
    .getByLabel('Score')
    .fill('75');
  await form.getByRole('button', { name: 'Save the review' }).click();
  await expect(review).toContainText('Accepted: 82.5% overall');
  await expect(review.getByRole('row', { name: /Functionality/ })).toContainText('Functionality: seen in tracker.py and its tests');
  await expectAxeCleanAtRest(page, 'review', '.project-view');

  // Gold now: self-issued, with the review as its evidence.
  await page.getByRole('button', { name: 'Self-issue Gold' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Gold certificate self-issued for Python Basics.' })).toBeVisible();
  const card = page.getByRole('article', { name: 'Python Basics Gold certificate (self-issued)' });
  await card.getByText('Evidence and criteria').click();
  await expect(card).toContainText('Project review: 82.5% (accepted): "Expense tracker" reviewed by Ms Rao');
});
