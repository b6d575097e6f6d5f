// Learner profiles on a shared computer, in serve mode: the picker at start (made by the real
// `drona profile create`), a new learner with a PIN from the picker, a wrong PIN refused, and two
// learners whose progress stays apart across starts; axe-clean.
import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { contractCall as call } from './support/contract-call';
import { completeFirstRun } from './support/learner';
import { expectAxeClean } from './support/look';
import { repoRoot, startServe, tempDataDir, type ServeProcess } from './support/serve';

const picker = (page: Page) => page.getByRole('main', { name: 'Who is learning?' });
const learner = (page: Page, name: string) =>
  picker(page)
    .getByRole('list', { name: 'Learner profiles' })
    .getByRole('button', { name: new RegExp(`^${name}`) });

test('a shared computer starts with a profile picker; each learner opens their own progress, a PIN guards it; axe-clean', async ({ page }) => {
  test.setTimeout(180_000);
  const root = tempDataDir('drona-e2e-profiles-');
  execFileSync(process.execPath, [path.join(repoRoot, 'bin', 'drona.mjs'), 'profile', 'create', 'Asha', '--data-dir', root], { cwd: repoRoot });
  let serve: ServeProcess = await startServe({ dataDir: root });
  try {
    await page.goto(serve.url);
    await expect(picker(page).getByRole('heading', { name: 'Who is learning?' })).toBeVisible();
    await expect(learner(page, 'Asha')).toBeVisible();
    await expectAxeClean(page, 'profile picker', '.first-run');
    // Nothing but the picker answers before a learner is chosen, through the UI or a raw call.
    await expect(call(page, 'profile.get', {})).rejects.toThrow('Choose a learner profile first.');

    // A new learner with a PIN, from the picker.
    await picker(page).getByRole('button', { name: 'New learner' }).click();
    const form = page.getByRole('form', { name: 'New learner' });
    await form.getByLabel('Name').fill('Ravi');
    await form.getByLabel('PIN (optional)').fill('24');
    await expect(form.getByRole('button', { name: 'Create' })).toBeDisabled();
    await form.getByLabel('PIN (optional)').fill('2468');
    await expectAxeClean(page, 'new learner form', '.first-run');
    await form.getByRole('button', { name: 'Create' }).click();
    await expect(learner(page, 'Ravi')).toHaveAccessibleName('Ravi has a PIN');

    // Ravi's PIN: a wrong one is refused and says so; the right one opens Ravi's first run.
    await learner(page, 'Ravi').click();
    const pin = picker(page).getByLabel('PIN for Ravi');
    await pin.fill('1111');
    await expectAxeClean(page, 'PIN form', '.first-run');
    await picker(page).getByRole('button', { name: 'Open' }).click();
    await expect(picker(page).getByRole('alert')).toHaveText('That PIN is not right.');
    await pin.fill('2468');
    await picker(page).getByRole('button', { name: 'Open' }).click();
    await completeFirstRun(page, 'Ravi');
    expect(await call(page, 'learnerProfiles.list', {})).toMatchObject({ active: 'ravi' });
    expect(await call(page, 'profile.get', {})).toMatchObject({ name: 'Ravi', firstRunCompleted: true });
    await serve.stop();

    // The next start: Asha (no PIN) opens her own, still new, progress; Ravi's is not hers.
    serve = await startServe({ dataDir: root });
    await page.goto(serve.url);
    await learner(page, 'Asha').click();
    await expect(page.getByLabel('What should we call you?')).toHaveValue('');
    await completeFirstRun(page, 'Asha');
    expect(await call(page, 'profile.get', {})).toMatchObject({ name: 'Asha' });
    await serve.stop();

    // And Ravi, back again, finds his own.
    serve = await startServe({ dataDir: root });
    await page.goto(serve.url);
    await learner(page, 'Ravi').click();
    await picker(page).getByLabel('PIN for Ravi').fill('2468');
    await picker(page).getByRole('button', { name: 'Open' }).click();
    await expect(page.getByRole('navigation', { name: 'Activities' })).toBeVisible();
    expect(await call(page, 'profile.get', {})).toMatchObject({ name: 'Ravi' });
    await expectAxeClean(page, 'Ravi in the shell');
  } finally {
    await serve.stop();
  }
});
