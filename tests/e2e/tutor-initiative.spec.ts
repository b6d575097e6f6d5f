// The tutor acting unasked, walked as a learner in serve mode with no provider: a right answer in
// a guided discovery brings an offer (a cue in the canvas, the offer in the tutor panel) whose
// "Why this?" names the signal main observed; the learner rates it; with initiative Off in
// Settings nothing more is offered. axe clean on the canvas and the panel.
import { expect, test } from '@playwright/test';
import { learnerPerTest, openLessonBySearch } from './support/learner';
import { expectAxeClean } from './support/look';

const startLearner = learnerPerTest();

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
