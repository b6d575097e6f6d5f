// A course from a stranger tries to run script in the learner's window through its lesson text:
// raw HTML with event handlers, <script>, javascript: and data: links, and hostile Mermaid
// (click callbacks, HTML in labels). None of it may run, with the app's CSP and without it
// (bypassCSP), so the renderer's own sanitising is proven, not only the policy behind it.
// Inline links with those schemes are refused at import; reference links and autolinks reach
// the renderer, which must drop them.
import type { Page } from '@playwright/test';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './support/fixtures';
import { completeFirstRun } from './support/learner';
import { repoRoot, tempDataDir } from './support/serve';

const hostileLesson = `---
id: hostile
title: A lesson with traps
type: concept
xp: 10
parTimeMinutes: 5
objectives: [Survive a hostile lesson]
---
# Traps below

<script>window.__pwned = 'script'</script>

<img src="x" onerror="window.__pwned = 'img-onerror'">

<iframe src="javascript:parent.__pwned='iframe'"></iframe>

<a href="#" onclick="window.__pwned='onclick'">raw html link</a>

[a javascript link][js-link]

[a data link][data-link]

<javascript:window.__pwned='autolink'>

![an svg with script](data:image/svg+xml;base64,PHN2ZyB4bWxucz0naHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmcnIG9ubG9hZD0id2luZG93Ll9fcHduZWQ9J3N2ZyciLz4=)

\`\`\`mermaid
flowchart LR
  A["<img src=x onerror=window.__pwned='mermaid-label'>"] --> B
  click A callback "window.__pwned='mermaid-click'"
  click B href "javascript:window.__pwned='mermaid-href'"
\`\`\`

The last line of the lesson.

[js-link]: javascript:window.__pwned='js-link'
[data-link]: data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX19wd25lZD0nZGF0YSc8L3NjcmlwdD4=
`;

/** Inline links with these schemes never get in: validation refuses them before the renderer sees them. */
const refusedLinks = `[a javascript link](javascript:window.__pwned='js-link')

[a vbscript link](vbscript:msgbox)

[a data link](data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX19wd25lZD0nZGF0YSc8L3NjcmlwdD4=)
`;

function writeHostileCourse(dir: string, lesson = hostileLesson): void {
  fs.mkdirSync(path.join(dir, 'lessons', 'traps'), { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'course.yaml'),
    [
      'format: 1',
      'id: hostile-course',
      'title: Hostile Course',
      'version: 1.0.0',
      'summary: A course whose lesson tries to run script.',
      'domain: { id: programming, title: Programming }',
      'track: { id: python, title: Python }',
      'difficulty: beginner',
      'languages: [python]',
      'estimatedHours: 1',
      'prerequisites: []',
      'authors: [A Stranger]',
      'license: CC-BY-4.0',
      'modules:',
      '  - id: traps',
      '    title: Traps',
      '    lessons:',
      '      - lessons/traps/hostile.md',
      '',
    ].join('\n'),
  );
  fs.writeFileSync(path.join(dir, 'lessons', 'traps', 'hostile.md'), lesson);
}

async function openHostileLesson(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await completeFirstRun(page);
  const card = page.locator('.learn-catalog').getByRole('article', { name: 'Hostile Course' });
  await card.getByRole('button', { name: 'Start' }).click();
  const article = page.getByRole('article', { name: 'Lesson' });
  await expect(article).toContainText('The last line of the lesson.');
  // The diagram either draws (sanitised) or explains why not; both are settled states.
  await expect(page.locator('.mermaid-diagram[data-rendered="true"], .mermaid-error')).toHaveCount(1, { timeout: 15_000 });
}

async function expectNothingRan(page: Page, dialogs: string[]): Promise<void> {
  // Click everything the lesson offers as a link or diagram node: a handler that survived would fire.
  const pwned = () => page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned);
  expect(await pwned(), 'script ran while the lesson rendered').toBeUndefined();
  const article = page.getByRole('article', { name: 'Lesson' });
  for (const link of await article.locator('a, .mermaid-diagram .node').all()) {
    await link.click({ force: true, noWaitAfter: true, timeout: 2_000 }).catch(() => undefined);
  }
  await page.waitForTimeout(300);
  expect(await pwned(), 'script ran when a link or diagram node was clicked').toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(await article.locator('script, iframe, object, embed, [onerror], [onclick], [onload]').count()).toBe(0);
  expect(await article.locator('a[href^="javascript:" i], a[href^="vbscript:" i], a[href^="data:" i]').count()).toBe(0);
  // The raw HTML shows as nothing executable; the rest of the lesson is still there to read.
  await expect(article.getByRole('heading', { name: 'Traps below' })).toBeVisible();
}

test('inline javascript:, vbscript: and data: links are refused at import, naming each', ({ workDir }) => {
  const courseDir = path.join(workDir, 'refused-course');
  writeHostileCourse(courseDir, hostileLesson.replace('# Traps below\n', `# Traps below\n\n${refusedLinks}`));
  const dataDir = tempDataDir();
  const run = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'drona.mjs'), 'course', 'import', courseDir, '--data-dir', dataDir], {
    encoding: 'utf8',
  });
  expect(run.status).toBe(1);
  for (const scheme of ['javascript:', 'vbscript:', 'data:']) expect(run.stderr + run.stdout).toContain(`uses "${scheme}"`);
  expect(fs.existsSync(path.join(dataDir, 'courses', 'hostile-course'))).toBe(false);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

for (const csp of ['with the CSP', 'without the CSP'] as const) {
  test(`a hostile lesson runs no script ${csp}`, async ({ browser, serveApp, workDir }) => {
    test.setTimeout(120_000);
    const courseDir = path.join(workDir, 'hostile-course');
    writeHostileCourse(courseDir);
    const dataDir = tempDataDir();
    execFileSync(process.execPath, [path.join(repoRoot, 'bin', 'drona.mjs'), 'course', 'import', courseDir, '--data-dir', dataDir]);
    const serve = await serveApp({ dataDir });
    const context = await browser.newContext({ bypassCSP: csp === 'without the CSP' });
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const popups: string[] = [];
    context.on('page', (opened) => popups.push(opened.url()));
    await openHostileLesson(page, serve.url);
    await expectNothingRan(page, dialogs);
    expect(popups.filter((url) => /^(javascript|data|vbscript):/i.test(url))).toEqual([]);
    await page.screenshot({ path: `test-results/screenshots/hostile-lesson-${csp === 'with the CSP' ? 'csp' : 'no-csp'}.png` });
    await context.close();
  });
}
