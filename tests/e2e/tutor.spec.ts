// The tutor in serve mode against the local Ollama test server (the real NDJSON protocol):
// configure it in Settings, pull a model with the progress bar, ask for a hint and watch it
// stream, stop it, find the session again after a restart, and see the message when Ollama is down.
import type { Page } from '@playwright/test';
import { startOllamaTestServer, type OllamaTestServer } from '../../main/tutor/testing/ollama-test-server';
import { tokenChunks } from '../../main/tutor/testing/anthropic-test-server';
import { expect, test } from './support/fixtures';
import { completeFirstRun, openLessonBySearch } from './support/learner';
import { tempDataDir } from './support/serve';

let ollama: OllamaTestServer | undefined;
test.afterEach(async () => {
  await ollama?.close();
  ollama = undefined;
});

const tutorPanel = (page: Page) => page.getByRole('region', { name: 'Tutor' });

test('hint streams, Stop stops it, the session survives a restart; pulling shows progress; a down provider is explained', async ({ page, serveApp }) => {
  test.setTimeout(120_000); // two serve starts and a model pull on a shared, busy machine
  ollama = await startOllamaTestServer({ models: {}, delayMs: 40, pullSteps: 8 });
  const dataDir = tempDataDir();
  let serve = await serveApp({ dataDir });
  await page.setViewportSize({ width: 1280, height: 1000 });
  await page.goto(serve.url);
  await completeFirstRun(page);

  // Point the app at the test server through Settings → Tutor, and pull a model there.
  await page.getByRole('navigation', { name: 'Activities' }).getByRole('button', { name: 'Settings' }).click();
  const tutorSettings = page.getByRole('region', { name: 'Tutor' }).or(page.locator('#settings-tutor'));
  await tutorSettings.getByLabel('Provider').selectOption('ollama');
  await tutorSettings.getByLabel('Ollama host').fill(ollama.url);
  await tutorSettings.getByRole('button', { name: 'Connect' }).click();
  await tutorSettings.getByLabel('Pull a model').fill('llama3.2:1b');
  await tutorSettings.getByRole('button', { name: 'Pull', exact: true }).click();
  const bar = tutorSettings.getByRole('progressbar', { name: 'Pulling llama3.2:1b' });
  await expect(bar).toBeVisible();
  await expect.poll(async () => Number(await bar.getAttribute('value'))).toBeGreaterThan(0);
  await page.screenshot({ path: 'test-results/screenshots/tutor-pull.png' });
  await expect(tutorSettings.getByText('llama3.2:1b is ready')).toBeVisible({ timeout: 20_000 });
  await expect(tutorSettings.getByRole('list', { name: 'Installed models' })).toContainText('llama3.2:1b');
  await tutorSettings.getByLabel('Model', { exact: true }).selectOption('llama3.2:1b');

  // Open a practice lesson, found by searching for it.
  await openLessonBySearch(page, 'counting votes', 'Practice: counting votes');
  await page.getByRole('tab', { name: 'Tutor' }).click();
  const panel = tutorPanel(page);
  await expect(panel.getByRole('group', { name: 'Quick actions' })).toBeVisible();

  // A slow reply, stopped part-way.
  ollama.enqueueChat({
    kind: 'stream',
    chunks: tokenChunks(
      'Look at your loop. What does it do with each vote before moving on? Try printing the count inside the loop, then run the check again and compare.',
    ),
    delayMs: 250,
  });
  await panel.getByLabel('Ask the tutor').fill('Give me a hint.');
  await panel.getByRole('button', { name: 'Send' }).click();
  const inProgress = panel.getByRole('article', { name: 'Tutor reply in progress' });
  await expect(inProgress).toContainText('Look at your');
  await page.screenshot({ path: 'test-results/screenshots/tutor-streaming.png' });
  await panel.getByRole('button', { name: 'Stop' }).click();
  await expect(panel.getByRole('alert')).toContainText('Stopped.');
  await expect(panel.getByText('(stopped)')).toBeVisible();
  // In a practice lesson the Code Reviewer is the default agent, so the replies carry its name.
  const stoppedText = await panel.getByRole('article', { name: 'Code Reviewer' }).last().innerText();
  expect(stoppedText).not.toContain('compare.');

  // A full reply.
  await panel.getByLabel('Ask the tutor').fill('Why does my count stay at 1?');
  await panel.getByRole('button', { name: 'Send' }).click();
  await expect(panel.getByRole('article', { name: 'Code Reviewer' }).last()).toContainText('compare the output');
  await expect(panel.getByRole('article', { name: 'Tutor reply in progress' })).toHaveCount(0);

  // After a restart the session is still there.
  await serve.stop();
  serve = await serveApp({ dataDir });
  await page.goto(serve.url);
  // The exercise comes back first (it folds the bottom panel to its tabs); then the learner opens the tutor.
  await expect(page.locator('h1.lesson-title')).toHaveText('Practice: counting votes');
  await page.getByRole('tab', { name: 'Tutor' }).click();
  await expect(tutorPanel(page).getByText('Why does my count stay at 1?')).toBeVisible();
  await expect(tutorPanel(page).getByText('(stopped)')).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/tutor-session.png' });

  // Ollama goes away: the panel says so and what to do.
  await ollama.close();
  ollama = undefined;
  await tutorPanel(page).getByLabel('Ask the tutor').fill('Give me a hint.');
  await tutorPanel(page).getByRole('button', { name: 'Send' }).click();
  const alert = tutorPanel(page).getByRole('alert');
  await expect(alert).toContainText('Could not reach Ollama');
  await expect(alert).toContainText('ollama serve');
  await expect(alert.getByRole('button', { name: 'Open tutor settings' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/tutor-provider-down.png' });
});

test('without a provider, the lesson’s hint control reveals the course’s own hints; Anthropic settings explain how serve mode keeps the key', async ({
  page,
  serveApp,
}) => {
  const serve = await serveApp();
  await page.setViewportSize({ width: 1280, height: 1000 });
  await page.goto(serve.url);
  await completeFirstRun(page);
  await openLessonBySearch(page, 'counting votes', 'Practice: counting votes');
  await page.getByRole('tab', { name: 'Tutor' }).click();
  const panel = tutorPanel(page);
  await expect(panel.getByText('Course hints only')).toBeVisible();
  await expect(panel.getByText(/Hints 0 of \d/)).toBeVisible();
  // One hint control, the lesson's: the tutor has no Hint action of its own.
  await expect(panel.getByRole('group', { name: 'Quick actions' }).getByRole('button', { name: 'Hint' })).toHaveCount(0);
  await page
    .getByRole('region', { name: 'Hints' })
    .getByRole('button', { name: /Show a hint/ })
    .click();
  await expect(page.getByRole('region', { name: 'Hints' }).getByRole('listitem')).toHaveCount(1);

  await page.getByRole('navigation', { name: 'Activities' }).getByRole('button', { name: 'Settings' }).click();
  const settings = page.locator('#settings-tutor');
  await settings.getByLabel('Provider').selectOption('anthropic');
  await expect(settings.getByText('Stored encrypted with a key in your user folder, outside the data folder')).toBeVisible();
  await settings.getByLabel(/API key/).fill('sk-ant-e2e-not-a-real-key');
  await settings.getByRole('button', { name: 'Save key' }).click();
  await expect(settings.getByText('(saved)')).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/tutor-settings-anthropic.png' });
  expect(serve.output()).not.toContain('sk-ant-e2e-not-a-real-key');
});
