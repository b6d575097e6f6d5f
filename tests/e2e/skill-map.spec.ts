// The skill map as a learner meets it: after a quiz with one question missed, Progress shows each
// concept of the started course with its mastery, grouped by module; opening a concept (by
// keyboard) shows the lessons that teach it and its review cards, and a lesson opens from there.
import { contractCall } from './support/contract-call';
import { rightQuizAnswers } from './support/course-answers';
import { expect, test } from './support/fixtures';
import { completeFirstRun } from './support/learner';
import { expectAxeClean } from './support/look';

// Only the skill map: the rest of Progress is another feature's (and its own spec's) to check.
test('the skill map shows concepts by module, and a concept opens its lessons and review cards', async ({ page, serveApp, workDir }) => {
  const serve = await serveApp({ dataDir: workDir });
  await page.goto(serve.url);
  await completeFirstRun(page);

  // The values quiz with its first question (the type of `8 / 2`, on arithmetic) answered "int".
  const answers = rightQuizAnswers('python-basics', 'values-and-types/values-quiz.md').map((answer, i) => (i === 0 ? { ...answer, selected: [1] } : answer));
  await contractCall(page, 'lesson.submitQuiz', { courseId: 'python-basics', lessonId: 'values-quiz', answers });

  await page.getByRole('navigation', { name: 'Activities' }).getByRole('button', { name: 'Progress' }).click();
  const map = page.getByRole('region', { name: 'Skill map' });
  await expect(map.getByRole('heading', { name: 'Python Basics', exact: false })).toBeVisible();
  await expect(map.getByRole('heading', { name: 'Values and types' })).toBeVisible();
  const arithmetic = map.getByRole('button', { name: /Arithmetic operators/ });
  await expect(arithmetic).toHaveAttribute('aria-expanded', 'false');
  // Evidence moved it: it has a band other than "Not started", while an untouched concept has none.
  await expect(arithmetic).not.toContainText('Not started');
  await expect(map.getByRole('button', { name: /Dictionaries|Lists/ }).first()).toContainText('Not started');
  await expectAxeClean(page, 'skill map', '.skill-map');

  // By keyboard: focus the concept, open it.
  await arithmetic.focus();
  await page.keyboard.press('Enter');
  await expect(arithmetic).toHaveAttribute('aria-expanded', 'true');
  const details = map.getByRole('group', { name: 'Arithmetic operators: lessons and review cards' });
  await expect(details).toContainText('What is the type of');
  await expect(details).toContainText('Missed quiz question');
  // The answer is not in the page.
  await expect(details).not.toContainText('true division');
  await expectAxeClean(page, 'skill map concept', '.skill-map');
  await page.screenshot({ path: 'test-results/screenshots/skill-map.png' });

  const open = details.getByRole('button', { name: /^Open “/ }).first();
  const title = ((await open.textContent()) ?? '').replace(/^Open “|”$/g, '');
  await open.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('h1.lesson-title')).toHaveText(title);
});
