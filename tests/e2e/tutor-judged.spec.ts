// The tutor where a provider judges or reviews, walked as a learner in serve mode against each
// local scripted provider (Anthropic's Messages API SSE through DRONA_ANTHROPIC_BASE_URL, Ollama's
// NDJSON chat; the same scripted model): a guided step's free answer judged against the step's
// intent (its own question when wrong, the next step when the answer shows the idea, never the
// answer), and "Review my code" in a practice lesson as a structured review (correctness,
// efficiency, style, each with its line) without the reference solution. axe clean on the
// dialogue and the panel.
import { expect, test, type Page } from '@playwright/test';
import { solutionOf } from './support/course-answers';
import { learnerPerTest, openLessonBySearch } from './support/learner';
import { expectAxeClean, lookInBothThemes } from './support/look';
import { scriptedProviders, startScriptedProvider, type ScriptedProvider, type ScriptedProviderName } from './support/scripted-provider';

const startLearner = learnerPerTest();
let provider: ScriptedProvider | undefined;
test.afterEach(async () => {
  await provider?.close();
  provider = undefined;
});

/** A new learner with the tutor on the scripted provider, chosen as Settings → Tutor does. */
async function startWithProvider(page: Page, name: ScriptedProviderName): Promise<ScriptedProvider> {
  const scripted = (provider = await startScriptedProvider(name));
  await startLearner(page, { env: scripted.env });
  await scripted.choose(page);
  return scripted;
}

for (const name of scriptedProviders) {
  test.describe(`with ${name}`, () => {
    test('a provider judges a guided free answer: its own question when wrong, the next step when it shows the idea', async ({ page }, testInfo) => {
      test.setTimeout(120_000);
      const scripted = await startWithProvider(page, name);
      await openLessonBySearch(page, 'greeting function', 'Guided: a greeting function');
      const dialogue = page.getByRole('region', { name: 'Guided discovery' });
      await dialogue.getByRole('radio', { name: 'None' }).check();
      await dialogue.getByRole('button', { name: 'Answer' }).click();

      // Not the key's word ("return"), and not the idea: the tutor asks its own question, not the authored one.
      const answerBox = dialogue.getByRole('textbox', { name: 'Your answer' });
      await answerBox.fill('print does it');
      await dialogue.getByRole('button', { name: 'Answer' }).click();
      const log = dialogue.getByRole('log');
      await expect(log).toContainText('What do you notice when you try it on a smaller example');
      await expect(log).not.toContainText('can the test’s `result` variable hold');
      await expect(log).not.toContainText('hands the value to the caller');
      await page.mouse.move(0, 0);
      await expectAxeClean(page, 'guided, the tutor’s follow-up', '.lesson-canvas');
      // The answer box and the dialogue's buttons stand out 3:1 in both themes (WCAG 1.4.11).
      await lookInBothThemes(page, testInfo, `tutor-guided-${name}`, '.lesson-canvas');

      // The idea in the learner's own words, without the key's word: the tutor's "right" opens the check step.
      await answerBox.fill('it hands the value back so the test can read it');
      await dialogue.getByRole('button', { name: 'Answer' }).click();
      await expect(dialogue).toContainText('press Check: the tests answer this step');
      const judged = scripted.requests().filter((body) => body.includes('Guided discovery judge'));
      expect(judged).toHaveLength(2);
      expect(judged[1]).toContain('it hands the value back');
      await expectAxeClean(page, 'guided, after the tutor’s right verdict', '.lesson-canvas');
    });

    test('"Review my code" in a practice lesson is a structured review with lines, never the solution', async ({ page }, testInfo) => {
      test.setTimeout(120_000);
      const scripted = await startWithProvider(page, name);
      await openLessonBySearch(page, 'counting votes', 'Practice: counting votes');
      await page.getByRole('tab', { name: 'Tutor' }).click();
      const panel = page.getByRole('region', { name: 'Tutor' });
      await panel.getByRole('group', { name: 'Quick actions' }).getByRole('button', { name: 'Review my code' }).click();

      const review = panel.getByRole('article', { name: 'Code Reviewer' }).last();
      await expect(review).toContainText('Correctness', { timeout: 30_000 });
      for (const part of ['Efficiency', 'Style', 'main.py, line 2', 'main.py, line 1', 'Which of these will you look at first?'])
        await expect(review).toContainText(part);
      await expect(panel.getByRole('article', { name: 'Tutor reply in progress' })).toHaveCount(0);
      // Nothing of the reference solution's body is in it.
      const text = await review.innerText();
      for (const line of solutionOf('python-basics', 'count-votes')
        .split('\n')
        .filter((line) => line.trim().length > 24 && !line.includes('"""')))
        expect(text).not.toContain(line.trim());
      // The model was asked for the structured review, with the learner's file.
      const sent = scripted.requests().at(-1);
      expect(sent).toContain('Code Reviewer');
      expect(sent).toContain('findings');
      await page.mouse.move(0, 0);
      await expectAxeClean(page, 'tutor panel with a review', '.tutor');
      // The tutor's message box and its quick actions stand out 3:1 in both themes (WCAG 1.4.11).
      await lookInBothThemes(page, testInfo, `tutor-review-${name}`, '.tutor');
    });
  });
}
