// Hints as a stuck learner meets them (issue #21), serve mode at 1440×900, 1280×720 and 1024×640,
// each view axe-checked and photographed in both themes: one hint control, its XP cost said
// before it is taken, the last hint asks first in an app dialog; the tutor without a provider
// keeps the lesson's formatting and says once, in its header, what a provider would add.
import { expect, test } from '@playwright/test';
import { learnerPerTest, openLessonBySearch } from './support/learner';
import { attachShot, expectAxeClean, lookInBothThemes, setTheme, SIZES, startLearnerIn, THEMES } from './support/look';

const startLearner = learnerPerTest();

const COLLATZ = 'Challenge: the Collatz sequence';

for (const size of SIZES) {
  test(`one hint control with its cost, the last hint asks first, and the offline tutor keeps formatting (${size.width}x${size.height})`, async ({
    page,
  }, testInfo) => {
    test.setTimeout(240_000);
    await startLearnerIn(page, 'dark', startLearner, size);
    await openLessonBySearch(page, 'Collatz', COLLATZ);

    // The cost comes from the XP rules: a challenge's first hint costs its no-hints bonus, each later one the lesson's authored hintXpCost (10 here).
    const hints = page.getByRole('region', { name: 'Hints' });
    const first = hints.getByRole('button', { name: 'Show a hint (0/4)' });
    await expect(first).toHaveAccessibleDescription('Costs 150 XP of this lesson’s award.');
    // Under the instructions, which scroll: brought into view for the screenshot.
    await first.scrollIntoViewIfNeeded();
    await lookInBothThemes(page, testInfo, 'hints-cost');
    await first.click();
    // Each reveal is recorded in main first; a shared, busy machine can take a while.
    await expect(hints.getByRole('listitem')).toHaveCount(1, { timeout: 30_000 });
    await expect(hints.getByRole('button', { name: 'Show the next hint (1/4)' })).toHaveAccessibleDescription('Costs 10 XP of this lesson’s award.');
    await hints.getByRole('button', { name: 'Show the next hint (1/4)' }).click();
    await hints.getByRole('button', { name: 'Show the next hint (2/4)' }).click();
    const last = hints.getByRole('button', { name: 'Show the next hint (3/4)' });
    await expect(last).toHaveAccessibleDescription('Costs 10 XP of this lesson’s award. The last hint gives the answer away.');

    // The last hint asks first; the safe answer has the focus, so Enter or Escape changes nothing.
    // The dialog is modal (the theme button behind it is inert): it is opened once in each theme.
    const dialog = page.getByRole('dialog', { name: 'Show the last hint?' });
    const { width, height } = page.viewportSize()!;
    for (const theme of THEMES) {
      await setTheme(page, theme);
      await last.click();
      await expect(dialog).toBeVisible();
      await expect(dialog).toBeInViewport({ ratio: 1 });
      await expect(dialog.getByRole('button', { name: 'Keep trying' })).toBeFocused();
      await expectAxeClean(page, `last-hint dialog ${width}x${height} (${theme})`, '[role="dialog"]');
      await attachShot(page, testInfo, `hints-last-dialog-${width}x${height}-${theme}`);
      if (theme === 'light') break;
      await page.keyboard.press('Escape');
      await expect(dialog).toHaveCount(0);
      await expect(hints.getByRole('listitem')).toHaveCount(3);
    }
    await dialog.getByRole('button', { name: 'Show the last hint' }).click();
    await expect(hints.getByRole('listitem')).toHaveCount(4);
    await expect(hints.getByRole('button')).toHaveCount(0);

    // In a challenge only the Assessor answers: the tutor offers no quick actions there.
    await page.getByRole('tab', { name: 'Tutor' }).click();
    const tutor = page.getByRole('region', { name: 'Tutor' });
    await expect(tutor).toContainText('In a challenge only the Assessor answers');
    await expect(tutor.getByRole('group', { name: 'Quick actions' })).toHaveCount(0);

    // The tutor without a provider, in a practice lesson: no Hint of its own, the setup notice
    // once in its header, and the lesson's words with their formatting.
    // At 1024 wide the exercise folds the side panel away (inert): Ctrl+B brings it back to search.
    if (await page.getByLabel('Search lessons').evaluate((element) => element.closest('[inert]') !== null)) await page.keyboard.press('Control+b');
    await openLessonBySearch(page, 'counting votes', 'Practice: counting votes');
    await expect(tutor.getByRole('group', { name: 'Quick actions' })).toBeVisible();
    await expect(tutor.getByRole('group', { name: 'Quick actions' }).getByRole('button', { name: 'Hint' })).toHaveCount(0);
    const notice = tutor.getByText('Set up a provider for explanations and code reviews.');
    await expect(notice).toHaveCount(1);
    await expect(tutor.locator('.tutor-header')).toContainText('Set up a provider');
    await tutor.getByRole('button', { name: 'Explain this' }).click();
    const reply = tutor.getByRole('article', { name: 'Tutor' }).last();
    await expect(reply).toContainText('From the lesson');
    await expect(reply.locator('li, code, pre, table').first()).toBeVisible();
    await expect(reply).not.toContainText('Settings → Tutor');
    await tutor.getByRole('button', { name: 'Explain this' }).click();
    await expect(tutor.getByRole('article', { name: 'Tutor' })).toHaveCount(2);
    await expect(notice).toHaveCount(1);
    await lookInBothThemes(page, testInfo, 'hints-offline-tutor');
  });
}
