// A quiz as a learner meets it (issue #21), in serve mode at 1440×900, 1280×720 and 1024×640,
// each view axe-checked and photographed in both themes: whole rows to click, a Check/Next bar
// that stays in reach with the bottom panel open, a reload in the middle that carries on at the
// same question, and a review of the questions missed at the end.
import { expect, test, type Locator } from '@playwright/test';
import { learnerPerTest, openLessonBySearch } from './support/learner';
import { attachShot, lookInBothThemes, SIZES, startLearnerIn } from './support/look';

const startLearner = learnerPerTest();

const QUIZ = 'Quiz: values and types';

/** The button is on screen and nothing (the bottom panel, a toast) lies on top of its centre. */
async function expectReachable(button: Locator) {
  await expect(button).toBeInViewport({ ratio: 1 });
  const topmost = await button.evaluate((element) => {
    const r = element.getBoundingClientRect();
    const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
    return hit !== null && element.contains(hit);
  });
  expect(topmost, `${await button.textContent()} is covered`).toBe(true);
}

for (const size of SIZES) {
  test(`a quiz keeps its place across a reload and reviews the missed questions (${size.width}x${size.height})`, async ({ page }, testInfo) => {
    test.setTimeout(240_000);
    await startLearnerIn(page, 'dark', startLearner, size);
    await openLessonBySearch(page, 'values and types', QUIZ);
    // The bottom panel open, as a learner who ran something earlier would have it.
    await page.getByRole('tablist', { name: 'Bottom panel' }).getByRole('tab', { name: 'Output' }).click();
    const quiz = page.getByRole('region', { name: 'Quiz' });
    await expect(quiz).toContainText('Question 1 of 5');

    // Large targets: every answer row is at least 44 px high, and clicking its words picks it.
    for (const box of await quiz.locator('.quiz-option-target').evaluateAll((rows) => rows.map((row) => row.getBoundingClientRect().height))) {
      expect(box).toBeGreaterThanOrEqual(44);
    }
    await quiz
      .locator('.quiz-option-target')
      .filter({ hasText: /^int$/ })
      .click({ position: { x: 200, y: 20 } });
    await expect(quiz.getByRole('radio', { name: 'int' })).toBeChecked();
    await expectReachable(quiz.getByRole('button', { name: 'Check answer' }));
    await lookInBothThemes(page, testInfo, 'quiz-question');
    await quiz.getByRole('button', { name: 'Check answer' }).click();
    await expect(quiz.getByRole('status')).toHaveText('Not quite: see the explanations above.');
    await expectReachable(quiz.getByRole('button', { name: 'Next question' }));
    await lookInBothThemes(page, testInfo, 'quiz-feedback');
    await quiz.getByRole('button', { name: 'Next question' }).click();

    // Question 2 picked, then the window reloads: the quiz comes back on question 2, answer kept.
    await expect(quiz).toContainText('Question 2 of 5');
    await quiz.getByText('3333', { exact: true }).click();
    await expect(quiz.getByRole('radio', { name: '3333' })).toBeChecked();
    await page.reload();
    await expect(page.locator('h1.lesson-title')).toHaveText(QUIZ);
    await expect(quiz).toContainText('Question 2 of 5');
    await expect(quiz.getByRole('radio', { name: '3333' })).toBeChecked();
    await quiz.getByRole('button', { name: 'Check answer' }).click();
    await expect(quiz.getByRole('status')).toHaveText('Correct.');
    // A reload after checking keeps the feedback too.
    await page.reload();
    await expect(quiz.getByRole('status')).toHaveText('Correct.');
    await expectReachable(quiz.getByRole('button', { name: 'Next question' }));
    await attachShot(page, testInfo, `quiz-after-reload-${size.width}x${size.height}`);
    await quiz.getByRole('button', { name: 'Next question' }).click();

    // Question 3 half right (one of its two strings), 4 and 5 right: 60 %, under the 80 % mark.
    await quiz.getByText('"42"', { exact: true }).click();
    await quiz.getByRole('button', { name: 'Check answer' }).click();
    await quiz.getByRole('button', { name: 'Next question' }).click();
    for (const number of [4, 5]) {
      await expect(quiz).toContainText(`Question ${number} of 5`);
      await quiz.locator('.quiz-option-target').first().click();
      await quiz.getByRole('button', { name: 'Check answer' }).click();
      await quiz.getByRole('button', { name: number === 5 ? 'See my score' : 'Next question' }).click();
    }

    const result = page.getByRole('region', { name: 'Quiz result' });
    await expect(result.getByRole('heading', { name: 'Not yet' })).toBeFocused();
    await expect(result).toContainText('You scored 60% (pass mark 80%).');
    const review = result.getByRole('region', { name: 'The 2 questions you missed' });
    const items = review.getByRole('listitem');
    await expect(items).toHaveCount(2);
    await expect(items.nth(0)).toContainText('What is the type of 8 / 2?');
    await expect(items.nth(0).locator('dd')).toHaveText(['int', 'float']);
    await expect(items.nth(0)).toContainText('/ is true division and always returns a float: 4.0.');
    await expect(items.nth(1).locator('dd')).toHaveText(['"42"', `"42", ''`]);
    await expect(items.nth(1)).toContainText('The empty string is still a string.');
    await expectReachable(result.getByRole('button', { name: 'Try the quiz again' }));
    await lookInBothThemes(page, testInfo, 'quiz-review');

    // Submitted: the kept progress is gone, so a reload offers the quiz from the start.
    await page.reload();
    await expect(page.getByRole('region', { name: 'Quiz' })).toContainText('Question 1 of 5');
    await expect(page.getByRole('region', { name: 'Quiz' }).getByRole('radio', { name: 'float' })).not.toBeChecked();
  });
}
