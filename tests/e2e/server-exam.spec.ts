// The Silver exam the sync server runs, as a signed-in learner meets it in serve mode: Python
// Basics done offline, `drona server` (PGlite, the built-in courses with their exam banks) on
// loopback. The start screen says the server sets and grades the exam; exam mode opens on the
// server's attempt and its first question is answered by clicking; the remaining Conceptual and
// the next two sections go empty through the contract (the calls the UI makes, quicker); after a
// reload the attempt reopens on the design section, is submitted in the UI, and the server's
// verdict shows; the start screen then says when the next attempt opens, as the server decides.
// Axe is clean on exam mode, the result and the start screen.
// Then a second learner passes: every choice right (the test reads the course's bank; the page
// never sees it), the reference solutions submitted to the challenges and a written design
// answer; the server's admin scores those through the admin API, the server decides the pass,
// and the learner requests the server-issued Silver certificate and opens its verification page.
import type { Locator, Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import type { ExamView } from '../../preload/contract/exam';
import { contractCall } from './support/contract-call';
import { pythonBasicsDoneOffline } from './support/course-done-offline';
import { expect, test } from './support/fixtures';
import { expectAxeClean } from './support/look';
import { repoRoot, type ServeOptions } from './support/serve';
import { signInToSync, startSyncServer } from './support/sync-server';

test('a signed-in learner takes the Silver exam on the sync server and sees its verdict and cooldown', async ({ page, serveApp, workDir }) => {
  test.setTimeout(300_000);
  const server = await startSyncServer(0, path.join(workDir, 'server'));
  try {
    const withServer = (options: ServeOptions = {}) => serveApp({ ...options, env: { ...options.env, DRONA_SYNC_SERVER_URL: server.url } });
    await pythonBasicsDoneOffline(page, withServer, path.join(workDir, 'data'), 'Asha');
    await signInToSync(page, server.url, 'Asha');

    await page.getByRole('navigation', { name: 'Activities' }).getByRole('button', { name: 'Certificates' }).click();
    const entry = page.getByRole('region', { name: 'Python Basics: Silver exam' });
    await expect(entry).toContainText('You are signed in, so your sync server sets and grades the exam.');
    await entry.getByRole('button', { name: 'Start the Silver exam' }).click();

    const exam = page.getByRole('main', { name: 'Python Basics: Silver exam' });
    await expect(exam.getByRole('timer', { name: 'Time left in Conceptual' })).toHaveText(/^2[45]:\d\d$/);
    const first = exam.getByRole('group', { name: /^Question 1 of 20/ });
    await first.getByRole('radio').first().check();
    await expect(page.locator('.exam-saved')).toContainText('All answers saved');
    await expectAxeClean(page, 'server exam', '.exam-mode');
    await page.screenshot({ path: 'test-results/screenshots/server-exam-conceptual.png' });
    await exam.getByRole('button', { name: 'Next question' }).click();
    await expect(exam.getByRole('group', { name: /^Question 2 of 20/ })).toBeVisible();

    // The rest of Conceptual, Code analysis and the challenges, sent empty as the UI sends them.
    const { attemptId } = (await contractCall<{ attemptId: string }>(page, 'exam.active', {}))!;
    let view = await contractCall<ExamView>(page, 'exam.current', { attemptId });
    while (view.sectionIndex === 0) view = await contractCall<ExamView>(page, 'exam.next', { attemptId });
    while (view.sectionIndex < 3) view = await contractCall<ExamView>(page, 'exam.submitSection', { attemptId });

    // A reload reopens the server's attempt on its last section.
    const result = await submitDesignAfterReload(page, exam, 'You did not pass this time');
    await expect(result).toContainText('Graded by your sync server.');
    await expect(result).toContainText('(pass mark 80%)');
    await expectAxeClean(page, 'server exam result', '.exam-mode');
    await page.screenshot({ path: 'test-results/screenshots/server-exam-result.png' });
    await result.getByRole('button', { name: 'Leave exam mode' }).click();

    // The server's cooldown: no start button, the date the next attempt opens, the failed attempt listed.
    await expect(entry).toContainText('Next attempt opens on');
    await expect(entry).toContainText('(your sync server sets the cooldown)');
    await expect(entry.getByRole('button', { name: /Silver exam/ })).toHaveCount(0);
    await expect(entry.getByRole('list', { name: 'Past attempts at the Python Basics exam' })).toContainText('failed');
    await expectAxeClean(page, 'exam start screen');
    await page.screenshot({ path: 'test-results/screenshots/server-exam-cooldown.png' });
  } finally {
    await server.stop();
  }
});

interface BankItem {
  id: string;
  kind: string;
  exercise?: string;
  options?: { text: string; correct: boolean }[];
}

/** Reloads, expects the attempt reopened on its last section, submits it, and gives the outcome region named `outcome`. */
async function submitDesignAfterReload(page: Page, exam: Locator, outcome: string): Promise<Locator> {
  await page.reload();
  await expect(exam.getByRole('heading', { name: 'Section 4 of 4: Design interview' })).toBeVisible();
  await exam.getByRole('button', { name: 'Submit section' }).click();
  await page.getByRole('dialog', { name: 'Submit Design interview?' }).getByRole('button', { name: 'Submit section' }).click();
  return exam.getByRole('region', { name: outcome });
}

/** The Python Basics exam bank, as the test's answer key. */
function examBank(): Map<string, BankItem> {
  const bank = YAML.parse(fs.readFileSync(path.join(repoRoot, 'courses', 'python-basics', 'exam.yaml'), 'utf8')) as { items: BankItem[] };
  return new Map(bank.items.map((item) => [item.id, item]));
}

/** The index of the right option in the order this attempt shows them. */
function rightOption(bank: Map<string, BankItem>, question: ExamView['questions'][number]): number {
  const right = bank.get(question.itemId)!.options!.find((option) => option.correct)!.text;
  const index = question.options!.indexOf(right);
  expect(index, `${question.itemId}: "${right}" among ${JSON.stringify(question.options)}`).toBeGreaterThanOrEqual(0);
  return index;
}

const adminToken = 'e2e-admin-token';

/** The server's admin: JSON calls with the admin token that must succeed. */
async function asAdmin<T>(serverUrl: string, method: string, route: string, body?: unknown): Promise<T> {
  const res = await fetch(`${serverUrl}${route}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = (await res.json()) as T;
  expect(res.ok, `${method} ${route}: ${JSON.stringify(json)}`).toBe(true);
  return json;
}

test('a signed-in learner passes the server-graded Silver exam and verifies the Silver certificate the server issues', async ({
  page,
  browser,
  serveApp,
  workDir,
}) => {
  test.setTimeout(300_000);
  const server = await startSyncServer(0, path.join(workDir, 'server'), ['--min-lesson-seconds', '0'], { DRONA_ADMIN_TOKEN: adminToken });
  try {
    const withServer = (options: ServeOptions = {}) => serveApp({ ...options, env: { ...options.env, DRONA_SYNC_SERVER_URL: server.url } });
    await pythonBasicsDoneOffline(page, withServer, path.join(workDir, 'data'), 'Ravi');
    await signInToSync(page, server.url, 'Ravi');
    // The course done offline reaches the server (Bronze's evidence, which Silver rests on).
    await expect
      .poll(
        async () => {
          await contractCall(page, 'sync.syncNow', {});
          return contractCall<{ pending: number; refused: number }>(page, 'sync.status', {});
        },
        { timeout: 60_000 },
      )
      .toMatchObject({ pending: 0, refused: 0 });

    await page.getByRole('navigation', { name: 'Activities' }).getByRole('button', { name: 'Certificates' }).click();
    const entry = page.getByRole('region', { name: 'Python Basics: Silver exam' });
    await entry.getByRole('button', { name: 'Start the Silver exam' }).click();
    const exam = page.getByRole('main', { name: 'Python Basics: Silver exam' });
    await expect(exam.getByRole('group', { name: /^Question 1 of 20/ })).toBeVisible();

    // Every section answered as the UI would answer it, right: the choices from the bank, the challenges with their reference solutions.
    const bank = examBank();
    const { attemptId } = (await contractCall<{ attemptId: string }>(page, 'exam.active', {}))!;
    let view = await contractCall<ExamView>(page, 'exam.current', { attemptId });
    while (view.sectionIndex === 0) {
      const question = view.questions[0]!;
      await contractCall(page, 'exam.answer', { attemptId, itemId: question.itemId, answer: { kind: 'choice', selected: rightOption(bank, question) } });
      view = await contractCall<ExamView>(page, 'exam.next', { attemptId });
    }
    for (const question of view.questions)
      await contractCall(page, 'exam.answer', { attemptId, itemId: question.itemId, answer: { kind: 'choice', selected: rightOption(bank, question) } });
    view = await contractCall<ExamView>(page, 'exam.submitSection', { attemptId });
    expect(view.sections[1]!.score).toBe(100);
    for (const question of view.questions) {
      const exercise = path.join(repoRoot, 'courses', 'python-basics', bank.get(question.itemId)!.exercise!, 'solution');
      const files = fs.readdirSync(exercise).map((file) => ({ path: file, content: fs.readFileSync(path.join(exercise, file), 'utf8') }));
      await contractCall(page, 'exam.answer', { attemptId, itemId: question.itemId, answer: { kind: 'code', files } });
    }
    view = await contractCall<ExamView>(page, 'exam.submitSection', { attemptId });
    await contractCall(page, 'exam.answer', {
      attemptId,
      itemId: view.questions[0]!.itemId,
      answer: {
        kind: 'design',
        text: 'Separate functions read the file, compute averages and letter grades, and print; a dict maps each name to its list of scores, so adding one is an append. A malformed line raises ValueError naming the line. The grade logic is a pure function tested without the file.',
      },
    });

    // The design section is submitted in the UI; the verdict waits for the server's reviewer.
    const waiting = await submitDesignAfterReload(page, exam, 'Waiting for review');
    await expect(waiting).toContainText('wait for a reviewer on your sync server');
    await expectAxeClean(page, 'server exam waiting for review', '.exam-mode');
    await page.screenshot({ path: 'test-results/screenshots/server-exam-waiting.png' });
    await waiting.getByRole('button', { name: 'Leave exam mode' }).click();

    // The server's admin scores the challenges and the design answer; the server decides.
    const { attempts } = await asAdmin<{ attempts: { attemptId: string; answers: { itemId: string; section: string }[] }[] }>(
      server.url,
      'GET',
      '/v1/admin/exam-reviews',
    );
    const pending = attempts.find((attempt) => attempt.attemptId === attemptId)!;
    const reasons = 'Correct, readable and handles the edge cases the brief names.';
    const decided = await asAdmin<{ status: string; overall: number }>(server.url, 'POST', `/v1/admin/exam-attempts/${attemptId}/review`, {
      reviewer: 'e2e admin',
      challenges: pending.answers.filter((answer) => answer.section === 'challenges').map((answer) => ({ itemId: answer.itemId, score: 100, reasons })),
      design: { score: 90, reasons: 'Separates reading, computing and printing; a dict of lists with a reason; exceptions; tests pure functions.' },
    });
    expect(decided.status).toBe('passed');

    // The app shows the server's verdict when it next asks (the Certificates view opened again),
    // and with that pass counted, offers Silver.
    const activities = page.getByRole('navigation', { name: 'Activities' });
    await activities.getByRole('button', { name: 'Learn' }).click();
    await activities.getByRole('button', { name: 'Certificates' }).click();
    await expect(entry).toContainText('You passed this exam.');
    await expect(entry.getByRole('list', { name: 'Past attempts at the Python Basics exam' })).toContainText(`passed (${decided.overall}%)`);

    // Silver, issued by the server from the exam it graded, and its verification page.
    await page.getByRole('button', { name: 'Request Silver' }).click();
    await expect(page.getByText('Silver certificate issued for Python Basics.')).toBeVisible({ timeout: 30_000 });
    await expect(entry).toContainText('You passed this exam.');
    await expectAxeClean(page, 'server-issued Silver');
    await page.screenshot({ path: 'test-results/screenshots/server-exam-silver.png' });
    const overview = await contractCall<{ issued: { tier: string; selfIssued: boolean; verifyUrl: string }[] }>(page, 'certificates.overview', {});
    const silver = overview.issued.find((cert) => cert.tier === 'silver' && !cert.selfIssued)!;
    const visitor = await browser.newContext();
    const verify = await visitor.newPage();
    await verify.goto(silver.verifyUrl);
    await expect(verify.locator('#verdict')).toContainText('Valid.');
    await expect(verify.locator('#earner')).toHaveText('Ravi');
    await expect(verify.locator('h1')).toContainText('Python Basics: Silver certificate');
    await expect(verify.getByText(`Silver exam: ${decided.overall}% (passed).`)).toBeVisible();
    await expectAxeClean(verify, 'Silver verification page', 'body');
    await verify.screenshot({ path: 'test-results/screenshots/server-exam-silver-verify.png' });
    await visitor.close();
  } finally {
    await server.stop();
  }
});
