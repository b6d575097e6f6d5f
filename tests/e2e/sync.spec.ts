// Sync end to end: the app (serve mode) and the hosted API (`drona server`, PGlite) on
// loopback. Lessons completed while the server is down wait in the outbox, drain once it is
// up (each event counted once), a Bronze certificate is issued and shown on its public
// verification page in Chromium, and its signature verifies in the app with the server gone.
import { expect, test } from '@playwright/test';
import { encryptedFileSecretStore } from '../../main/secrets/secret-store';
import { SYNC_TOKENS_SECRET } from '../../main/sync/sync-state';
import { contractCall as call } from './support/contract-call';
import { completeFirstRun } from './support/learner';
import { lessonCompleted, quizPassed, seedProgress } from './support/seed-progress';
import { startServe, tempDataDir, type ServeProcess } from './support/serve';
import { signInToSync, startSyncServer, type SyncServer } from './support/sync-server';

let serve: ServeProcess | undefined;
let server: SyncServer | undefined;
test.afterEach(async () => {
  await serve?.stop();
  await server?.stop();
  serve = undefined;
  server = undefined;
});

test('offline progress drains exactly once; a Bronze certificate verifies in Chromium and offline', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const serverData = tempDataDir('drona-sync-server-');
  server = await startSyncServer(0, serverData, ['--min-lesson-seconds', '0']);
  const port = Number(new URL(server.url).port);
  serve = await startServe({ env: { DRONA_SYNC_SERVER_URL: server.url, DRONA_SYNC_INTERVAL_MS: '300' } });
  await page.goto(serve.url);
  await completeFirstRun(page, 'Asha');

  await signInToSync(page, server.url, 'Asha');

  // The server goes away; every lesson of the course is completed offline (seeded while the app
  // is closed: windows cannot record learning events), then the app starts again.
  await server.stop();
  const course = await call<{ modules: { lessons: { id: string; type: string }[] }[] }>(page, 'courses.get', { courseId: 'python-basics' });
  const lessons = course.modules.flatMap((m) => m.lessons);
  const start = Date.now() - lessons.length * 60_000;
  const dataDir = serve.dataDir;
  await page.goto('about:blank');
  await serve.stop();
  await seedProgress(
    dataDir,
    // Each took 45 s of the minute before it (the active time the app claims for it on the server).
    lessons.map((lesson, i) =>
      lesson.type === 'quiz'
        ? quizPassed(lesson.id, start + i * 60_000, 85)
        : lessonCompleted(lesson.id, start + i * 60_000, { lessonType: lesson.type, firstAttempt: true, elapsedSeconds: 45 }),
    ),
  );
  serve = await startServe({ dataDir, env: { DRONA_SYNC_SERVER_URL: server.url, DRONA_SYNC_INTERVAL_MS: '300' } });
  await page.goto(serve.url);
  await expect(page.getByRole('navigation', { name: 'Activities' })).toBeVisible();
  const offline = await call<{ pending: number; state: string }>(page, 'sync.status', {});
  expect(offline.pending).toBeGreaterThanOrEqual(lessons.length);
  await expect.poll(async () => (await call<{ state: string }>(page, 'sync.status', {})).state).toBe('offline');

  // The server comes back on the same address: the outbox drains by itself.
  server = await startSyncServer(port, serverData, ['--min-lesson-seconds', '0']);
  await expect.poll(async () => (await call<{ pending: number }>(page, 'sync.status', {})).pending, { timeout: 60_000 }).toBe(0);

  // Exactly once: the server's total is the HUD's (one XP table), each event counted one time.
  // The app keeps its tokens in the secret store (serve mode: the encrypted file in the data dir).
  const account = { tokens: JSON.parse(encryptedFileSecretStore(serve.dataDir).get(SYNC_TOKENS_SECRET)!) as { accessToken: string } };
  const expected = (await call<{ totalXp: number }>(page, 'progress.snapshot', {})).totalXp;
  expect(expected).toBeGreaterThan(lessons.length * 50);
  const me = (await (await fetch(`${server.url}/v1/me`, { headers: { authorization: `Bearer ${account.tokens.accessToken}` } })).json()) as { totalXp: number };
  expect(me.totalXp).toBe(expected);
  await call(page, 'sync.syncNow', {});
  const again = (await (await fetch(`${server.url}/v1/me`, { headers: { authorization: `Bearer ${account.tokens.accessToken}` } })).json()) as {
    totalXp: number;
  };
  expect(again.totalXp).toBe(expected);

  // Request the Bronze certificate from the Certificates view.
  await page.getByRole('button', { name: 'Certificates' }).click();
  await page.getByRole('button', { name: 'Request Bronze' }).click();
  await expect(page.getByText('Bronze certificate issued for Python Basics.')).toBeVisible({ timeout: 30_000 });
  const overview = await call<{ issued: { id: string; verifyUrl: string }[] }>(page, 'certificates.overview', {});
  const cert = overview.issued[0]!;
  await page.screenshot({ path: 'test-results/screenshots/sync-certificates.png' });

  // The leaderboards: this week's league and the all-time board, with "you" highlighted.
  await page.getByRole('button', { name: 'Leaderboard', exact: true }).click();
  await expect(page.getByRole('heading', { name: /league · week/ })).toBeVisible();
  await page.getByRole('button', { name: 'All-time XP' }).click();
  await expect(page.getByRole('heading', { name: 'You are #1' })).toBeVisible();
  await expect(page.locator('tr.you')).toContainText('Asha');
  await page.screenshot({ path: 'test-results/screenshots/sync-leaderboard.png' });

  // Its public verification page, in Chromium, with no login.
  const verifyPage = await browser.newPage();
  await verifyPage.goto(cert.verifyUrl);
  await expect(verifyPage.locator('#verdict')).toContainText('Valid.');
  await expect(verifyPage.locator('#earner')).toHaveText('Asha');
  await expect(verifyPage.locator('h1')).toContainText('Python Basics: Bronze certificate');
  await verifyPage.screenshot({ path: 'test-results/screenshots/sync-verify-page.png' });
  await verifyPage.close();

  // With the server stopped, the app still verifies the signature.
  await server.stop();
  await page.getByRole('button', { name: 'Certificates', exact: true }).click();
  await page.getByRole('button', { name: 'Verify signature' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Valid. The Ed25519 signature holds' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/sync-verified-offline.png' });

  // Offline, the leaderboard shows the cached copy and says so.
  await page.getByRole('button', { name: 'Leaderboard', exact: true }).click();
  await expect(page.getByText('cached copy: the server could not be reached')).toBeVisible();
});
