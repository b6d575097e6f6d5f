// Courses in serve mode: the catalog of built-in courses with filters, lesson search with
// highlighted snippets, opening a lesson, Mermaid rendering, importing a .drona through the UI,
// and the clear refusal of a broken one.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './support/fixtures';
import { completeFirstRun } from './support/learner';
import { repoRoot } from './support/serve';

function packFixture(workDir: string): string {
  const output = path.join(workDir, 'tiny-course.drona');
  execFileSync(process.execPath, [
    path.join(repoRoot, 'bin', 'drona.mjs'),
    'course',
    'pack',
    path.join(repoRoot, 'main', 'courses', 'fixtures', 'tiny-course'),
    '-o',
    output,
  ]);
  return output;
}

test('browse the catalog, filter, search, open a lesson', async ({ page, serveApp }) => {
  const serve = await serveApp();
  await page.goto(serve.url);
  await completeFirstRun(page);
  const catalog = page.locator('.learn-catalog');
  await expect(catalog.getByRole('article', { name: 'Python Basics' })).toBeVisible();
  await expect(catalog.getByRole('article', { name: 'JavaScript Basics' })).toBeVisible();
  await expect(catalog.getByRole('article', { name: 'Python Basics' })).toContainText('0 / 30 lessons');
  await expect(catalog.getByRole('article', { name: 'JavaScript: Async and Modules' })).toContainText('0 / 23 lessons');

  await page.getByLabel('Language').selectOption('javascript');
  await expect(catalog.getByRole('article', { name: 'Python Basics' })).toBeHidden();
  await expect(catalog.getByRole('article', { name: 'JavaScript Basics' })).toBeVisible();
  await expect(catalog.getByRole('article', { name: 'JavaScript: Async and Modules' })).toBeVisible();
  await page.getByLabel('Language').selectOption('');
  await page.screenshot({ path: 'test-results/screenshots/courses-catalog.png' });

  await page.getByLabel('Search lessons').fill('loop');
  const results = page.getByRole('list', { name: 'Lesson search results' });
  await expect(results.getByRole('button').first()).toBeVisible();
  await expect(results.locator('mark').first()).toContainText(/loop/i);
  await page.screenshot({ path: 'test-results/screenshots/courses-search.png' });
  const firstTitle = (await results.locator('.learn-hit-title').first().textContent())!;
  await results.getByRole('button').first().click();
  await expect(page.getByRole('article', { name: 'Lesson' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Course outline' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Course outline' }).locator('[aria-current="page"]')).toContainText(firstTitle);
});

test('import a .drona through the UI, see Mermaid render, and a clear error for a broken bundle', async ({ page, serveApp, workDir }) => {
  const serve = await serveApp();
  await page.goto(serve.url);
  await completeFirstRun(page);
  const bundle = packFixture(workDir);
  await page.getByLabel('Course bundle file').setInputFiles(bundle);
  await expect(page.locator('.course-import-status')).toContainText('Installed Tiny Course 1.0.0 (3 lessons).');
  const card = page.locator('.learn-catalog').getByRole('article', { name: 'Tiny Course' });
  await expect(card).toBeVisible();
  expect(fs.existsSync(path.join(serve.dataDir, 'courses', 'tiny-course', 'course.yaml'))).toBe(true);
  const installed = fs.readdirSync(path.join(serve.dataDir, 'courses')).sort();

  await card.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('article', { name: 'Lesson' })).toContainText('Variables hold values');
  const diagram = page.locator('.mermaid-diagram[data-rendered="true"] svg');
  await expect(diagram).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('aside.callout-tip')).toContainText('Names should say what the value means.');
  await expect(page.getByRole('button', { name: /Try it/ })).toBeVisible();
  await expect(page.getByRole('img', { name: 'A box labelled greeting' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/courses-lesson-mermaid.png' });

  // A damaged bundle: bytes inside the compressed data changed after packing.
  const bytes = fs.readFileSync(bundle);
  const broken = path.join(workDir, 'broken.drona');
  for (let i = 200; i < 230; i++) bytes[i] = bytes[i]! ^ 0xff;
  fs.writeFileSync(broken, bytes);
  await page.getByRole('button', { name: 'All courses' }).click();
  await page.getByLabel('Course bundle file').setInputFiles(broken);
  await expect(page.locator('.course-import-status')).toContainText('broken.drona was not imported');
  await expect(page.locator('.course-import-status')).toContainText('nothing was changed');
  await page.screenshot({ path: 'test-results/screenshots/courses-import-error.png' });
  expect(fs.readdirSync(path.join(serve.dataDir, 'courses')).sort()).toEqual(installed);
});
