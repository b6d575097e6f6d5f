// A personal path as a learner meets it: first run asks role, goal with a weekly time and a
// learning preference, then an adaptive placement quiz; the lessons it shows known are marked
// "Tested out"; Next up names what comes next and why; Settings changes the preference.
import { expect, test } from './support/fixtures';
import { activity, answerPlacement } from './support/learner';
import { expectAxeClean } from './support/look';

test('first run with role, goal and placement marks known lessons tested out, and Next up says why', async ({ page, serveApp, workDir }) => {
  test.setTimeout(180_000);
  const serve = await serveApp({ dataDir: workDir });
  await page.goto(serve.url);

  await page.getByLabel('What should we call you?').fill('Asha');
  await expectAxeClean(page, 'first run', '.first-run');
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(page.getByRole('heading', { name: 'Your path' })).toBeVisible();
  await page.getByRole('radio', { name: 'Professional' }).check();
  await expect(page.locator('.first-run-card')).toContainText('Game elements: Minimal');
  await page.getByLabel('Your goal: what do you want to be able to do? (optional)').fill('Automate my reports');
  await page.getByLabel('Time for it each week, in minutes').fill('90');
  await expectAxeClean(page, 'path questions', '.first-run');
  await page.getByLabel('Course').selectOption({ label: 'Python Basics' });
  await page.getByRole('button', { name: 'Take the placement quiz' }).click();

  // The learner knows the first module's concepts (values and types), nothing after.
  const knownConcepts = new Set(['Printing and comments', 'Variables', 'Arithmetic operators', 'Strings and f-strings', 'Converting between types']);
  const asked = await answerPlacement(page, knownConcepts, async (i) => {
    if (i === 0) await expectAxeClean(page, 'placement question', '.first-run');
  });
  // Adaptive: it starts where the graph splits, goes down after misses, and a right answer on
  // converting types settles what it builds on (variables, strings, printing) without asking.
  expect(asked).toEqual([
    'Lists, indexing and slicing',
    'for loops and range()',
    'Decisions with if, elif and else',
    'Defining functions and return',
    'Arithmetic operators',
    'Converting between types',
  ]);
  await expect(page.getByRole('status')).toHaveText('6 questions answered. You tested out of 5 lessons; they stay open to study.');
  await expectAxeClean(page, 'placement summary', '.first-run');
  await page.getByRole('button', { name: 'Start learning' }).click();
  await expect(activity(page, 'Learn')).toBeVisible();

  await page
    .getByRole('navigation', { name: 'Courses' })
    .getByRole('treeitem', { name: /Python Basics/ })
    .click();
  const outline = page.getByRole('navigation', { name: 'Course outline' });
  await expect(outline.getByRole('treeitem', { name: /Hello, Python/ })).toContainText('Tested out');
  await expect(outline.getByRole('treeitem', { name: /Quiz: values and types/ })).toContainText('Tested out');
  await expect(outline.getByRole('treeitem', { name: /Making decisions with if/ })).not.toContainText('Tested out');
  const nextUp = outline.getByRole('region', { name: 'Next up' });
  await expect(nextUp).toContainText('Making decisions with if');
  await expect(nextUp).toContainText('A short lesson keeps you on track for your goal');
  await expectAxeClean(page, 'outline with Next up', 'nav[aria-label="Course outline"]');
  await page.screenshot({ path: 'test-results/screenshots/path-next-up.png' });

  // Settings: "let me try first" puts the FizzBuzz code-along before the explanations it practises.
  await activity(page, 'Settings').click();
  const settings = page.locator('#settings-path');
  await expect(settings.getByLabel('Your goal: what do you want to be able to do? (optional)')).toHaveValue('Automate my reports');
  await expect(settings.getByRole('radio', { name: 'Professional' })).toBeChecked();
  await expectAxeClean(page, 'settings: your path', '#settings-path');
  await settings.getByRole('radio', { name: /Let me try first/ }).check();
  await activity(page, 'Learn').click();
  await expect(nextUp).toContainText('Code-along: FizzBuzz');
});
