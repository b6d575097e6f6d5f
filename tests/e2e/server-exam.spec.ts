// The Silver exam the sync server runs, as a signed-in learner meets it in serve mode: Python
// Basics done offline, `drona server` (PGlite, the built-in courses with their exam banks) on
// loopback. The start screen says the server sets and grades the exam; exam mode opens on the
// server's attempt and its first question is answered by clicking; the remaining Conceptual and
// the next two sections go empty through the contract (the calls the UI makes, quicker); after a
// reload the attempt reopens on the design section, is submitted in the UI, and the server's
// verdict shows; the start screen then says when the next attempt opens, as the server decides.
// Axe is clean on exam mode, the result and the start screen.
import path from 'node:path';
import type { ExamView } from '../../preload/contract/exam';
import { contractCall } from './support/contract-call';
import { pythonBasicsDoneOffline } from './support/course-done-offline';
import { expect, test } from './support/fixtures';
import { expectAxeClean } from './support/look';
import type { ServeOptions } from './support/serve';
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
    await page.reload();
    await expect(exam.getByRole('heading', { name: 'Section 4 of 4: Design interview' })).toBeVisible();
    await exam.getByRole('button', { name: 'Submit section' }).click();
    await page.getByRole('dialog', { name: 'Submit Design interview?' }).getByRole('button', { name: 'Submit section' }).click();
    const result = exam.getByRole('region', { name: 'You did not pass this time' });
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
