// A program that reads standard input, run from the editor: the learner types a line into the
// Output panel's input line, it reaches the running program, and its answer appears; with
// Docker stopped (the WebAssembly driver) and with whatever this machine runs by default.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { learnerPerTest, openCourseLesson } from './support/learner';
import { expectFieldsStandOut } from './support/look';

const startLearner = learnerPerTest();

const PROGRAM = "name = input('Name? ')\nprint(f'Hello, {name}!')\nprint('again:', input())\n";

async function openGreeting(page: Page) {
  await openCourseLesson(page, /Guided: .*greeting/);
  await expect(page.locator('.monaco-editor').first()).toBeVisible();
}

for (const [name, env] of [
  ['Docker stopped (WebAssembly)', { DOCKER_HOST: 'unix:///nonexistent/docker.sock', DRONA_SANDBOX_DRIVER: '' }],
  ['the default driver', {}],
] as const) {
  test(`Run with input, ${name}: a typed line reaches the program`, async ({ page }) => {
    test.setTimeout(180_000);
    const wasm = 'DOCKER_HOST' in env;
    await startLearner(page, { env });
    await openGreeting(page);
    await page.locator('.monaco-editor').first().click();
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(PROGRAM);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.getByRole('tab', { name: 'Output' }).click();
    const output = page.getByRole('tabpanel', { name: 'Output' });
    await expect(output).toContainText('Name?', { timeout: 90_000 });
    const input = output.getByRole('textbox', { name: 'Input' });
    await expect(input).toBeVisible();
    // Docker and the process driver cannot tell that a program waits for input, so their clock
    // (5 s, restarted by each line sent) runs meanwhile: answer before it ends.
    if (wasm) {
      // Only here does the clock stop while the program waits, leaving time for axe.
      const axe = await new AxeBuilder({ page }).include('.bottom-panel').analyze();
      expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
      // The input line is known by its border: 3:1 against the panel, in both themes.
      await expectFieldsStandOut(page, 'Output input');
    }
    await input.fill('Ada');
    await input.press('Enter');
    await expect(output).toContainText('Hello, Ada!');
    await input.fill('twice');
    await input.press('Enter');
    await expect(output).toContainText('again: twice');
    // The run has ended: the input line goes away.
    await expect(input).toHaveCount(0);
    await page.screenshot({ path: `test-results/screenshots/run-input-${wasm ? 'wasm' : 'default'}.png` });
  });
}
