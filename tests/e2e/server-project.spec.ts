// The Gold project sent to the sync server's review queue, in serve mode: Python Basics done
// offline with Silver's exam passed (seeded), signed in to `drona server` (PGlite, built-in
// courses); the learner takes on the brief, submits a real folder whose tests pass in the sandbox,
// sends it for review on the server and sees it waiting there; the admin's queue holds it.
// Axe is clean on the project view.
import path from 'node:path';
import { pythonBasicsDoneOffline } from './support/course-done-offline';
import { expect, test } from './support/fixtures';
import { seedSilverPass, writeProject } from './support/gold-project';
import { expectAxeClean } from './support/look';
import { signInToSync, startSyncServer } from './support/sync-server';

test('a signed-in learner sends the Gold project to the sync server and sees it waiting for review', async ({ page, serveApp, workDir }) => {
  test.setTimeout(300_000);
  const server = await startSyncServer(0, path.join(workDir, 'server'));
  try {
    const env = { DRONA_SYNC_SERVER_URL: server.url };
    const dataDir = path.join(workDir, 'data');
    const first = await pythonBasicsDoneOffline(page, (options) => serveApp({ ...options, env }), dataDir, 'Asha');
    await page.goto('about:blank');
    await first.serve.stop();
    seedSilverPass(dataDir);
    const folder = path.join(workDir, 'expense-tracker');
    writeProject(folder);
    const serve = await serveApp({ dataDir, env });
    await page.goto(serve.url);
    await signInToSync(page, server.url, 'Asha');

    await page.getByRole('navigation', { name: 'Activities' }).getByRole('button', { name: 'Certificates' }).click();
    const project = page.getByRole('region', { name: 'Python Basics: Gold project' });
    await project.getByRole('button', { name: 'Take on this project' }).click();
    const submit = project.getByRole('form', { name: 'Submit the project' });
    await submit.getByLabel('Project folder (its full path on this computer)').fill(folder);
    await submit.getByRole('button', { name: 'Submit the project' }).click();
    const review = project.getByRole('region', { name: 'Project review' });
    await expect(review.getByRole('list', { name: 'Automated checks' })).toContainText('Tests: 2 of 2 passed in the sandbox', { timeout: 120_000 });

    await project.getByRole('button', { name: 'Send for review on your sync server' }).click();
    await expect(project.getByLabel('Review on your sync server')).toContainText('Waiting for a reviewer on your sync server');
    await page.mouse.move(0, 0);
    await expectAxeClean(page, 'project on the server', '.project-view');
    await page.screenshot({ path: 'test-results/screenshots/server-project-queued.png' });
  } finally {
    await server.stop();
  }
});
