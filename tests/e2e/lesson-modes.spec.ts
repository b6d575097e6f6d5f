// The lesson canvas's modes by lesson type, as a learner meets them in serve mode: each lesson
// opened by clicking through the catalog and the course outline. Concept (full-width text,
// "Try it"), Quiz (one question at a time, by keyboard alone), Reflection (journal), Challenge
// (timer against par, hints one at a time), and the chrome every lesson shares.
import { expect, test, type Page } from '@playwright/test';
import { contractCall } from './support/contract-call';
import { learnerPerTest } from './support/learner';
import { expectAxeClean } from './support/look';

const startLearner = learnerPerTest();

const outline = (page: Page) => page.getByRole('navigation', { name: 'Course outline' });
const lessonTitle = (page: Page) => page.locator('.lesson-title');

/** From the catalog (where a new learner lands): the course's Outline, then the lesson in it. */
async function openFromOutline(page: Page, course: string, lesson: string) {
  // Learn is already the current activity; clicking it again would fold the side panel away.
  await expect(page.getByRole('navigation', { name: 'Activities' }).getByRole('button', { name: 'Learn' })).toHaveAttribute('aria-current', 'page');
  await page.locator('.learn-catalog').getByRole('article', { name: course }).getByRole('button', { name: 'Outline' }).click();
  await outline(page).getByRole('treeitem', { name: lesson }).click();
  await expect(lessonTitle(page)).toHaveText(lesson);
}

/**
 * axe on the lesson canvas: no serious or critical violation, and the rules that prove every
 * control has an accessible name did find controls to check (so a pass is not vacuous).
 */
async function expectCanvasAxeClean(page: Page, view: string, namedControlRules: readonly string[]) {
  const result = await expectAxeClean(page, view, '.lesson-canvas');
  for (const rule of namedControlRules) {
    expect(result.passes.find((pass) => pass.id === rule)?.nodes.length ?? 0, `${view}: axe checked no control with ${rule}`).toBeGreaterThan(0);
  }
}

test('a concept lesson reads full width, "Try it" runs its example, and the lesson chrome follows the course', async ({ page }) => {
  test.setTimeout(120_000);
  await startLearner(page);
  await openFromOutline(page, 'Python Basics', 'Hello, Python');

  const breadcrumb = page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('listitem');
  await expect(breadcrumb).toHaveText(['Python Basics', 'Values and types', 'Hello, Python']);
  const progress = page.getByRole('progressbar', { name: 'Course progress' });
  await expect(progress).toHaveAttribute('aria-valuenow', '0');
  await expect(progress).toHaveAttribute('aria-valuemax', '30');
  await expect(progress).toHaveAttribute('aria-valuetext', '0 of 30 lessons complete; this is lesson 1');
  await expect(page.getByRole('button', { name: 'Previous lesson' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Next lesson' })).toBeEnabled();

  // Concept mode: no editor beside the text; the text fills the reading column of the canvas.
  const article = page.getByRole('article', { name: 'Lesson' });
  await expect(article).toContainText('A Python program is a text file of');
  await expect(page.locator('.lesson-canvas .monaco-editor')).toHaveCount(0);
  await expect(page.getByRole('separator', { name: 'Resize instructions' })).toHaveCount(0);
  const canvasWidth = (await page.locator('.lesson-canvas').boundingBox())!.width;
  const articleWidth = (await article.boundingBox())!.width;
  expect(articleWidth).toBeGreaterThan(Math.min(780, canvasWidth * 0.8));

  await expectCanvasAxeClean(page, 'concept lesson', ['button-name']);
  await page.screenshot({ path: 'test-results/screenshots/lesson-concept.png' });

  // "Try it" on the first example runs it as a scratch program; its output shows right under it.
  await page.getByRole('button', { name: 'Try it: run this python example' }).first().click();
  const output = page.getByRole('status', { name: 'Example output' }).first();
  await expect(output).toContainText('Hello, world!', { timeout: 30_000 });
  await expect(output).toContainText('Python runs each line in order.');
  // The example can be edited, run as edited, and reset to the lesson's text.
  await page.getByRole('button', { name: 'Edit this example' }).first().click();
  const example = page.getByRole('textbox', { name: 'Example code (python)' });
  await example.fill('print("Edited!")');
  await page.getByRole('button', { name: 'Try it: run this python example' }).first().click();
  await expect(output).toHaveText('Edited!', { timeout: 30_000 });
  await expectCanvasAxeClean(page, 'concept lesson, example edited', ['button-name']);
  await page.getByRole('button', { name: 'Reset this example' }).click();
  await expect(example).toHaveValue(/Hello, world!/);
  await page.screenshot({ path: 'test-results/screenshots/lesson-concept-try-it.png' });

  // Mark complete: the lesson completes, the button goes, the course progress moves.
  await page.getByRole('button', { name: 'Mark complete' }).click();
  await expect(page.locator('.lesson-header').getByRole('status').filter({ hasText: 'Completed' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Mark complete' })).toHaveCount(0);
  await expect(progress).toHaveAttribute('aria-valuenow', '1');
  await expect(outline(page).getByRole('treeitem', { name: 'Hello, Python' }).getByLabel('completed')).toBeVisible();

  // Next and Previous walk the course in order; the breadcrumb and position follow.
  await page.getByRole('button', { name: 'Next lesson' }).click();
  await expect(lessonTitle(page)).toHaveText('Numbers, strings and variables');
  await expect(breadcrumb.last()).toHaveText('Numbers, strings and variables');
  await expect(progress).toHaveAttribute('aria-valuetext', '1 of 30 lessons complete; this is lesson 2');
  await expect(page.getByRole('button', { name: 'Mark complete' })).toBeVisible();
  await page.getByRole('button', { name: 'Previous lesson' }).click();
  await expect(lessonTitle(page)).toHaveText('Hello, Python');
  await page.getByRole('button', { name: 'Next lesson' }).click();
  await expect(lessonTitle(page)).toHaveText('Numbers, strings and variables');
  await page.getByRole('button', { name: 'Next lesson' }).click();

  // An exercise lesson completes on a passing Check, so it offers no "Mark complete".
  await expect(lessonTitle(page)).toHaveText(/Guided: .*greeting/);
  await expect(page.locator('.lesson-type')).toHaveText('guided');
  await expect(page.getByRole('button', { name: 'Check', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Mark complete' })).toHaveCount(0);
  await expect(progress).toHaveAttribute('aria-valuetext', '1 of 30 lessons complete; this is lesson 3');
});

test('a quiz shows one question at a time with feedback and explanations, and is done by keyboard alone', async ({ page }) => {
  test.setTimeout(120_000);
  await startLearner(page);
  await openFromOutline(page, 'Python Basics', 'Quiz: values and types');
  const quiz = page.getByRole('region', { name: 'Quiz' });
  await expect(quiz).toContainText('Question 1 of 5');
  await expect(quiz.getByRole('group')).toHaveCount(1);
  await expect(quiz.getByRole('radio')).toHaveCount(3);
  await expect(page.getByRole('button', { name: 'Mark complete' })).toHaveCount(0);
  await expectCanvasAxeClean(page, 'quiz question', ['button-name', 'label']);

  // Keyboard only from here: Tab from the outline into the quiz's first option.
  await page.keyboard.press('Tab');
  for (
    let presses = 0;
    presses < 80 &&
    !(await quiz
      .getByRole('radio')
      .first()
      .evaluate((radio) => radio === document.activeElement));
    presses++
  ) {
    await page.keyboard.press('Tab');
  }
  await expect(quiz.getByRole('radio', { name: 'float' })).toBeFocused();

  // Question 1, answered wrong: the arrow key picks "int"; Enter on "Check answer".
  await page.keyboard.press('ArrowDown');
  await expect(quiz.getByRole('radio', { name: 'int' })).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(quiz.getByRole('button', { name: 'Check answer' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(quiz.getByRole('status')).toHaveText('Not quite: see the explanations above.');
  // Both the chosen option's explanation and the right one's, their code spans shown as code.
  const explanations = quiz.locator('.quiz-explanation');
  await expect(explanations).toHaveText(['/ is true division and always returns a float: 4.0.', 'You would get an int from 8 // 2, floor division.']);
  await expect(explanations.first().locator('code')).toHaveText(['/', '4.0']);
  await expect(quiz.locator('legend code')).toHaveText('8 / 2');
  await expect(quiz.getByRole('radio', { name: 'float' })).toBeDisabled();
  await expectCanvasAxeClean(page, 'quiz feedback', ['button-name', 'label']);
  await quiz.getByRole('status').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/lesson-quiz-feedback.png' });
  const next = quiz.getByRole('button', { name: 'Next question' });
  await expect(next).toBeFocused();
  await page.keyboard.press('Enter');

  // Question 2, answered right: focus moves to the new question, Tab reaches its first option.
  await expect(quiz).toContainText('Question 2 of 5');
  await expect(quiz.getByRole('group')).toHaveCount(1);
  await expect(quiz).not.toContainText('What is the type of');
  await page.keyboard.press('Tab');
  await expect(quiz.getByRole('radio', { name: '3333' })).toBeFocused();
  await page.keyboard.press('Space');
  await expect(quiz.getByRole('radio', { name: '3333' })).toBeChecked();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(quiz.getByRole('status')).toHaveText('Correct.');
  await expect(quiz).toContainText('Multiplying a string by an int repeats it');
  await expectCanvasAxeClean(page, 'quiz right answer', ['button-name', 'label']);
  await page.keyboard.press('Enter');

  // Question 3 takes several answers: Space on each checkbox that applies, Tab past the others.
  await expect(quiz).toContainText('Question 3 of 5');
  await page.keyboard.press('Tab');
  await expect(quiz.getByRole('checkbox', { name: '"42"' })).toBeFocused();
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await expect(quiz.getByRole('checkbox', { name: "''" })).toBeChecked();
  for (const key of ['Tab', 'Tab', 'Tab', 'Enter']) await page.keyboard.press(key);
  await expect(quiz.getByRole('status')).toHaveText('Correct.');
  await page.keyboard.press('Enter');

  // Questions 4 and 5: the first option is right; Space picks it.
  for (const number of [4, 5]) {
    await expect(quiz).toContainText(`Question ${number} of 5`);
    for (const key of ['Tab', 'Space', 'Tab', 'Enter']) await page.keyboard.press(key);
    await expect(quiz.getByRole('status')).toHaveText('Correct.');
    await page.keyboard.press('Enter');
  }

  // Four of five right is the 80% pass mark: the quiz is passed and the lesson complete.
  const result = page.getByRole('region', { name: 'Quiz result' });
  await expect(result.getByRole('heading', { name: 'Quiz passed' })).toBeVisible();
  await expect(result).toContainText('You scored 80% (pass mark 80%).');
  await expect(result.getByRole('heading', { name: 'Quiz passed' })).toBeFocused();
  await expect(page.locator('.lesson-header').getByRole('status').filter({ hasText: 'Completed' })).toBeVisible();
  await expectCanvasAxeClean(page, 'quiz passed', ['button-name']);
  await page.screenshot({ path: 'test-results/screenshots/lesson-quiz-passed.png' });
});

test('a reflection is saved to the journal and is still there after a reload', async ({ page }) => {
  test.setTimeout(120_000);
  await startLearner(page);
  await openFromOutline(page, 'Python Basics', 'Looking back');
  const reflection = page.getByRole('region', { name: 'Reflection' });
  const answer = reflection.getByRole('textbox', { name: /Which exercise took you the longest/ });
  const save = reflection.getByRole('button', { name: 'Save to journal' });
  await expect(save).toBeDisabled();
  await expectCanvasAxeClean(page, 'reflection', ['button-name', 'label']);

  const text = 'Collatz took longest: I would write the loop condition first. Next I will build a to-do list.';
  await answer.fill(text);
  await save.click();
  await expect(reflection.getByRole('status').filter({ hasText: 'Saved' })).toHaveText('Saved to your journal.');
  // One question comes back (the authored follow-up: no tutor provider here).
  await expect(reflection.getByRole('status').filter({ hasText: 'One question back' })).toContainText('smallest first step');
  const journal = reflection.getByRole('list', { name: 'Your journal' });
  await expect(journal.getByRole('listitem')).toHaveCount(1);
  await expect(journal.getByRole('listitem').first()).toContainText(text);
  await expect(page.locator('.lesson-header').getByRole('status').filter({ hasText: 'Completed' })).toBeVisible();
  await expectCanvasAxeClean(page, 'reflection saved', ['button-name', 'label']);
  await journal.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/lesson-reflection.png' });

  await page.reload();
  await expect(lessonTitle(page)).toHaveText('Looking back');
  await expect(page.getByRole('region', { name: 'Reflection' }).getByRole('list', { name: 'Your journal' }).getByRole('listitem')).toHaveText([
    new RegExp(escapeRegExp(text)),
  ]);
  expect(await contractCall(page, 'lesson.journal', { courseId: 'python-basics', lessonId: 'looking-back' })).toEqual([
    { text, createdAt: expect.any(Number) },
  ]);
});

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('a challenge times the learner against par and reveals hints one at a time, each recorded', async ({ page }) => {
  test.setTimeout(120_000);
  // The page's clock runs as usual until the test jumps it past par.
  await page.clock.install();
  await startLearner(page);
  await openFromOutline(page, 'Python Basics', 'Challenge: the Collatz sequence');

  const timer = page.getByRole('timer');
  await expect(timer).toHaveAccessibleName(/^Time 0:0\d of par 20:00, limit 30:00$/);
  await expect(timer).toHaveText(/0:0\d \/ par 20:00/);
  const first = await timer.textContent();
  await expect(timer).not.toHaveText(first!, { timeout: 5_000 });
  await expect(timer).not.toHaveClass(/\bover\b/);
  // The challenge's wide samples scroll in their panel; the header stays inside the window.
  await expect(timer).toBeInViewport({ ratio: 1 });
  await expect(page.getByRole('button', { name: 'Next lesson' })).toBeInViewport({ ratio: 1 });
  await expect(page.getByRole('button', { name: 'Check', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Mark complete' })).toHaveCount(0);

  const hints = page.getByRole('region', { name: 'Hints' });
  await expect(hints.getByRole('listitem')).toHaveCount(0);
  await hints.getByRole('button', { name: 'Show a hint (0/4)' }).click();
  await expect(hints.getByRole('listitem')).toHaveText([/a while n != 1: loop fits better/]);
  await expect(hints.getByRole('listitem').locator('code')).toHaveText(['while n != 1:', 'for']);
  await hints.getByRole('button', { name: 'Show the next hint (1/4)' }).click();
  await expect(hints.getByRole('listitem')).toHaveText([/a while n != 1: loop fits better/, /Keep a steps counter/]);
  await expect(hints.getByRole('button', { name: 'Show the next hint (2/4)' })).toBeVisible();

  // Past par the timer keeps counting and says so.
  await page.clock.fastForward('20:00');
  await expect(timer).toHaveAccessibleName(/^Time 20:\d\d of par 20:00, limit 30:00$/);
  await expect(timer).toHaveClass(/\bover\b/);
  await expectCanvasAxeClean(page, 'challenge past par', ['button-name']);
  await page.screenshot({ path: 'test-results/screenshots/lesson-challenge-hints.png' });
  // At par plus the authored allowance the attempt is submitted: the Check runs by itself.
  await page.clock.fastForward('10:00');
  await expect(timer).toContainText("time's up: your attempt was submitted");
  await expect(page.getByRole('heading', { name: /tests? (pass|fail)/ })).toBeVisible({ timeout: 60_000 });

  // Each reveal is recorded: main's standing has both, and a reload shows the same two.
  const standing = await contractCall<{ revealedHints: string[] }>(page, 'lesson.standing', { courseId: 'python-basics', lessonId: 'collatz' });
  expect(standing.revealedHints).toHaveLength(2);
  expect(standing.revealedHints[1]).toContain('Keep a `steps` counter');
  await page.reload();
  await expect(lessonTitle(page)).toHaveText('Challenge: the Collatz sequence');
  await expect(page.getByRole('region', { name: 'Hints' }).getByRole('listitem')).toHaveCount(2);
  await expect(page.getByRole('region', { name: 'Hints' }).getByRole('button', { name: 'Show the next hint (2/4)' })).toBeVisible();
});
