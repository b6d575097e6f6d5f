import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { completeFirstRun } from './support/learner';
import { startServe, type ServeProcess } from './support/serve';

let serve: ServeProcess | undefined;
test.afterEach(async () => {
  await serve?.stop();
  serve = undefined;
});

const screenText = (page: Page) => page.locator('.xterm-rows').innerText();

async function typeInTerminal(page: Page, text: string) {
  await page.locator('.xterm-helper-textarea').focus();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

test('the terminal runs commands, opens tabs, follows resizes and passes axe', async ({ page }) => {
  test.setTimeout(180_000);
  serve = await startServe();
  await page.goto(serve.url);
  await completeFirstRun(page);
  await page.getByRole('tab', { name: 'Terminal' }).click();
  await expect(page.locator('.xterm-rows')).toBeVisible();
  await expect.poll(() => screenText(page)).toMatch(/[$#]\s*$/m);

  // No keyboard trap (issue #21): at the prompt Escape leaves for the Terminal tab, Ctrl+` always
  // does, and the panel shortcuts (Ctrl+B) reach the app from inside the terminal.
  const terminalTab = page.getByRole('tab', { name: 'Terminal' });
  for (const key of ['Escape', 'Control+`']) {
    await page.locator('.xterm-helper-textarea').focus();
    await page.keyboard.press(key);
    await expect(terminalTab).toBeFocused();
  }
  const side = page.getByRole('complementary', { name: /side panel/ });
  for (const folded of [true, false]) {
    await page.locator('.xterm-helper-textarea').focus();
    await page.keyboard.press('Control+b');
    if (folded) await expect.poll(async () => (await side.boundingBox())?.width ?? 0).toBeLessThan(5);
    else await expect.poll(async () => (await side.boundingBox())?.width ?? 0).toBeGreaterThan(200);
  }

  await typeInTerminal(page, 'echo made-by-$((6*7)) > note.txt; ls');
  await expect.poll(() => screenText(page)).toContain('note.txt');
  await typeInTerminal(page, 'python3 --version');
  await expect.poll(() => screenText(page)).toMatch(/Python 3\.\d+/);

  // Resize: the pty learns the new size from the fit addon.
  await typeInTerminal(page, 'clear; stty size');
  await expect.poll(() => screenText(page)).toMatch(/^\d+ \d+$/m);
  const before = /^(\d+) (\d+)$/m.exec(await screenText(page))!;
  await page.setViewportSize({ width: 900, height: 600 });
  await page.waitForTimeout(300);
  await typeInTerminal(page, 'clear; stty size');
  await expect.poll(async () => /^(\d+) (\d+)$/m.exec(await screenText(page))?.[2]).not.toBe(before[2]);
  await page.screenshot({ path: 'test-results/screenshots/terminal.png' });

  // A second tab is a second shell; closing it kills it.
  await page.getByRole('button', { name: 'New terminal' }).click();
  await expect(page.getByRole('toolbar', { name: 'Terminals' }).getByRole('button', { name: /^bash|^sh|^zsh/ })).toHaveCount(2);
  await page.getByRole('button', { name: 'Close terminal 2' }).click();
  await expect(page.getByRole('toolbar', { name: 'Terminals' }).getByRole('button', { name: /^bash|^sh|^zsh/ })).toHaveCount(1);

  const axe = await new AxeBuilder({ page }).include('.terminal-panel').analyze();
  expect(axe.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')).toEqual([]);
});

test('a flood of output does not freeze the UI', async ({ page }) => {
  serve = await startServe();
  await page.goto(serve.url);
  await completeFirstRun(page);
  await page.getByRole('tab', { name: 'Terminal' }).click();
  await expect.poll(() => screenText(page)).toMatch(/[$#]\s*$/m);
  await typeInTerminal(page, 'yes');
  await page.waitForTimeout(1500);
  // The page still answers promptly while the flood goes on.
  const started = Date.now();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  expect(Date.now() - started).toBeLessThan(2000);
  await page.getByRole('tab', { name: 'Output' }).click();
  await expect(page.getByRole('tab', { name: 'Output' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('tab', { name: 'Terminal' }).click();
  await page.locator('.xterm-helper-textarea').focus();
  await page.keyboard.press('Control+c');
  await typeInTerminal(page, 'clear; echo after-the-flood');
  await expect.poll(() => screenText(page)).toContain('after-the-flood');
});
