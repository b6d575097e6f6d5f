// Each lesson type's tutor with a provider, walked as a learner in serve mode against each local
// scripted provider (Anthropic's Messages API SSE through DRONA_ANTHROPIC_BASE_URL, Ollama's
// NDJSON chat; the same scripted model), where no other spec walks it: a concept intro's "Explain
// with an analogy", a code-along's scaffolded tutor, a challenge where only the Assessor answers,
// a project milestone reviewed by the Project Guide, and a reflection's one question back from the
// Mentor. (Guided discovery and sandbox practice with a provider are in tutor-judged.spec; every
// type without one is in lesson-modes, lesson-steps and lesson-project.) axe clean on each view.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { learnerPerTest, openLessonBySearch } from './support/learner';
import { expectAxeClean } from './support/look';
import { scriptedProviders, startScriptedProvider, type ScriptedProvider, type ScriptedProviderName } from './support/scripted-provider';

const startLearner = learnerPerTest();
let provider: ScriptedProvider | undefined;
test.afterEach(async () => {
  await provider?.close();
  provider = undefined;
});

/** A learner with the tutor on the scripted provider (as Settings → Tutor does), in the lesson. */
async function openWithProvider(page: Page, name: ScriptedProviderName, query: string, title: string): Promise<ScriptedProvider> {
  const scripted = (provider = await startScriptedProvider(name));
  await startLearner(page, { env: scripted.env });
  await scripted.choose(page);
  if (title === 'Looking back') {
    // Every course ends in a "Looking back": the hit that names Python Basics.
    await page.getByLabel('Search lessons').fill(query);
    await page
      .getByRole('list', { name: 'Lesson search results' })
      .getByRole('button', { name: /^Looking back Python Basics/ })
      .click();
    await expect(page.locator('h1.lesson-title')).toHaveText(title);
  } else await openLessonBySearch(page, query, title);
  return scripted;
}

/** The last chat the app sent the model (its system prompt included). */
const lastRequest = (scripted: ScriptedProvider) => scripted.requests().at(-1) ?? '';

async function openTutor(page: Page) {
  await page.getByRole('tab', { name: 'Tutor' }).click();
  return page.getByRole('region', { name: 'Tutor' });
}

async function ask(page: Page, question: string) {
  const panel = await openTutor(page);
  await panel.getByLabel('Ask the tutor').fill(question);
  await panel.getByRole('button', { name: 'Send' }).click();
  await expect(panel.getByRole('article', { name: 'Tutor reply in progress' })).toHaveCount(0, { timeout: 30_000 });
  return panel;
}

/** The tutor's `reply` shows `shown`, the chat the app sent has `sent`, and the tutor panel at rest is axe clean. */
async function expectTutorAnswer(page: Page, scripted: ScriptedProvider, reply: Locator, shown: string, sent: string, view: string) {
  await expect(reply).toContainText(shown, { timeout: 30_000 });
  expect(lastRequest(scripted)).toContain(sent);
  await page.mouse.move(0, 0);
  await expectAxeClean(page, view, '.tutor');
}

for (const name of scriptedProviders) {
  test.describe(`with ${name}`, () => {
    test('a concept intro: "Explain with an analogy" asks the model for one analogy', async ({ page }) => {
      test.setTimeout(120_000);
      const scripted = await openWithProvider(page, name, 'Numbers, strings', 'Numbers, strings and variables');
      const panel = await openTutor(page);
      await panel.getByRole('group', { name: 'Quick actions' }).getByRole('button', { name: 'Explain with an analogy' }).click();
      const reply = panel.getByRole('article', { name: 'Tutor' }).last();
      await expectTutorAnswer(page, scripted, reply, 'Good question', 'everyday analogy', 'concept intro, analogy');
    });

    test('a code-along: the tutor answers in scaffolded mode', async ({ page }) => {
      test.setTimeout(120_000);
      const scripted = await openWithProvider(page, name, 'FizzBuzz', 'Code-along: FizzBuzz');
      const panel = await ask(page, 'How do I start step 1?');
      const reply = panel.getByRole('article', { name: 'Tutor' }).last();
      await expectTutorAnswer(page, scripted, reply, 'Good question', 'Mode: scaffolded', 'code-along, tutor reply');
    });

    test('a challenge: only the Assessor answers, with no quick actions', async ({ page }) => {
      test.setTimeout(120_000);
      const scripted = await openWithProvider(page, name, 'Collatz', 'Challenge: the Collatz sequence');
      const panel = await openTutor(page);
      await expect(panel).toContainText('In a challenge only the Assessor answers');
      await expect(panel.getByRole('group', { name: 'Quick actions' })).toHaveCount(0);
      await ask(page, 'Is my loop right?');
      const reply = panel.getByRole('article', { name: 'Assessor' }).last();
      await expectTutorAnswer(page, scripted, reply, 'what would happen if the loop ran one extra time', 'Role: Assessor', 'challenge, Assessor reply');
    });

    test('a project: the Project Guide reviews a milestone submission, after its acceptance checks', async ({ page }) => {
      test.setTimeout(150_000);
      const scripted = await openWithProvider(page, name, 'frequency report', 'Project: word-frequency report');
      const milestone = page.getByRole('region', { name: 'Project milestones' }).locator('ol.code-along-steps > li').first();
      await milestone.getByRole('button', { name: 'Submit milestone' }).click();
      const review = milestone.getByRole('status', { name: 'Review of Count the words' });
      await expect(review).toContainText('Which milestone will you start with?', { timeout: 30_000 });
      expect(lastRequest(scripted)).toContain('Role: Project Guide');
      await expectAxeClean(page, 'project, Project Guide review', '.lesson-canvas');
    });

    test('a reflection: the Mentor asks one question back, kept with the journal', async ({ page }) => {
      test.setTimeout(120_000);
      const scripted = await openWithProvider(page, name, 'Looking back', 'Looking back');
      const reflection = page.getByRole('region', { name: 'Reflection' });
      await reflection.getByRole('textbox', { name: /Which exercise took you the longest/ }).fill('Collatz took longest; next I will plan the loop first.');
      await reflection.getByRole('button', { name: 'Save to journal' }).click();
      const question = reflection.getByRole('status').filter({ hasText: 'One question back' });
      await expect(question).toContainText('What is one small step you could finish in the next ten minutes?', { timeout: 30_000 });
      await expect(question).not.toContainText('smallest first step'); // not the authored, offline follow-up
      expect(lastRequest(scripted)).toContain('Role: Mentor');
      await expect(reflection.getByRole('list', { name: 'Your journal' }).getByRole('listitem')).toHaveCount(1);
      await expectAxeClean(page, 'reflection, Mentor question', '.lesson-canvas');
    });
  });
}
