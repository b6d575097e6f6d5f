import { expect, test } from './support/fixtures';
import { completeFirstRun } from './support/learner';

test('the status bar says which sandbox runs code and whether it is isolated', async ({ page, serveApp }) => {
  const serve = await serveApp();
  await page.goto(serve.url);
  await completeFirstRun(page);
  const status = page.getByTestId('sandbox-status');
  await expect(status).toBeVisible();
  const indicator = status.getByRole('status');
  await expect(indicator).toHaveAccessibleName(/^Sandbox: (Docker .*isolated in a container|No isolated sandbox is available)/);
  // In CI Docker runs and the runner images are built, so nothing is missing.
  if (process.env.CI === 'true') {
    await expect(indicator).toHaveText(/Sandbox: Docker/);
    await expect(status.getByRole('button', { name: /Build image/ })).toHaveCount(0);
  }
  await page.locator('.status-bar').screenshot({ path: 'test-results/screenshots/sandbox-status.png' });
});
