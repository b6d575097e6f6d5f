import { expect, type Page } from '@playwright/test';

/** Completes the first-run flow so a test starts in the shell. */
export async function completeFirstRun(page: Page, name = 'Asha'): Promise<void> {
  await page.getByLabel('What should we call you?').fill(name);
  await page.getByRole('button', { name: 'Start learning' }).click();
  await expect(page.getByRole('navigation', { name: 'Activities' })).toBeVisible();
}
