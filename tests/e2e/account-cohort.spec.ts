// The learner's account and cohort end to end: the app in serve mode (two data folders, two
// "computers") and the hosted API (`drona server`, PGlite) on loopback. Computer A creates an
// account, joins a cohort after its consent screen (the cohort board off until chosen), sees the
// assigned course with its deadline reminder in Learn and the cohort board; computer B joins the
// account with a code shown on A and restores A's progress, an instant completion the server
// refused for XP included, and the Silver exam A failed on the server and A's Gold project with
// its review there; A then signs B out, exports the account and leaves the cohort. axe on each
// view and dialog.
import { expect, test, type Page } from '@playwright/test';
import { rubricCategories } from '../../common/rules/project-review';
import type { ExamView } from '../../preload/contract/exam';
import { contractCall as call } from './support/contract-call';
import { completeFirstRun } from './support/learner';
import { expectAxeClean } from './support/look';
import { startServe, type ServeProcess } from './support/serve';
import { startSyncServer, type SyncServer } from './support/sync-server';
import { tempDataDir } from './support/serve';

let serves: ServeProcess[] = [];
let server: SyncServer | undefined;
test.afterEach(async () => {
  for (const s of serves) await s.stop();
  await server?.stop();
  serves = [];
  server = undefined;
});

async function api(url: string, method: string, path: string, token?: string, body?: unknown) {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(res.ok, `${method} ${path}: ${res.status}`).toBe(true);
  return (await res.json()) as Record<string, string>;
}

async function openAccountSettings(page: Page) {
  await page.getByRole('navigation', { name: 'Activities' }).getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('heading', { name: 'Account', level: 2, exact: true }).scrollIntoViewIfNeeded();
}

test('an account on two computers, a cohort joined with consent, its assignment and board', async ({ page, browser }) => {
  test.setTimeout(240_000);
  // The server's default rules: the lesson completed at once below is refused for XP (too fast),
  // yet B must restore it all the same, and both computers say it was not counted.
  const admin = 'e2e-admin-token';
  server = await startSyncServer(0, tempDataDir('drona-account-server-'), [], { DRONA_ADMIN_TOKEN: admin });
  const env = { DRONA_SYNC_SERVER_URL: server.url, DRONA_SYNC_INTERVAL_MS: '300' };

  // The instructor's side, through the API (the dashboard is its own web app).
  const owner = await api(server.url, 'POST', '/v1/learners', undefined, { displayName: 'Teacher', timezone: 'UTC' });
  const org = await api(server.url, 'POST', '/v1/orgs', owner.accessToken, { name: 'Bootcamp' });
  const cohort = await api(server.url, 'POST', `/v1/orgs/${org.id}/cohorts`, owner.accessToken, { name: 'Spring 2027' });
  const invite = await api(server.url, 'POST', `/v1/orgs/${org.id}/invites`, owner.accessToken, { role: 'learner', cohortId: cohort.id, maxUses: 5 });
  await api(server.url, 'POST', `/v1/cohorts/${cohort.id}/assignments`, owner.accessToken, {
    courseId: 'python-basics',
    dueAt: Date.now() + 2 * 86_400_000 + 3_600_000,
  });

  // Computer A: create the account from Settings → Account.
  const a = await startServe({ env });
  serves.push(a);
  await page.goto(a.url);
  await completeFirstRun(page, 'Asha');
  await openAccountSettings(page);
  const account = page.locator('#settings-account');
  await account.getByRole('tab', { name: 'Create an account' }).click();
  await account.getByLabel('Name on leaderboards').fill('Asha');
  await account.getByLabel('Email').fill('asha@example.org');
  await account.getByLabel('Password').fill('short');
  await account.getByRole('button', { name: 'Create account' }).click();
  expect(await account.getByLabel('Password').evaluate((el: HTMLInputElement) => el.validity.valid)).toBe(false);
  await account.getByLabel('Password').fill('correct horse battery');
  await account.getByLabel('Password').press('Enter');
  await expect(account.getByText('Signed in to')).toContainText('asha@example.org', { timeout: 30_000 });
  await expect(account.getByRole('alert')).toHaveCount(0);
  await expectAxeClean(page, 'Account, signed in');

  // Progress on A, sent to the server.
  const course = await call<{ modules: { lessons: { id: string; type: string }[] }[] }>(page, 'courses.get', { courseId: 'python-basics' });
  const first = course.modules.flatMap((m) => m.lessons).find((l) => l.type === 'concept')!;
  await call(page, 'lesson.open', { courseId: 'python-basics', lessonId: first.id });
  await call(page, 'lesson.complete', { courseId: 'python-basics', lessonId: first.id });
  await call(page, 'sync.syncNow', {});
  await expect.poll(async () => (await call<{ pending: number }>(page, 'sync.status', {})).pending, { timeout: 30_000 }).toBe(0);
  expect((await call<{ refused: number }>(page, 'sync.status', {})).refused).toBe(1);

  // Join the cohort: the consent screen lists exactly what the cohort sees; Cancel has the focus.
  const cohorts = page.locator('#settings-cohorts');
  await cohorts.getByLabel('Invite code').fill(invite.code!);
  await cohorts.getByRole('button', { name: 'Review and join…' }).click();
  const consent = page.getByRole('dialog', { name: /Join Spring 2027 \(Bootcamp\)/ });
  await expect(consent.getByRole('list', { name: 'What the cohort will see' }).getByRole('listitem')).toHaveText([
    /Progress per lesson/,
    /Learning metrics/,
    /Submissions/,
  ]);
  await expect(consent.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expectAxeClean(page, 'Cohort consent', '.account-consent');
  await page.keyboard.press('Escape');
  await expect(consent).toBeHidden();
  expect((await call<{ cohorts: unknown[] }>(page, 'cohorts.list', {})).cohorts).toEqual([]);
  await cohorts.getByRole('button', { name: 'Review and join…' }).click();
  // The cohort board is opt-in: off unless ticked, now or later.
  await expect(consent.getByRole('checkbox', { name: /Show my name and XP on this cohort's leaderboard/ })).not.toBeChecked();
  await consent.getByRole('button', { name: 'Agree and join' }).click();
  const mine = cohorts.getByRole('list', { name: 'Your cohorts' });
  await expect(mine).toContainText('Spring 2027');
  const onBoard = mine.getByRole('checkbox', { name: 'Show me on the Spring 2027 leaderboard and league' });
  await expect(onBoard).not.toBeChecked();
  // The box shows the server's answer, so it turns checked once the choice is saved.
  await onBoard.click();
  await expect(onBoard).toBeChecked();
  expect((await call<{ cohorts: { onBoard: boolean }[] }>(page, 'cohorts.list', {})).cohorts).toEqual([expect.objectContaining({ onBoard: true })]);
  await mine.getByRole('button', { name: 'Show leaderboard' }).click();
  await expect(page.getByRole('table', { name: 'Spring 2027 leaderboard' })).toContainText('Asha (you)');
  await expectAxeClean(page, 'Cohorts with a board');

  // Learn → Assigned: the course, its due date and the reminder (due in 2 days).
  await page.getByRole('navigation', { name: 'Activities' }).getByRole('button', { name: 'Learn' }).click();
  const assigned = page.getByRole('region', { name: 'Assigned' });
  await expect(assigned).toContainText('Python Basics');
  await expect(assigned).toContainText('Spring 2027');
  await expect(assigned.getByRole('status', { name: 'Deadline reminders' })).toContainText(/Python Basics is due in 2 days; \d+ lessons to go\./);
  await expectAxeClean(page, 'Learn with Assigned');

  // A takes the Silver exam on the server and fails it (nothing answered).
  await call(page, 'exam.start', { courseId: 'python-basics' });
  const { attemptId } = (await call<{ attemptId: string }>(page, 'exam.active', {}))!;
  let exam = await call<ExamView>(page, 'exam.current', { attemptId });
  while (exam.sectionIndex === 0) exam = await call<ExamView>(page, 'exam.next', { attemptId });
  while (exam.status === 'in-progress') exam = await call<ExamView>(page, 'exam.submitSection', { attemptId });
  expect(exam.status).toBe('failed');
  // A's Gold project reaches the server (through the API, as a script signed in to the account) and a person reviews it.
  const script = await api(server.url, 'POST', '/v1/auth/sign-in', undefined, {
    email: 'asha@example.org',
    password: 'correct horse battery',
    deviceName: 'Script',
  });
  const project = await api(server.url, 'POST', '/v1/projects/python-basics/submissions', script.accessToken, {
    title: 'Expense tracker',
    milestones: ['Totals per category'],
    readme: '# Expense tracker',
    files: [{ path: 'tracker.py', content: 'print("totals")\n' }],
    automated: { testsPassed: true, testCount: 2, lintClean: true, readme: true },
  });
  await api(server.url, 'POST', `/v1/admin/project-submissions/${project.submissionId}/review`, admin, {
    reviewer: 'Ms Rao',
    scores: Object.fromEntries(rubricCategories.map((category) => [category, { score: 85, reasons: ['Clear.'] }])),
    automated: { testsPassed: true, testCount: 2, lintClean: true, readme: true },
  });
  const { sessions } = (await (await fetch(`${server.url}/v1/auth/sessions`, { headers: { authorization: `Bearer ${script.accessToken}` } })).json()) as {
    sessions: { id: string; current: boolean }[];
  };
  await api(server.url, 'DELETE', `/v1/auth/sessions/${sessions.find((s) => s.current)!.id}`, script.accessToken);

  // A shows a code; computer B types it and restores A's progress.
  await openAccountSettings(page);
  await account.getByRole('button', { name: 'Add another computer…' }).click();
  const code = (await account.getByRole('status', { name: 'Link code' }).locator('strong').textContent())!;
  const b = await startServe({ env });
  serves.push(b);
  // A context of its own: axe runs only on pages of a context.
  const contextB = await browser.newContext();
  const pageB = await contextB.newPage();
  await pageB.goto(b.url);
  await completeFirstRun(pageB, 'Asha');
  await openAccountSettings(pageB);
  const accountB = pageB.locator('#settings-account');
  await accountB.getByRole('tab', { name: 'Sign in' }).focus();
  await pageB.keyboard.press('ArrowRight');
  await pageB.keyboard.press('ArrowRight');
  await expect(accountB.getByRole('tab', { name: 'Use a code from another computer' })).toBeFocused();
  await accountB.getByLabel('Code from your other computer').fill(code);
  await accountB.getByLabel("This computer's name").fill('Laptop');
  await accountB.getByRole('button', { name: 'Sign in and restore' }).click();
  await expect(accountB.getByRole('status', { name: 'Restore progress' })).toContainText(/Restored [1-9]\d* event\(s\)/);
  await expect(accountB.getByText('Signed in to')).toBeVisible();
  // B has A's progress, the refused completion included, and says it was not counted.
  const totalXp = async (p: Page) => (await call<{ totalXp: number }>(p, 'progress.snapshot', {})).totalXp;
  expect(await totalXp(pageB)).toBeGreaterThan(0);
  expect(await totalXp(pageB)).toBe(await totalXp(page));
  await expect(pageB.locator('#settings-sync').getByRole('note', { name: 'Not counted by the server' })).toContainText('did not count 1 completion(s)');
  // B shows the exam A failed (with its cooldown) and A's project with the server's review.
  await pageB.getByRole('navigation', { name: 'Activities' }).getByRole('button', { name: 'Certificates' }).click();
  const examB = pageB.getByRole('region', { name: 'Python Basics: Silver exam' });
  await expect(examB.getByRole('list', { name: 'Past attempts at the Python Basics exam' })).toContainText('failed');
  await expect(examB).toContainText('Next attempt opens on');
  const projectB = pageB.getByRole('region', { name: 'Python Basics: Gold project' });
  await expect(projectB.getByLabel('Review on your sync server')).toContainText('Accepted: 85% overall');
  await expect(projectB.getByLabel('Review on your sync server')).toContainText('reviewed by Ms Rao');
  await pageB.mouse.move(0, 0);
  await expectAxeClean(pageB, 'Restored exam and project', '.project-view');
  await pageB.screenshot({ path: 'test-results/screenshots/account-restored-exam-project.png' });
  await contextB.close();

  // A lists both computers and signs B out; exports the account; leaves the cohort.
  await page.reload();
  await openAccountSettings(page);
  const computers = account.getByRole('list', { name: 'Computers signed in' });
  await expect(computers.getByRole('listitem')).toHaveCount(2);
  await computers.getByRole('button', { name: 'Sign out Laptop' }).click();
  await expect(computers.getByRole('listitem')).toHaveCount(1);
  const download = page.waitForEvent('download');
  await account.getByRole('button', { name: 'Export account…' }).click();
  expect((await download).suggestedFilename()).toMatch(/^dronacharya-account-.*\.json$/);
  await cohorts.getByRole('button', { name: 'Leave Spring 2027' }).click();
  await expect(cohorts.getByText('You are in no cohort.')).toBeVisible();

  // Deleting asks for the typed confirmation first.
  await account.getByRole('button', { name: 'Delete account…' }).click();
  const del = page.getByRole('dialog', { name: 'Delete your account?' });
  await expect(del.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expect(del.getByRole('button', { name: 'Delete account' })).toBeDisabled();
  await expectAxeClean(page, 'Delete account', '.data-dialog');
  await del.getByLabel(/Type/).fill('delete my account');
  await del.getByRole('button', { name: 'Delete account' }).click();
  await expect(account.getByRole('tab', { name: 'Sign in' })).toBeVisible();
  const wrong = await fetch(`${server.url}/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'asha@example.org', password: 'correct horse battery' }),
  });
  expect(wrong.status).toBe(401);
});
