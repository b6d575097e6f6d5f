// A bootcamp's signed organisation profile in serve mode, made with the real CLI (keygen, course
// pack, org pack): its branding, issuer, bundled course, tutor preset and locks; a tampered profile
// is refused before anything starts.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { contractCall as call } from './support/contract-call';
import { completeFirstRun } from './support/learner';
import { repoRoot, startServe, tempDataDir } from './support/serve';

const drona = (...args: string[]) => execFileSync(process.execPath, [path.join(repoRoot, 'bin', 'drona.mjs'), ...args], { cwd: repoRoot, encoding: 'utf8' });

function makeOrg(): { dir: string; profile: string; publicKey: string } {
  const dir = tempDataDir('drona-e2e-org-');
  fs.mkdirSync(path.join(dir, 'courses'));
  fs.writeFileSync(path.join(dir, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><circle cx="4" cy="4" r="4" fill="#ffe066"/></svg>');
  drona('course', 'pack', path.join(repoRoot, 'main/courses/fixtures/tiny-course'), '-o', path.join(dir, 'courses', 'tiny.drona'));
  fs.writeFileSync(
    path.join(dir, 'org.yaml'),
    [
      'id: acme-bootcamp',
      'name: Acme Bootcamp',
      'logo: logo.svg',
      'accentColor: "#ffe066"',
      'certificateIssuer: Acme Bootcamp Ltd',
      'tutor: { provider: ollama, model: "qwen2.5-coder:7b", baseUrl: "http://127.0.0.1:9", dailyBudget: 40 }',
      'courses: [courses/tiny.drona]',
      'requiredPath: [tiny-course]',
      'locked: [tutor, theme]',
      '',
    ].join('\n'),
  );
  drona('org', 'keygen', '-o', path.join(dir, 'org.key'));
  drona('org', 'pack', path.join(dir, 'org.yaml'), '-o', path.join(dir, 'org.dronaorg'), '--key', path.join(dir, 'org.key'));
  return { dir, profile: path.join(dir, 'org.dronaorg'), publicKey: path.join(dir, 'org.key.pub') };
}

const openSettings = (page: Page) => page.getByRole('navigation', { name: 'Activities' }).getByRole('button', { name: 'Settings' }).click();

test('a signed organisation profile brands the app, installs its course, presets the tutor and locks settings; axe-clean', async ({ page }) => {
  test.setTimeout(150_000);
  const org = makeOrg();
  const serve = await startServe({ args: ['--org-profile', org.profile, '--org-public-key', org.publicKey] });
  try {
    await page.goto(serve.url);
    await completeFirstRun(page);

    // Branding: the top bar, the window title and the status bar carry the organisation; the accent was adjusted for contrast.
    await expect(page.getByTestId('org-brand')).toContainText('Acme Bootcamp');
    await expect(page).toHaveTitle('Acme Bootcamp · Dronacharya');
    await expect(page.locator('footer.status-bar')).toContainText('Acme Bootcamp');
    const accent = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim());
    expect(accent).not.toBe('#ffe066');
    expect(accent).toMatch(/^#[0-9a-f]{6}$/);

    // The bundled course is installed and first on the required path.
    const path_ = page.getByRole('region', { name: 'Required by Acme Bootcamp' });
    await expect(path_.getByRole('button', { name: 'Tiny Course' })).toBeVisible();
    expect(await call(page, 'courses.list', {})).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'tiny-course' })]));

    // Settings: the tutor preset, locks with the organisation's name, About with the issuer.
    await openSettings(page);
    const settings = (await call(page, 'settings.get', {})) as { tutor: Record<string, unknown>; theme: string };
    expect(settings.tutor).toMatchObject({ provider: 'ollama', ollamaModel: 'qwen2.5-coder:7b', ollamaHost: 'http://127.0.0.1:9', dailyBudget: 40 });
    const tutorGroup = page.getByRole('group', { name: 'Managed by Acme Bootcamp; you cannot change this here.' });
    await expect(tutorGroup.getByRole('heading', { name: 'Tutor' })).toBeVisible();
    await expect(tutorGroup.getByRole('combobox').first()).toBeDisabled();
    await expect(page.getByRole('combobox', { name: 'Theme' })).toBeDisabled();
    await expect(page.getByRole('button', { name: /Switch to (light|dark) theme/ })).toBeDisabled();
    await expect(page.getByRole('region', { name: 'About' })).toContainText('certificates issued by Acme Bootcamp Ltd');

    // The raw contract refuses what the UI does not offer.
    await expect(call(page, 'settings.update', { theme: settings.theme === 'light' ? 'dark' : 'light' })).rejects.toThrow(
      'Acme Bootcamp manages theme on this computer; ask them to change it.',
    );
    await expect(call(page, 'settings.update', { tutor: { ...settings.tutor, provider: 'anthropic' } })).rejects.toThrow(/Acme Bootcamp manages tutor/);
    // An unlocked setting still changes.
    await call(page, 'settings.update', { editorFontSize: 16 });

    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  } finally {
    await serve.stop();
  }
});

test('a tampered organisation profile is refused with a clear message, and nothing starts', () => {
  const org = makeOrg();
  fs.writeFileSync(org.profile, fs.readFileSync(org.profile, 'utf8').replace('"tutor",', ''));
  const run = spawnSync(
    process.execPath,
    [
      path.join(repoRoot, 'bin', 'drona.mjs'),
      'serve',
      '--no-open',
      '--data-dir',
      tempDataDir(),
      '--org-profile',
      org.profile,
      '--org-public-key',
      org.publicKey,
    ],
    { cwd: repoRoot, encoding: 'utf8', timeout: 30_000 },
  );
  expect(run.status).not.toBe(0);
  expect(run.stderr).toContain('The organisation profile was changed after it was signed, or signed by another organisation; it was not applied.');
  expect(run.stdout).not.toContain('running at');
});
