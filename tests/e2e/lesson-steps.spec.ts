// The lesson types that teach step by step, walked as a learner in serve mode with no tutor
// provider (authored follow-ups only): a guided discovery as a dialogue ending in the discovery,
// a code-along whose steps unlock as their tests pass, and a concept intro's inline checks
// before Mark complete. axe clean on each.
import { expect, test } from '@playwright/test';
import { lessonPerTest, replaceEditorText } from './support/learner';
import { expectAxeCleanAtRest } from './support/look';

const openLesson = lessonPerTest();

test('a guided discovery is a dialogue: follow-up on a wrong answer, then the discovery completes the lesson', async ({ page }) => {
  test.setTimeout(150_000);
  await openLesson(page, 'greeting function', 'Guided: a greeting function');
  const dialogue = page.getByRole('region', { name: 'Guided discovery' });
  await expect(dialogue.getByRole('log')).toContainText('what does make_greeting("Ada") give back');
  await expectAxeCleanAtRest(page, 'guided, first question', '.lesson-canvas');

  // A wrong choice gets the step's Socratic follow-up, not the answer.
  await dialogue.getByRole('radio', { name: 'An error' }).check();
  await dialogue.getByRole('button', { name: 'Answer' }).click();
  await expect(dialogue.getByRole('log')).toContainText('Which line of it sends a value back to the caller?');
  await dialogue.getByRole('radio', { name: 'None' }).check();
  await dialogue.getByRole('button', { name: 'Answer' }).click();

  // A free answer, judged by main.
  await dialogue.getByRole('textbox', { name: 'Your answer' }).fill('I use return');
  await dialogue.getByRole('button', { name: 'Answer' }).click();
  await expect(dialogue).toContainText('press Check: the tests answer this step');
  await expectAxeCleanAtRest(page, 'guided, check step', '.lesson-canvas');

  // The check step is answered by a Check of the learner's code.
  await replaceEditorText(page, 'def make_greeting(name):\n    return f"Hello, {name}!"\n');
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(dialogue.getByRole('status')).toContainText('What you found out: A function', { timeout: 90_000 });
  await expect(page.locator('.lesson-header').getByRole('status').filter({ hasText: 'Completed' })).toBeVisible();
  await expectAxeCleanAtRest(page, 'guided, discovery', '.lesson-canvas');
});

test('a Check run before the check step opens does not answer that step', async ({ page }) => {
  test.setTimeout(150_000);
  await openLesson(page, 'greeting function', 'Guided: a greeting function');
  const dialogue = page.getByRole('region', { name: 'Guided discovery' });
  const log = dialogue.getByRole('log');

  // A failing Check on the first step: the check step must not take it as its answer later.
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(page.getByRole('heading', { name: /0 of \d+ tests pass/ })).toBeVisible({ timeout: 90_000 });
  await dialogue.getByRole('radio', { name: 'None' }).check();
  await dialogue.getByRole('button', { name: 'Answer' }).click();
  await dialogue.getByRole('textbox', { name: 'Your answer' }).fill('return');
  await dialogue.getByRole('button', { name: 'Answer' }).click();
  await expect(dialogue).toContainText('press Check: the tests answer this step');

  await replaceEditorText(page, 'def make_greeting(name):\n    return f"Hello, {name}!"\n');
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(dialogue.getByRole('status')).toContainText('What you found out', { timeout: 90_000 });
  // Only the Check run while the step was open answered it, and it was the passing one.
  await expect(log.locator('.guided-answer', { hasText: 'Ran Check:' })).toHaveCount(1);
  await expect(log).not.toContainText('Ran Check: 0 of');
});

test('a code-along unlocks its numbered steps as their tests pass', async ({ page }) => {
  test.setTimeout(150_000);
  await openLesson(page, 'FizzBuzz', 'Code-along: FizzBuzz');
  const steps = page.getByRole('region', { name: 'Code-along steps' }).getByRole('listitem');
  await expect(steps).toHaveCount(4);
  await expect(steps.nth(0)).toHaveAttribute('aria-current', 'step');
  await expect(steps.nth(1)).toContainText('Unlocks when step 1 passes');
  await expectAxeCleanAtRest(page, 'code-along, first step', '.lesson-canvas');

  // Only the plain-number case: step 1 passes, step 2's narration shows, the rest stay locked.
  await replaceEditorText(page, 'def fizzbuzz_word(n):\n    return str(n)\n\n\ndef fizzbuzz(n):\n    return []\n');
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(steps.nth(1)).toHaveAttribute('aria-current', 'step', { timeout: 90_000 });
  await expect(steps.nth(0)).toContainText('Step 1, done');
  await expect(steps.nth(1)).toContainText('multiples of three');
  await expect(steps.nth(2)).toContainText('Unlocks when step 2 passes');
  await expectAxeCleanAtRest(page, 'code-along, second step', '.lesson-canvas');
});

test('a concept intro asks its checks before Mark complete', async ({ page }) => {
  test.setTimeout(120_000);
  await openLesson(page, 'Numbers, strings', 'Numbers, strings and variables');
  const markComplete = page.getByRole('button', { name: 'Mark complete' });
  await expect(markComplete).toBeDisabled();
  const checks = page.getByRole('region', { name: 'Check your understanding' });
  await checks.getByRole('radio', { name: 'Hi3' }).check();
  await expect(checks).toContainText('Not quite.');
  await checks.getByRole('radio', { name: 'Hi 3' }).check();
  await checks.getByRole('radio', { name: /Without quotes/ }).check();
  await expectAxeCleanAtRest(page, 'concept checks answered', '.lesson-canvas');
  await markComplete.click();
  await expect(page.locator('.lesson-header').getByRole('status').filter({ hasText: 'Completed' })).toBeVisible();
});
