// Destinations that need a server, with none set (issue #21): Leaderboard and Certificates say
// what they need, offer it in one action (Settings, at the server's field) and say what works
// offline; nothing reads "never fetched". Serve mode at 1280×720 in both themes.
import { expect, test } from '@playwright/test';
import { activity, learnerPerTest } from './support/learner';
import { attachShot, expectAxeClean, startLearnerIn, THEMES } from './support/look';

const startLearner = learnerPerTest();

for (const theme of THEMES) {
  test(`Leaderboard and Certificates without a server offer one and say what works offline (${theme})`, async ({ page }, testInfo) => {
    test.setTimeout(180_000);
    await startLearnerIn(page, theme, startLearner);
    const canvas = page.locator('main.canvas');

    for (const [name, heading] of [
      ['Leaderboard', 'Leaderboards need a sync server'],
      ['Certificates', 'Issuing a certificate needs a sync server'],
    ] as const) {
      await activity(page, name).click();
      const needs = canvas.getByRole('region', { name: heading });
      await expect(needs).toBeVisible();
      await expect(needs).toContainText('Works offline:');
      await expect(canvas).not.toContainText(/never fetched|Updated/);
      await expectAxeClean(page, `${name} without a server (${theme})`);
      await attachShot(page, testInfo, `destinations-${name.toLowerCase()}-${theme}`);

      // One action: Settings opens with the server's address field focused.
      await needs.getByRole('button', { name: 'Set a sync server' }).click();
      await expect(activity(page, 'Settings')).toHaveAttribute('aria-current', 'page');
      const field = page.getByRole('textbox', { name: 'Sync server address' });
      await expect(field).toBeFocused();
      await expect(field).toBeInViewport();
    }
    await attachShot(page, testInfo, `destinations-settings-field-${theme}`);
  });
}
