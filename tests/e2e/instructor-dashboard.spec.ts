// The instructor dashboard end to end: the hosted API (`drona server`, PGlite) on loopback, an
// organisation set up through its API as the app would (owner, instructor, cohort, assignment,
// invite, a learner who joins and completes lessons), then in Chromium: signing in by keyboard,
// the cohort's table with the learner's progress, their detail, CSV export, axe in both schemes
// (each view and scheme also shot to test-results/screenshots/dashboard-*.png). Then the Gold review:
// a learner of the instructor's cohort submits a project through the API; the instructor opens it
// from the queue by keyboard, is told why failing scores cannot be approved, fixes one and approves;
// the learner's submission is accepted, signed by the instructor.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { seedCohort, submitGoldProject } from './support/dashboard-seed';
import { attachShot, contrast } from './support/look';
import { pageLook } from './support/page-look';
import { tempDataDir } from './support/serve';
import { startSyncServer, type SyncServer } from './support/sync-server';

let server: SyncServer | undefined;
test.afterEach(async () => {
  await server?.stop();
  server = undefined;
});

async function expectAxeClean(page: Page, testInfo: TestInfo, view: string): Promise<void> {
  for (const colorScheme of ['dark', 'light'] as const) {
    await page.emulateMedia({ colorScheme });
    const result = await new AxeBuilder({ page }).analyze();
    const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious, `${view} (${colorScheme}): ${serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`).join('\n')}`).toEqual([]);
    // Outline buttons (Sign out) are known by their border: 3:1 on what is behind them (WCAG 1.4.11; see support/page-look.ts).
    const { buttons } = await page.evaluate(pageLook);
    expect(
      buttons.filter((button) => button.ratio < 3),
      `${view} (${colorScheme}): outline buttons' borders under 3:1`,
    ).toEqual([]);
    await attachShot(page, testInfo, `dashboard-${view.replace(/ /g, '-')}-${colorScheme}`);
  }
}

test('an instructor signs in, follows a learner through the cohort table, and exports it', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  server = await startSyncServer(0, tempDataDir('drona-dashboard-server-'), ['--min-lesson-seconds', '0']);
  const { course, lessons, cohort } = await seedCohort(server.url, { lessonsDone: 3 });

  // Signed out, the dashboard sends the instructor to its sign-in form, which works by keyboard.
  await page.goto(`${server.url}/dashboard`);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expectAxeClean(page, testInfo, 'sign-in');
  await page.getByLabel('Email').fill('iris@bootcamp.test');
  await page.getByLabel('Password').fill('teach them well');
  await page.getByLabel('Password').press('Enter');

  await expect(page.getByRole('heading', { name: 'Cohorts' })).toBeVisible();
  await expectAxeClean(page, testInfo, 'cohorts');
  const link = page.getByRole('link', { name: 'Spring cohort' });
  await link.focus();
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { name: 'Spring cohort' })).toBeVisible();
  const row = page.getByRole('row', { name: /Asha/ });
  await expect(row).toContainText(`3/${lessons.length}`);
  await expect(page.getByRole('columnheader', { name: /Python/ })).toBeVisible();
  await expectAxeClean(page, testInfo, 'cohort table');
  // Each progress bar's fill stands out 3:1 from its track, and the track (its fill or its border)
  // 3:1 from the page, so the bar's whole extent shows, in both schemes (WCAG 1.4.11; axe does not check it).
  for (const colorScheme of ['dark', 'light'] as const) {
    await page.emulateMedia({ colorScheme });
    const bars = await page.locator('.bar-fill').evaluateAll((fills) =>
      fills.map((fill) => {
        const track = getComputedStyle(fill.parentElement!);
        return {
          fill: getComputedStyle(fill).backgroundColor,
          track: track.backgroundColor,
          trackBorder: parseFloat(track.borderTopWidth) > 0 ? track.borderTopColor : track.backgroundColor,
          page: getComputedStyle(document.body).backgroundColor,
        };
      }),
    );
    expect(bars.length, `progress bars on the cohort table (${colorScheme})`).toBeGreaterThan(0);
    for (const bar of bars) {
      expect(contrast(bar.fill, bar.track), `progress fill ${bar.fill} on its track ${bar.track} (${colorScheme})`).toBeGreaterThanOrEqual(3);
      const extent = Math.max(contrast(bar.track, bar.page), contrast(bar.trackBorder, bar.page));
      expect(extent, `progress track ${bar.track} (border ${bar.trackBorder}) on the page ${bar.page} (${colorScheme})`).toBeGreaterThanOrEqual(3);
    }
  }

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export CSV' }).click();
  const csv = await (await download).createReadStream();
  let text = '';
  for await (const chunk of csv) text += String(chunk);
  expect(text.split('\r\n')[1]).toMatch(new RegExp(`^Asha,[0-9a-f-]{36},${course.id},3,${lessons.length},`));

  await row.getByRole('link', { name: 'Asha' }).click();
  await expect(page.getByRole('heading', { name: 'Asha' })).toBeVisible();
  await expect(page.getByRole('list', { name: /Lessons of/ }).getByText('Done')).toHaveCount(3);
  await expectAxeClean(page, testInfo, 'learner detail');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.goto(`${server.url}/dashboard/cohorts/${cohort.id}`);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
});

test('an instructor reviews a Gold project from their cohort by keyboard and approves it', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  server = await startSyncServer(0, tempDataDir('drona-review-server-'));
  const { call, learner } = await seedCohort(server.url, { dueAt: null });
  const submissionId = await submitGoldProject(call, learner);

  await page.goto(`${server.url}/dashboard/sign-in`);
  await page.getByLabel('Email').fill('iris@bootcamp.test');
  await page.getByLabel('Password').fill('teach them well');
  await page.getByLabel('Password').press('Enter');
  await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Gold reviews' }).click();
  await expect(page.getByRole('heading', { name: 'Gold reviews' })).toBeVisible();
  const row = page.getByRole('row', { name: /Expense tracker/ });
  await expect(row).toContainText('Asha');
  await expectAxeClean(page, testInfo, 'review queue');
  await row.getByRole('link', { name: 'Expense tracker' }).focus();
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { name: 'Expense tracker' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'README' })).toContainText('Run `pytest`.');
  const form = page.getByRole('form', { name: 'Your review' });
  await expectAxeClean(page, testInfo, 'review form');
  // Sent with a category under the floor first: the page says why and keeps what was typed.
  const categories = ['Code quality', 'Functionality', 'Testing', 'Documentation', 'Deployment'];
  for (const [i, category] of categories.entries()) {
    const group = form.getByRole('group', { name: new RegExp(`^${category}`) });
    await group.getByLabel('Score (0–100)').fill(i === 2 ? '50' : '90');
    await group.getByLabel('Reasons (one per line)').fill(`${category}: clear and complete.`);
  }
  await form.getByRole('button', { name: 'Approve' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toContainText('Testing scored 50%');
  await expectAxeClean(page, testInfo, 'review form with errors');
  const testing = page
    .getByRole('form', { name: 'Your review' })
    .getByRole('group', { name: /^Testing/ })
    .getByLabel('Score (0–100)');
  await expect(testing).toHaveValue('50');
  await testing.fill('85');
  await page.getByRole('form', { name: 'Your review' }).getByRole('button', { name: 'Approve' }).press('Enter');

  await expect(page.getByRole('status')).toContainText('Approved by Iris Instructor');
  await expect(page.getByRole('status')).toContainText('89% overall');
  await expectAxeClean(page, testInfo, 'review done');
  const seen = await call('GET', `/v1/projects/submissions/${submissionId}`, learner);
  expect(seen).toMatchObject({ status: 'accepted', review: { reviewer: 'Iris Instructor', overall: 89 } });
  await page.getByRole('link', { name: 'Gold reviews' }).first().click();
  await expect(page.getByText('No Gold project is waiting for you.')).toBeVisible();
});
