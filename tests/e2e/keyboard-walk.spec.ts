// A learner who uses only the keyboard (issue #21): catalog → lesson → exercise → edit until it
// passes → Continue → the next lesson, at 1440×900, 1280×720 and 1024×640 in both themes, axe
// clean at each step, with a screenshot of each as a CI artifact. One app serves all six walks;
// each walk passes a different exercise, so each meets the completion moment afresh.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page, type TestInfo } from '@playwright/test';
import { solutionOf } from './support/course-answers';
import { completeFirstRun } from './support/learner';
import { startServe, type ServeProcess } from './support/serve';

let serve: ServeProcess | undefined;
test.afterAll(async () => {
  await serve?.stop();
});

/**
 * Each walk: the lesson found by search, the exercise after it (and its solution), the lesson after
 * that. Practice exercises only: guided and code-along lessons pass by their own steps.
 */
const WALKS = [
  {
    size: { width: 1440, height: 900 },
    theme: 'dark',
    from: 'Reading and writing files',
    exercise: 'parse-ages',
    title: 'Practice: validating input',
    next: 'Practice: a notes file',
  },
  {
    size: { width: 1440, height: 900 },
    theme: 'light',
    from: 'Practice: validating input',
    exercise: 'note-file',
    title: 'Practice: a notes file',
    next: 'Quiz: errors and files',
  },
  {
    size: { width: 1280, height: 720 },
    theme: 'dark',
    from: 'Parameters, defaults and scope',
    exercise: 'palindrome',
    title: 'Practice: palindromes',
    next: 'Challenge: run-length encoding',
  },
  {
    size: { width: 1280, height: 720 },
    theme: 'light',
    from: 'Dictionaries and sets',
    exercise: 'count-votes',
    title: 'Practice: counting votes',
    next: 'Practice: above average',
  },
  {
    size: { width: 1024, height: 640 },
    theme: 'dark',
    from: 'Code-along: FizzBuzz',
    exercise: 'letter-grade',
    title: 'Practice: letter grades',
    next: 'Challenge: the Collatz sequence',
  },
  {
    size: { width: 1024, height: 640 },
    theme: 'light',
    from: 'Practice: counting votes',
    exercise: 'above-average',
    title: 'Practice: above average',
    next: 'Challenge: group anagrams',
  },
] as const;

const lessonTitle = (page: Page) => page.locator('h1.lesson-title');

/** Whether Ctrl+M has switched the editors' Tab to moving focus (it stays so for the page). */
let tabMovesFocus = false;

/** Presses Tab until `target` (or something inside it) has the focus: proof it is reachable by keyboard. */
async function tabTo(page: Page, target: Locator, limit = 80) {
  for (let presses = 0; presses < limit; presses++) {
    if (await target.evaluate((element) => element === document.activeElement || element.contains(document.activeElement)).catch(() => false)) return;
    // In an editor Tab indents; Ctrl+M (Monaco's "Tab moves focus", as in VS Code) lets it leave.
    if (!tabMovesFocus && (await page.evaluate(() => document.activeElement?.closest('.monaco-editor') !== null))) {
      await page.keyboard.press('Control+m');
      tabMovesFocus = true;
    }
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab did not reach ${target.toString()} in ${limit} presses`);
}

async function axeClean(page: Page, step: string) {
  const { violations } = await new AxeBuilder({ page }).include('.app-shell').analyze();
  const blocking = violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(blocking.map((violation) => `${step}: ${violation.id} ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
}

async function keep(page: Page, testInfo: TestInfo, step: string) {
  await axeClean(page, step);
  await testInfo.attach(step, { body: await page.screenshot(), contentType: 'image/png' });
}

test('keyboard only: catalog, lesson, exercise, pass, Continue, at three sizes in both themes', async ({ page }, testInfo) => {
  test.setTimeout(900_000);
  await page.setViewportSize(WALKS[0].size);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  serve = await startServe();
  await page.goto(serve.url);
  await completeFirstRun(page);

  // The catalog: the bottom panel keeps out of the way; the skip link is the first Tab stop.
  await expect(page.locator('.learn-catalog')).toBeVisible();
  await expect.poll(async () => (await page.locator('.bottom-panel').boundingBox())!.height).toBeLessThan(40);
  await page.locator('body').focus();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main-content')).toBeFocused();

  for (const walk of WALKS) {
    const name = `${walk.size.width}x${walk.size.height}-${walk.theme}`;
    await page.setViewportSize(walk.size);
    for (let presses = 0; presses < 2 && (await page.locator('html').getAttribute('data-theme')) !== walk.theme; presses++)
      await page.keyboard.press('Control+k');
    await expect(page.locator('html')).toHaveAttribute('data-theme', walk.theme);
    await keep(page, testInfo, `${name} 1 start`);

    // A lesson, found with the lesson search. Each walk starts from the top of the page: the last
    // one left the focus in an editor, where Tab indents (Monaco's own rule; Ctrl+M switches it).
    // An exercise opened by Continue puts the focus in its editor once it has loaded: wait for that.
    const openEditor = page.locator('.lesson-canvas .monaco-editor').first();
    if (await openEditor.count())
      await expect
        .poll(() => openEditor.evaluate((element) => element.contains(document.activeElement)), { timeout: 15_000 })
        .toBe(true)
        .catch(() => undefined);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const search = page.getByLabel('Search lessons');
    // At 1024 wide the side panel folds away for the editor (inert, out of the Tab order); Ctrl+B
    // brings it back.
    const folded = () => search.evaluate((element) => element.closest('[inert]') !== null);
    if (await folded()) await page.keyboard.press('Control+b');
    await expect.poll(folded).toBe(false);
    await tabTo(page, search);
    await page.keyboard.type(walk.from);
    const hit = page
      .getByRole('list', { name: 'Lesson search results' })
      .getByRole('button', { name: new RegExp(walk.from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })
      .first();
    await expect(hit).toBeVisible();
    await tabTo(page, hit);
    await page.keyboard.press('Enter');
    await expect(lessonTitle(page)).toHaveText(walk.from);
    await keep(page, testInfo, `${name} 2 lesson`);

    // On to the exercise (Alt+→), into the editor by Tab, the solution typed, Check by its shortcut.
    await page.keyboard.press('Alt+ArrowRight');
    await expect(lessonTitle(page)).toHaveText(walk.title);
    // The editor as a whole: Monaco takes keys through a textarea or an EditContext element.
    const editor = page.locator('.lesson-canvas .monaco-editor').first();
    await expect(editor).toBeAttached({ timeout: 30_000 });
    await tabTo(page, editor);
    // Pasted (Ctrl+V is a key too): typed text would be auto-indented line by line.
    await page.evaluate((text) => navigator.clipboard.writeText(text), solutionOf('python-basics', walk.exercise));
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Control+v');
    await keep(page, testInfo, `${name} 3 exercise`);
    await page.keyboard.press('Control+Shift+Enter');

    // Passing: Continue has the focus; Enter goes on.
    const done = page.getByRole('region', { name: 'Lesson complete' });
    const next = done.getByRole('button', { name: `Continue: ${walk.next}` });
    await expect(next).toBeFocused({ timeout: 120_000 });
    await keep(page, testInfo, `${name} 4 passed`);
    await page.keyboard.press('Enter');
    await expect(lessonTitle(page)).toHaveText(walk.next);
    await keep(page, testInfo, `${name} 5 next`);
  }
});
