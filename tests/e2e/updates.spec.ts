// Settings → Updates in serve mode: the channel choice is kept, and where there is nothing to
// update (serve mode runs the installed version) the section says why instead of offering a check.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { contractCall as call } from './support/contract-call';
import { completeFirstRun } from './support/learner';
import { startServe, tempDataDir } from './support/serve';

test('the update channel is chosen in Settings and kept; serve mode explains why it does not update; axe-clean', async ({ page }) => {
  test.setTimeout(120_000);
  const serve = await startServe({ dataDir: tempDataDir() });
  try {
    await page.goto(serve.url);
    await completeFirstRun(page);
    await page.getByRole('navigation', { name: 'Activities' }).getByRole('button', { name: 'Settings' }).click();

    const section = page.getByRole('region', { name: 'Updates' });
    await expect(section.getByTestId('update-settings-status')).toHaveText(/Serve mode runs the version installed here/);
    await expect(section.getByRole('button', { name: 'Check now' })).toHaveCount(0);
    const channel = section.getByRole('combobox', { name: 'Channel' });
    await expect(channel).toHaveValue('stable');
    await channel.selectOption('beta');
    await expect.poll(async () => ((await call(page, 'settings.get', {})) as { updates: { channel: string } }).updates.channel).toBe('beta');
    await page.reload();
    await page.getByRole('navigation', { name: 'Activities' }).getByRole('button', { name: 'Settings' }).click();
    await expect(page.getByRole('region', { name: 'Updates' }).getByRole('combobox', { name: 'Channel' })).toHaveValue('beta');

    // A raw contract call gets the same answers: nothing downloaded, so nothing to restart into.
    expect(await call(page, 'update.status', {})).toMatchObject({ state: 'unsupported' });
    await expect(call(page, 'update.restart', { unsavedWork: false })).rejects.toThrow(/nothing to restart into/);

    const axe = await new AxeBuilder({ page }).include('#settings-updates').analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  } finally {
    await serve.stop();
  }
});
