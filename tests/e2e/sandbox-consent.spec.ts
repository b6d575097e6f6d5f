// Without Docker, a course's code runs isolated in WebAssembly. It runs directly on the computer
// (the process driver) only when the learner both turns that on in Settings → Sandbox and
// confirms the course in a dialog that spells out the risk: declining runs nothing; accepting
// runs it (not isolated) and lists the course in Settings.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { activity, completeFirstRun, openLessonBySearch } from './support/learner';
import { startServe, type ServeProcess } from './support/serve';

let serve: ServeProcess | undefined;
test.afterEach(async () => {
  await serve?.stop();
  serve = undefined;
});

const tryIt = (page: Page) => page.getByRole('button', { name: 'Try it: run this python example' }).first();

const noDocker = { env: { DOCKER_HOST: 'unix:///nonexistent/docker.sock', DRONA_SANDBOX_DRIVER: '' } };

test('course code without Docker runs isolated in WebAssembly, with no dialog', async ({ page }) => {
  test.setTimeout(120_000);
  serve = await startServe(noDocker);
  await page.goto(serve.url);
  await completeFirstRun(page);
  await expect(page.getByTestId('sandbox-status').getByRole('status')).toHaveText(/Sandbox: WebAssembly/);
  await openLessonBySearch(page, 'Hello, Python', 'Hello, Python');
  await tryIt(page).click();
  // The output shows under the example; the Output panel keeps the log.
  await expect(page.getByRole('status', { name: 'Example output' }).first()).toContainText('Hello, world!', { timeout: 60_000 });
  await page.getByRole('tab', { name: 'Output' }).click();
  await expect(page.getByRole('tabpanel', { name: 'Output' })).toContainText('Hello, world!');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('the process driver, turned on, asks once per course (axe-clean); declined runs nothing, accepted runs', async ({ page }) => {
  test.setTimeout(120_000);
  // No Docker engine answers; the driver is the app's default choice ('auto').
  serve = await startServe(noDocker);
  await page.goto(serve.url);
  await completeFirstRun(page);
  await openLessonBySearch(page, 'Hello, Python', 'Hello, Python');
  // The run's log, with the sandbox's notes, is in the Output panel.
  await page.getByRole('tab', { name: 'Output' }).click();
  const output = page.getByRole('tabpanel', { name: 'Output' });

  // The learner turns the process driver on.
  await activity(page, 'Settings').click();
  const section = page.locator('#settings-sandbox');
  await section.getByLabel('Run course code directly on this computer (not isolated)').check();
  await expect(page.getByTestId('sandbox-status').getByRole('status')).toHaveText(/Sandbox: not isolated/);
  await activity(page, 'Learn').click();
  await openLessonBySearch(page, 'Hello, Python', 'Hello, Python');

  // Asked, naming the course; the safe answer has the focus. Escape declines: nothing runs.
  await tryIt(page).click();
  const dialog = page.getByRole('dialog', { name: 'Run Python Basics’s code directly on this computer?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('It can read, change and delete your files');
  await expect(dialog).toContainText('It can reach the network');
  await expect(dialog.getByRole('button', { name: 'Don’t run' })).toBeFocused();
  const axe = await new AxeBuilder({ page }).include('[role="dialog"]').analyze();
  expect(axe.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(' | ')}`)).toEqual([]);
  await page.screenshot({ path: 'test-results/screenshots/sandbox-consent-dialog.png' });
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(output).toContainText('Nothing ran: Python Basics has not been confirmed');
  await expect(output).not.toContainText('Hello, world!');

  // Asked again; by keyboard, Tab to "Run on this computer" and Enter: it runs, not isolated.
  await tryIt(page).click();
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Run on this computer' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(output).toContainText('Hello, world!', { timeout: 30_000 });
  await expect(output).toContainText('(Not isolated.)');

  // Once per course: the next Try it runs without asking; Settings lists the course.
  await tryIt(page).click();
  await expect(output).toContainText('Running the example…');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await activity(page, 'Settings').click();
  await expect(section.getByRole('list', { name: 'Courses allowed to run on this computer' })).toContainText('Python Basics');
  await section.getByRole('button', { name: 'Stop allowing Python Basics' }).click();
  await expect(section.getByRole('list', { name: 'Courses allowed to run on this computer' })).toHaveCount(0);
});
