// "Try it" as a learner meets it (issue #21), serve mode at 1440×900, 1280×720 and 1024×640, each
// view axe-checked and photographed in both themes: the example runs inline, its output right under
// it (the bottom panel's Output only keeps a log of runs), and the example can be edited, run as
// edited and reset.
import { expect, test, type Locator } from '@playwright/test';
import { learnerPerTest, openLessonBySearch } from './support/learner';
import { lookInBothThemes, SIZES, startLearnerIn } from './support/look';

const startLearner = learnerPerTest();

/** The output box starts just under the example's code, inside the same column. */
async function expectRightUnder(output: Locator, code: Locator) {
  const [box, example] = [(await output.boundingBox())!, (await code.boundingBox())!];
  expect(box.y).toBeGreaterThanOrEqual(example.y + example.height - 1);
  expect(box.y - (example.y + example.height)).toBeLessThan(60);
  expect(box.x).toBeGreaterThanOrEqual(example.x - 1);
  expect(box.x + box.width).toBeLessThanOrEqual(example.x + example.width + 1);
}

test('Try it runs inline under its example, which can be edited and reset, at three sizes in both themes', async ({ page }, testInfo) => {
  test.setTimeout(360_000);
  await startLearnerIn(page, 'dark', startLearner, SIZES[0]);
  await openLessonBySearch(page, 'Hello, Python', 'Hello, Python');
  const block = page.locator('.lesson-canvas .lesson-code').first();
  const output = block.getByRole('status', { name: 'Example output' });
  const example = block.getByRole('textbox', { name: 'Example code (python)' });
  const edit = block.getByRole('button', { name: 'Edit this example' });
  // The lesson's code is coloured: a string token differs from the plain code text.
  const colour = (locator: Locator) => locator.evaluate((element) => getComputedStyle(element).color);
  await expect(block.locator('pre .hljs-string').first()).toBeVisible();
  expect(await colour(block.locator('pre .hljs-string').first())).not.toBe(await colour(block.locator('pre').first()));

  for (const size of SIZES) {
    await page.setViewportSize(size);
    // At each size the example as the lesson wrote it (the last size reset it and closed its editing).
    await block.getByRole('button', { name: 'Try it: run this python example' }).click();
    await expect(output).toContainText('Hello, world!', { timeout: 30_000 });
    await expect(output).toBeInViewport();
    await expectRightUnder(output, block.locator('pre').first());

    // Edited, run as edited, then reset to the lesson's text.
    await edit.click();
    await expect(edit).toHaveAttribute('aria-pressed', 'true');
    await example.fill(`print("Edited at ${size.width}!")`);
    await block.getByRole('button', { name: 'Try it: run this python example' }).click();
    await expect(output).toHaveText(`Edited at ${size.width}!`, { timeout: 30_000 });
    await expectRightUnder(output, example);
    await lookInBothThemes(page, testInfo, 'try-it');
    await block.getByRole('button', { name: 'Reset this example' }).click();
    await expect(example).toHaveValue(/Hello, world!/);
    await expect(block.getByRole('button', { name: 'Reset this example' })).toHaveCount(0);
    await edit.click();
  }
});
