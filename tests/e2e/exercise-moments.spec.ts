// The exercise screen as a learner meets it (issue #21), in serve mode at the three window sizes
// the issue names and in both themes: the editor gets the room, passing leads on to the next
// lesson, results are shown once and kept per lesson.
import { expect, test, type Page } from '@playwright/test';
import { completeFirstRun, openLessonBySearch, replaceEditorText } from './support/learner';
import { startServe, type ServeProcess } from './support/serve';
import { expectAxeClean, setTheme, SIZES, THEMES, type Size } from './support/look';

let serve: ServeProcess | undefined;
test.afterEach(async () => {
  await serve?.stop();
  serve = undefined;
});

const GREETING = 'Guided: a greeting function';
const NUMBERS = 'Numbers, strings and variables';
const TEMPERATURE = 'Practice: temperature converter';
const WRONG = 'def make_greeting(name):\n    return "Hi, " + name\n';
const RIGHT = 'def make_greeting(name):\n    return f"Hello, {name}!"\n';

const lessonTitle = (page: Page) => page.locator('h1.lesson-title');
const editor = (page: Page) => page.locator('.lesson-canvas .monaco-editor').first();

async function startLearner(page: Page, size: Size = SIZES[1]) {
  await page.setViewportSize(size);
  serve = await startServe();
  await page.goto(serve.url);
  await completeFirstRun(page);
}

/** Every visible button's box: nothing may lie on top of one. */
async function overlapsAControl(page: Page, box: { x: number; y: number; width: number; height: number }): Promise<string[]> {
  return page.locator('button:visible').evaluateAll(
    (buttons, rect) =>
      buttons
        .filter((button) => {
          const r = button.getBoundingClientRect();
          return r.width > 0 && r.x < rect.x + rect.width && r.x + r.width > rect.x && r.y < rect.y + rect.height && r.y + r.height > rect.y;
        })
        .filter((button) => !button.closest('.hud-toasts'))
        .map((button) => button.getAttribute('aria-label') ?? button.textContent ?? ''),
    box,
  );
}

/** How many editor lines fit in the editor's visible height. */
async function editorLines(page: Page): Promise<number> {
  // The editor shows before Monaco has laid out its lines: wait for the first one.
  const line = page.locator('.lesson-canvas .monaco-editor .view-line').first();
  await expect(line).toBeVisible();
  const height = (await editor(page).boundingBox())!.height;
  const lineHeight = (await line.boundingBox())!.height;
  return Math.floor(height / lineHeight);
}

const shot = (page: Page, name: string, size: { width: number; height: number }, theme: string) =>
  page.screenshot({ path: `test-results/screenshots/exercise-${name}-${size.width}x${size.height}-${theme}.png` });

test('the exercise screen gives the editor the room at 1440, 1280 and 1024 wide, in both themes', async ({ page }) => {
  test.setTimeout(300_000);
  await startLearner(page, SIZES[0]);
  await openLessonBySearch(page, 'greeting function', GREETING);
  await expect(editor(page)).toBeVisible();
  for (const size of SIZES) {
    await page.setViewportSize(size);
    // Leave the exercise and come back, as a learner would after resizing the window.
    await page.getByRole('button', { name: 'Previous lesson' }).click();
    await expect(lessonTitle(page)).toHaveText(NUMBERS);
    await page.getByRole('button', { name: 'Next lesson' }).click();
    await expect(lessonTitle(page)).toHaveText(GREETING);
    await expect(editor(page)).toBeVisible();

    // Two panes: instructions | editor with results under it; one file needs no tree or tabs.
    await expect(page.getByRole('navigation', { name: 'Files' })).toHaveCount(0);
    await expect(page.getByRole('toolbar', { name: 'Open files' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Files', exact: true })).toHaveAttribute('aria-pressed', 'false');
    // The bottom panel is folded to its tabs, its contents out of the Tab order.
    await expect(page.getByRole('tab', { name: 'Tutor' })).toBeVisible();
    await expect.poll(async () => (await page.locator('.bottom-panel').boundingBox())!.height).toBeLessThan(40);
    const ide = (await page.locator('.workbench-ide').boundingBox())!;
    expect(ide.width).toBeGreaterThan(size.width * 0.45);
    const lines = await editorLines(page);
    expect(lines, `editor lines at ${size.width}x${size.height}`).toBeGreaterThanOrEqual(size.height >= 720 ? 20 : 15);
    if (size.width < 1200) await expect.poll(async () => (await page.locator('.side-panel-body').boundingBox())?.width ?? 0).toBeLessThan(5);
    for (const theme of THEMES) {
      await setTheme(page, theme);
      await expectAxeClean(page, `exercise ${size.width} ${theme}`);
      await shot(page, 'layout', size, theme);
    }
  }

  // In the editor Tab indents (Monaco's rule); the status bar says the way out, Ctrl+M, as VS Code does.
  const tabKey = page.locator('.status-bar .tab-key-status');
  await expect(tabKey).toHaveCount(0);
  await editor(page).click();
  await expect(tabKey).toHaveText('Tab indents · Ctrl+M: Tab moves focus');
  await page.keyboard.press('Control+m');
  await expect(tabKey).toHaveText('Tab moves focus · Ctrl+M: Tab indents');
  for (const theme of THEMES) {
    await setTheme(page, theme);
    await expectAxeClean(page, `tab key hint ${theme}`);
  }
  await editor(page).click();
  await page.keyboard.press('Tab');
  await expect.poll(() => page.evaluate(() => document.activeElement?.closest('.monaco-editor') === null)).toBe(true);
  await expect(tabKey).toHaveText('Tab moves focus · Ctrl+M: Tab indents');
  await shot(page, 'tab-moves-focus', SIZES[2], 'light');

  // Leaving the exercise gives the bottom panel back; a tab opens it on the exercise too.
  await page.getByRole('button', { name: 'Previous lesson' }).click();
  await expect.poll(async () => (await page.locator('.bottom-panel').boundingBox())!.height).toBeGreaterThan(100);
  await page.getByRole('button', { name: 'Next lesson' }).click();
  await expect.poll(async () => (await page.locator('.bottom-panel').boundingBox())!.height).toBeLessThan(40);
  await page.getByRole('tab', { name: 'Terminal' }).click();
  await expect.poll(async () => (await page.locator('.bottom-panel').boundingBox())!.height).toBeGreaterThan(100);

  // The file tree is one click away, and shows itself once there is more than one file.
  await page.getByRole('button', { name: 'Files', exact: true }).click();
  await expect(page.getByRole('navigation', { name: 'Files' })).toBeVisible();
});

test('passing leads on: a completion moment with its XP explained and Continue (Ctrl+Enter)', async ({ page }) => {
  test.setTimeout(420_000);
  const size = SIZES[1];
  await startLearner(page, size);
  await openLessonBySearch(page, 'greeting function', GREETING);
  await expect(editor(page)).toBeVisible();

  // Failing first: no completion, no way on but the header's arrows.
  await replaceEditorText(page, WRONG);
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(page.getByRole('heading', { name: /0 of 3 tests pass/ })).toBeVisible({ timeout: 90_000 });
  await expect(page.getByRole('region', { name: 'Lesson complete' })).toHaveCount(0);
  // Results once, in plain words: tests named as sentences, no sandbox paths, the raw log folded.
  const results = page.getByRole('region', { name: 'Results' });
  await expect(results.getByRole('list', { name: 'Tests' }).getByRole('listitem').first()).toContainText('Greets ada');
  await expect(results).not.toContainText('/work/');
  await expect(results.getByText('Full test log')).toBeVisible();
  await expect(results.locator('.raw-log pre')).toBeHidden();
  for (const shown of SIZES) {
    await page.setViewportSize(shown);
    await expect(results.getByRole('list', { name: 'Tests' })).toBeVisible();
    for (const theme of THEMES) {
      await setTheme(page, theme);
      await expectAxeClean(page, `failing ${shown.width} ${theme}`);
      await shot(page, 'failing', shown, theme);
    }
  }
  await page.setViewportSize(size);

  await replaceEditorText(page, RIGHT);
  await page.keyboard.press('Control+Shift+Enter');
  const done = page.getByRole('region', { name: 'Lesson complete' });
  await expect(done.getByRole('heading', { name: /Lesson complete/ })).toBeVisible({ timeout: 90_000 });
  // The XP says why: 50 for the lesson, +10% for the streak the lesson itself starts (first Check failed: no first-try bonus).
  await expect(done).toContainText('+55 XP');
  await expect(done).toContainText('Lesson: 50 XP + 10% (streak) = 55 XP');
  // The streak's change is named: this first lesson of the day starts it.
  await expect(done).toContainText('Streak started: day 1.');
  const next = done.getByRole('button', { name: `Continue: ${TEMPERATURE}` });
  await expect(next).toBeFocused();
  // Nothing on top of a control: the lesson's own moment replaces the corner toasts.
  for (const toast of await page.locator('.hud-toast').all()) expect(await overlapsAControl(page, (await toast.boundingBox())!)).toEqual([]);
  await expect(page.locator('.hud-toast')).toHaveCount(0);
  const bar = (await done.boundingBox())!;
  expect(bar.y + bar.height).toBeLessThanOrEqual(size.height);

  for (const shown of SIZES) {
    await page.setViewportSize(shown);
    await expect.poll(async () => (await done.boundingBox())!.y + (await done.boundingBox())!.height).toBeLessThanOrEqual(shown.height);
    for (const theme of THEMES) {
      await setTheme(page, theme);
      await expectAxeClean(page, `completion ${shown.width} ${theme}`);
      await shot(page, 'passed', shown, theme);
    }
  }
  // Focus back on Continue after the theme button; Ctrl+Enter (as Enter would) goes on.
  await next.focus();
  await page.keyboard.press('Control+Enter');
  await expect(lessonTitle(page)).toHaveText(TEMPERATURE);
  await expect(page.getByRole('region', { name: 'Lesson complete' })).toHaveCount(0);
  // The next lesson starts with empty results; going back shows where the greeting was left.
  await expect(editor(page)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Results' })).not.toContainText('tests pass');
  await page.getByRole('button', { name: 'Previous lesson' }).click();
  await expect(lessonTitle(page)).toHaveText(GREETING);
  await expect(page.getByRole('heading', { name: 'All 3 tests pass' })).toBeVisible();
});
