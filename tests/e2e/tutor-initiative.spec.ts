// The tutor acting unasked, walked as a learner in serve mode with no provider: a right answer in
// a guided discovery brings an offer (a cue in the canvas, the offer in the tutor panel) whose
// "Why this?" names the signal main observed; the learner rates it. The Settings choice "Tutor
// initiative" is honoured: the check-in comes after 5 exchanges with More, after 7 with Normal,
// never with Off. Guided recovery, with no provider and with each scripted one: a failing Check
// brings a Socratic question on that test ("Talk it through" then asks the provider about it),
// and no edit after it brings the offer of a simpler explanation. Adaptive depth: three quick right
// answers bring the offer of something harder. axe clean on the canvas and the panel.
import { expect, test, type Page } from '@playwright/test';
import { contractCall } from './support/contract-call';
import { learnerPerTest, openLessonBySearch, replaceEditorText } from './support/learner';
import { expectAxeClean } from './support/look';
import { scriptedProviders, startScriptedProvider, type ScriptedProvider } from './support/scripted-provider';

const startLearner = learnerPerTest();
let provider: ScriptedProvider | undefined;
test.afterEach(async () => {
  await provider?.close();
  provider = undefined;
});

test('a right answer brings an unasked offer with "Why this?", which the learner can rate', async ({ page }) => {
  test.setTimeout(120_000);
  await startLearner(page);
  await openLessonBySearch(page, 'greeting function', 'Guided: a greeting function');
  const dialogue = page.getByRole('region', { name: 'Guided discovery' });
  await dialogue.getByRole('radio', { name: 'None' }).check();
  await dialogue.getByRole('button', { name: 'Answer' }).click();

  // A small cue in the canvas; it does not take focus.
  const cue = page.locator('.tutor-cue');
  await expect(cue).toContainText('The tutor has a suggestion: You answered right.', { timeout: 30_000 });
  await expect(cue.getByRole('button', { name: 'Open the tutor' })).not.toBeFocused();
  await page.mouse.move(0, 0);
  await expectAxeClean(page, 'canvas with the cue', '.lesson-canvas');
  await cue.getByRole('button', { name: 'Open the tutor' }).click();
  await expect(cue).toHaveCount(0);

  const panel = page.getByRole('region', { name: 'Tutor' });
  const offer = panel.getByRole('article', { name: 'Mentor, unasked' });
  await expect(offer).toContainText('Well done: that worked.');
  await offer.getByRole('button', { name: 'Why this?' }).click();
  await expect(offer.getByText('You answered right.')).toBeVisible();

  await offer.getByRole('button', { name: 'Not helpful' }).click();
  await offer.getByRole('combobox', { name: 'Why not?' }).selectOption('It was too vague');
  await offer.getByRole('button', { name: 'Send rating' }).click();
  await expect(offer).toContainText('Rated not helpful: It was too vague');
  await page.mouse.move(0, 0);
  await expectAxeClean(page, 'tutor panel with an offer', '.tutor');

  // The rating is main's: it is still there after a reload.
  await page.reload();
  await page.getByRole('tab', { name: 'Tutor' }).click();
  await expect(page.getByRole('region', { name: 'Tutor' }).getByRole('article', { name: 'Mentor, unasked' })).toContainText(
    'Rated not helpful: It was too vague',
  );
});

/** Sets "Tutor initiative" in Settings, as a learner does. */
async function chooseInitiative(page: Page, level: 'more' | 'normal' | 'off') {
  await page.getByRole('navigation', { name: 'Activities' }).getByRole('button', { name: 'Settings' }).click();
  const choice = page.locator('#settings-tutor').getByLabel(/Tutor initiative/);
  await choice.selectOption(level);
  await expect(choice).toHaveValue(level);
}

/** Asks the tutor (no provider: the lesson's own material answers) and waits for the reply. */
async function askTimes(page: Page, from: number, to: number) {
  const panel = page.getByRole('region', { name: 'Tutor' });
  for (let i = from; i <= to; i++) {
    await panel.getByLabel('Ask the tutor').fill(`What does type() tell me about a value? (${i})`);
    await panel.getByRole('button', { name: 'Send' }).click();
    await expect(panel.getByRole('article', { name: 'You' })).toHaveCount(i);
    await expect(panel.getByRole('article', { name: 'Tutor reply in progress' })).toHaveCount(0);
  }
}

const checkInAfter = { more: 5, normal: 7 } as const;
const lesson = { courseId: 'python-basics', lessonId: 'numbers-and-strings' };

for (const level of ['more', 'normal'] as const) {
  test(`with initiative ${level}, the tutor checks in after ${checkInAfter[level]} exchanges and says why`, async ({ page }) => {
    test.setTimeout(150_000);
    await startLearner(page);
    await chooseInitiative(page, level);
    await openLessonBySearch(page, 'Numbers, strings', 'Numbers, strings and variables');
    await page.getByRole('tab', { name: 'Tutor' }).click();
    const panel = page.getByRole('region', { name: 'Tutor' });
    const offer = panel.getByRole('article', { name: 'Assessor, unasked' });

    await askTimes(page, 1, checkInAfter[level] - 1);
    // One exchange short: main has nothing to offer.
    expect(await contractCall(page, 'tutor.nudge', lesson)).toEqual({ offer: null });
    await askTimes(page, checkInAfter[level], checkInAfter[level]);
    // The panel's poll brings the check-in, from the lesson's first objective.
    await expect(offer).toContainText('A quick check-in: in your own words, how would you tell int, float, str and bool apart', { timeout: 30_000 });
    await offer.getByRole('button', { name: 'Why this?' }).click();
    await expect(offer.getByText(`${checkInAfter[level]} exchanges since the last check-in.`)).toBeVisible();
    await page.mouse.move(0, 0);
    await expectAxeClean(page, `tutor panel with a check-in (${level})`, '.tutor');
  });
}

test('with initiative off, nothing is offered: not after exchanges, not after a right answer', async ({ page }) => {
  test.setTimeout(150_000);
  await startLearner(page);
  await chooseInitiative(page, 'off');
  await openLessonBySearch(page, 'Numbers, strings', 'Numbers, strings and variables');
  await page.getByRole('tab', { name: 'Tutor' }).click();
  await askTimes(page, 1, checkInAfter.more + 2);
  expect(await contractCall(page, 'tutor.nudge', lesson)).toEqual({ offer: null });

  await openLessonBySearch(page, 'greeting function', 'Guided: a greeting function');
  const dialogue = page.getByRole('region', { name: 'Guided discovery' });
  await dialogue.getByRole('radio', { name: 'None' }).check();
  await dialogue.getByRole('button', { name: 'Answer' }).click();
  await expect(dialogue.getByRole('textbox', { name: 'Your answer' })).toBeVisible();
  expect(await contractCall(page, 'tutor.nudge', { courseId: 'python-basics', lessonId: 'greeting' })).toEqual({ offer: null });
  await expect(page.locator('.tutor-cue')).toHaveCount(0);
  await page.getByRole('tab', { name: 'Tutor' }).click();
  await expect(page.getByRole('region', { name: 'Tutor' }).getByRole('article', { name: /, unasked$/ })).toHaveCount(0);
});

for (const name of ['no provider', ...scriptedProviders] as const) {
  test(`guided recovery (${name}): a failing Check brings a question on that test, then a simpler explanation when stuck`, async ({ page }) => {
    test.setTimeout(360_000);
    const scripted = name === 'no provider' ? undefined : (provider = await startScriptedProvider(name));
    await startLearner(page, scripted ? { env: scripted.env } : {});
    await scripted?.choose(page);
    await chooseInitiative(page, 'more');
    await openLessonBySearch(page, 'greeting function', 'Guided: a greeting function');
    await replaceEditorText(page, 'def make_greeting(name):\n    return "Hi, " + name\n');
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await expect(page.getByRole('heading', { name: /0 of 3 tests pass/ })).toBeVisible({ timeout: 120_000 });

    // Unasked: a cue in the canvas naming the failing test, and the question in the panel.
    const cue = page.locator('.tutor-cue');
    await expect(cue).toContainText('The tutor has a suggestion: Your last Check failed on', { timeout: 30_000 });
    await page.mouse.move(0, 0);
    await expectAxeClean(page, `canvas with the recovery cue (${name})`, '.lesson-canvas');
    await cue.getByRole('button', { name: 'Open the tutor' }).click();
    const panel = page.getByRole('region', { name: 'Tutor' });
    const socratic = panel.getByRole('article', { name: 'Tutor, unasked' }).filter({ hasText: 'What does that test expect your code to give back' });
    await expect(socratic).toContainText('Your last Check failed on');
    await socratic.getByRole('button', { name: 'Why this?' }).click();
    await expect(socratic.getByText(/^Your last Check failed on .+\.$/)).toBeVisible();
    if (scripted) {
      await socratic.getByRole('button', { name: 'Talk it through' }).click();
      await expect(panel.getByRole('article', { name: 'Tutor reply in progress' })).toHaveCount(0, { timeout: 30_000 });
      await expect.poll(() => scripted.requests().at(-1) ?? '', { timeout: 30_000 }).toContain('Last check: fail');
    }

    // No edit since the failing Check: with More, after 45 s the tutor offers a simpler explanation.
    const simpler = panel.getByRole('article', { name: 'Tutor, unasked' }).filter({ hasText: 'Would a simpler explanation of the idea help?' });
    await expect(simpler).toBeVisible({ timeout: 120_000 });
    await simpler.getByRole('button', { name: 'Why this?' }).click();
    await expect(simpler.getByText(/^No edit for \d+ s after a failing Check\.$/)).toBeVisible();
    await page.mouse.move(0, 0);
    await expectAxeClean(page, `tutor panel with recovery offers (${name})`, '.tutor');
  });
}

test('adaptive depth: three quick right answers bring the offer of something harder, with why', async ({ page }) => {
  test.setTimeout(240_000);
  await startLearner(page);
  await openLessonBySearch(page, 'greeting function', 'Guided: a greeting function');
  // A passing Check first, then the two questions answered right straight after it.
  await replaceEditorText(page, 'def make_greeting(name):\n    return f"Hello, {name}!"\n');
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'All 3 tests pass' })).toBeVisible({ timeout: 120_000 });
  const dialogue = page.getByRole('region', { name: 'Guided discovery' });
  await dialogue.getByRole('radio', { name: 'None' }).check();
  await dialogue.getByRole('button', { name: 'Answer' }).click();
  await dialogue.getByRole('textbox', { name: 'Your answer' }).fill('return');
  await dialogue.getByRole('button', { name: 'Answer' }).click();
  await expect(dialogue).toContainText('press Check: the tests answer this step');

  await page.getByRole('tab', { name: 'Tutor' }).click();
  const harder = page
    .getByRole('region', { name: 'Tutor' })
    .getByRole('article', { name: 'Tutor, unasked' })
    .filter({ hasText: 'Want something harder?' })
    .first();
  await expect(harder).toBeVisible({ timeout: 30_000 });
  await expect(harder.getByRole('button', { name: 'Quiz me' })).toBeVisible();
  await harder.getByRole('button', { name: 'Why this?' }).click();
  await expect(harder.getByText('3 right answers in a row, each within 60 s.')).toBeVisible();
  await page.mouse.move(0, 0);
  await expectAxeClean(page, 'tutor panel with the harder offer', '.tutor');
});
