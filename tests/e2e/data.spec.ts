// Your data is yours, as a learner meets it in serve mode: Export saves a zip of everything; Delete
// everything offers a backup first, asks for a typed confirmation, erases, and the app starts
// fresh at the first run without restarting the server. Axe is clean on the section and dialog.
import type { Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { readZip } from '../../main/data/read-zip';
import { contractCall } from './support/contract-call';
import { rightQuizAnswers } from './support/course-answers';
import { expect, test } from './support/fixtures';
import { completeFirstRun, openAsNewLearner } from './support/learner';
import { expectAxeClean } from './support/look';

async function saveDownload(page: Page, click: () => Promise<void>, to: string): Promise<Map<string, Buffer>> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  expect(download.suggestedFilename()).toMatch(/^dronacharya-export-\d{4}-\d{2}-\d{2}\.zip$/);
  await download.saveAs(to);
  return readZip(to);
}

test('export, then delete everything keeping a backup: the app starts fresh at the first run', async ({ page, serveApp, workDir }) => {
  test.setTimeout(120_000);
  const dataDir = path.join(workDir, 'data');
  const serve = await serveApp({ dataDir });
  await openAsNewLearner(page, serve.url);
  await contractCall(page, 'lesson.submitQuiz', {
    courseId: 'python-basics',
    lessonId: 'values-quiz',
    answers: rightQuizAnswers('python-basics', 'values-and-types/values-quiz.md'),
  });
  const lesson = path.join(dataDir, 'workspaces', 'python-basics', 'hello-python');
  fs.mkdirSync(lesson, { recursive: true });
  fs.writeFileSync(path.join(lesson, 'main.py'), 'print("mine, all mine")\n');

  await page.getByRole('navigation', { name: 'Activities' }).getByRole('button', { name: 'Settings' }).click();
  const section = page.getByRole('region', { name: 'Your data' });
  await section.scrollIntoViewIfNeeded();
  await expectAxeClean(page, 'Your data', '#settings-data');
  const exported = await saveDownload(page, () => section.getByRole('button', { name: 'Export…' }).click(), path.join(workDir, 'export.zip'));
  await expect(section.getByRole('status')).toContainText('Saved dronacharya-export-');
  expect(exported.get('workspaces/python-basics/hello-python/main.py')?.toString()).toBe('print("mine, all mine")\n');
  expect(JSON.parse(exported.get('tables/profile.json')!.toString())).toMatchObject([{ name: 'Asha' }]);
  expect((JSON.parse(exported.get('tables/xp_ledger.json')!.toString()) as unknown[]).length).toBeGreaterThan(0);

  await section.getByRole('button', { name: 'Delete everything…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete everything?' });
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expectAxeClean(page, 'delete: backup offer', '[role="dialog"]');
  const backup = await saveDownload(page, () => dialog.getByRole('button', { name: 'Save a backup…' }).click(), path.join(workDir, 'backup.zip'));
  expect(backup.has('tables/journal_entries.csv')).toBe(true);
  await expect(dialog).toContainText('was saved');

  const erase = dialog.getByRole('button', { name: 'Delete everything' });
  await expect(erase).toBeDisabled();
  await dialog.getByLabel(/Type “delete” or your name \(Asha\) to confirm/).fill('not it');
  await expect(erase).toBeDisabled();
  await dialog.getByLabel(/to confirm/).fill('asha');
  await expectAxeClean(page, 'delete: confirmation', '[role="dialog"]');
  await erase.click();

  // The same server, a fresh store: the page reloads into the first run.
  await expect(page.getByLabel('What should we call you?')).toBeVisible({ timeout: 30_000 });
  expect(fs.existsSync(lesson)).toBe(false);
  const fresh = await contractCall<{ name: string; firstRunCompleted: boolean }>(page, 'profile.get', {});
  expect(fresh).toMatchObject({ name: '', firstRunCompleted: false });
  expect(fs.readdirSync(workDir).sort()).toEqual(['backup.zip', 'data', 'export.zip']);
  await completeFirstRun(page, 'Ravi');
  expect(await contractCall(page, 'progress.snapshot', {})).toMatchObject({ totalXp: 0 });
});
