import { expect, type Page } from '@playwright/test';

/** Completes the first-run flow (today's questions, then the path with its defaults) so a test starts in the shell. */
export async function completeFirstRun(page: Page, name = 'Asha'): Promise<void> {
  await page.getByLabel('What should we call you?').fill(name);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Start learning' }).click();
  await expect(page.getByRole('navigation', { name: 'Activities' })).toBeVisible();
}

/** Opens a lesson as a learner finds it: typing into the lesson search and picking the hit. */
export async function openLessonBySearch(page: Page, query: string, title: string): Promise<void> {
  const learn = page.getByRole('navigation', { name: 'Activities' }).getByRole('button', { name: 'Learn' });
  if ((await learn.getAttribute('aria-current')) !== 'page') await learn.click();
  await page.getByLabel('Search lessons').fill(query);
  const results = page.getByRole('list', { name: 'Lesson search results' });
  await results
    .getByRole('button', { name: new RegExp(title) })
    .first()
    .click();
  await expect(page.locator('h1.lesson-title')).toHaveText(title);
}

/** From the catalog: start Python Basics, then "Next lesson" until the lesson is open. */
export async function openCourseLesson(page: Page, title: RegExp) {
  await page.getByRole('navigation', { name: 'Activities' }).getByRole('button', { name: 'Learn' }).click();
  await page
    .getByRole('article', { name: 'Python Basics' })
    .getByRole('button', { name: /Start|Continue/ })
    .click();
  const heading = page.locator('.lesson-title');
  await expect(heading).toBeVisible();
  for (let step = 0; step < 10 && !title.test((await heading.textContent()) ?? ''); step++) {
    const before = await heading.textContent();
    await page.getByRole('button', { name: 'Next lesson' }).click();
    await expect(heading).not.toHaveText(before ?? '');
  }
  await expect(heading).toHaveText(title);
}

/** Replaces the editor's whole text by pasting, as a learner would. */
export async function replaceEditorText(page: Page, text: string): Promise<void> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate((value) => navigator.clipboard.writeText(value), text);
  await page.locator('.monaco-editor').first().click();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Control+v');
}
