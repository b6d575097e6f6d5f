// Visualize with Docker stopped (the app picks WebAssembly): a loop that changes a list, stepped
// forward and back with the buttons and the arrow keys, the editor marking each step's line; then
// a failing test visualized from the results. axe on the step-through view.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { completeFirstRun, openCourseLesson } from './support/learner';
import { startServe, type ServeProcess } from './support/serve';

let serve: ServeProcess | undefined;
test.afterEach(async () => {
  await serve?.stop();
  serve = undefined;
});

// Monaco re-indents typed lines by its own rules: every statement stays on one line.
const PROGRAM = [
  'items = []',
  'for i in range(3): items.append(i * 2)',
  'print(items)',
  'def make_greeting(name): parts = ["Hello"]; parts.append(name); return ", ".join(parts)',
].join('\n');

test('Visualize a loop and a list mutation, step back and forth, and a failing test', async ({ page }) => {
  test.setTimeout(240_000);
  serve = await startServe({ env: { DOCKER_HOST: 'unix:///nonexistent/docker.sock', DRONA_SANDBOX_DRIVER: '' } });
  await page.goto(serve.url);
  await completeFirstRun(page);
  await openCourseLesson(page, /Guided: .*greeting/);
  await page.locator('.monaco-editor').first().click();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(PROGRAM);

  await page.getByRole('toolbar', { name: 'Code actions' }).getByRole('button', { name: 'Visualize' }).click();
  const view = page.getByRole('region', { name: 'Visualize main.py' });
  const description = view.locator('.viz-description');
  await expect(description).toHaveText('Step 1 of 8: line 1', { timeout: 120_000 });
  await expect(view.getByText('Recorded 8 steps of your program.')).toBeVisible();
  await expect(page.locator('.monaco-editor .visualized-line')).toHaveCount(1);

  const forward = view.getByRole('button', { name: 'Forward' });
  await forward.click();
  await expect(description).toHaveText('Step 2 of 8: line 2, items = list #1 []');
  await expect(view.getByRole('table', { name: 'list #1' })).toContainText('empty');
  // The list changes in place: items still points at the same object, which now holds 0.
  await forward.click();
  await expect(description).toHaveText('Step 3 of 8: line 2, items = list #1 [0], i = 0');
  await expect(view.getByRole('table', { name: 'list #1' }).getByRole('row')).toHaveCount(1);
  await expect(view.getByRole('table', { name: 'Global frame' })).toContainText('points to list #1');
  await expect(view.locator('.viz-arrows .viz-arrow')).toHaveCount(1);

  // Back with the keyboard, then to the end: the output so far follows the step.
  await view.getByRole('button', { name: 'Back' }).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(description).toHaveText('Step 2 of 8: line 2, items = list #1 []');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(description).toHaveText('Step 4 of 8: line 2, items = list #1 [0, 2], i = 1');
  await expect(view.getByRole('region', { name: 'Printed output' })).not.toContainText('[0');
  await page.keyboard.press('End');
  await expect(description).toHaveText('Step 8 of 8: line 4, the program ends');
  await expect(view.getByRole('region', { name: 'Printed output' })).toContainText('[0, 2, 4]');
  await view.getByLabel('Jump to step').fill('5');
  await expect(description).toHaveText('Step 5 of 8: line 2, items = list #1 [0, 2, 4], i = 2');
  await expect(view.getByRole('table', { name: 'list #1' }).getByRole('row')).toHaveCount(3);

  const axe = await new AxeBuilder({ page }).include('.visualizer').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await page.screenshot({ path: 'test-results/screenshots/visualize-loop.png' });

  // Check fails (no "!"): visualize the first failing test; only main.py's lines are traced.
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await page
    .getByRole('button', { name: /^Visualize the test / })
    .first()
    .click({ timeout: 120_000 });
  const testView = page.getByRole('region', { name: /^Visualize the test / });
  await expect(testView.locator('.viz-description')).toHaveText(/^Step 1 of 2: line 4/, { timeout: 120_000 });
  await testView.getByRole('button', { name: 'Last step' }).click();
  await expect(testView.locator('.viz-description')).toHaveText(/make_greeting returns 'Hello, \w*'$/);
  await expect(testView.locator('.viz-error')).toContainText('AssertionError');
  await page.screenshot({ path: 'test-results/screenshots/visualize-test.png' });
});
