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
